package dk.ligevaerd.round.domain;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The one way a decision record (and a ballot) is written as text, so that the same record always
 * gives the same bytes and therefore the same hash, on every machine and in every year.
 *
 * <p>It is JSON as RFC 8785 (JCS) canonicalizes it, restricted to the values a record holds:
 * objects, arrays, strings, integers, booleans and null. No white space; object members sorted by
 * their names compared as UTF-16 code units; strings in UTF-8 with only {@code "} and {@code \}
 * and the control characters U+0000–U+001F escaped ({@code \b \t \n \f \r}, the rest, like a
 * lone surrogate, as {@code \}{@code uxxxx} in lower-case hex); integers in plain decimal. Exact fractions are strings
 * ({@code "7/12"}), instants are strings in UTC with exactly six decimals
 * ({@code "2026-11-03T09:15:00.000000Z"}). docs/decision-rules.md describes the record's fields.
 */
public final class CanonicalJson {

    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private CanonicalJson() {
    }

    /**
     * @param value a {@link Map} with {@link String} keys, {@link List}, {@link String}, {@link Integer},
     *              {@link Long}, {@link BigInteger}, {@link Boolean}, or null, nested freely
     * @throws IllegalArgumentException for anything else (a double, a date object): those have no
     *                                  single canonical form here and must be converted first
     */
    public static String write(@Nullable Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(@Nullable Object value, StringBuilder out) {
        switch (value) {
            case null -> out.append("null");
            case String s -> string(s, out);
            case Boolean b -> out.append(b ? "true" : "false");
            case Integer i -> out.append(i.intValue());
            case Long l -> out.append(l.longValue());
            case BigInteger big -> out.append(big);
            case Map<?, ?> map -> {
                Map<?, ?> sorted = map instanceof SortedMap<?, ?> ordered && ordered.comparator() == null
                        && ordered.keySet().stream().allMatch(String.class::isInstance) ? map : sorted(map);
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> member : sorted.entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    string((String) member.getKey(), out);
                    out.append(':');
                    write(member.getValue(), out);
                }
                out.append('}');
            }
            case List<?> list -> {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(list.get(i), out);
                }
                out.append(']');
            }
            default -> throw new IllegalArgumentException("no canonical form for " + value.getClass().getName());
        }
    }

    private static TreeMap<String, @Nullable Object> sorted(Map<?, ?> map) {
        TreeMap<String, @Nullable Object> sorted = new TreeMap<>();
        map.forEach((key, member) -> {
            if (!(key instanceof String name)) {
                throw new IllegalArgumentException("object member names must be strings: " + key);
            }
            sorted.put(name, member);
        });
        return sorted;
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || isLoneSurrogate(s, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** A surrogate that is not half of a pair has no UTF-8 form, so it is escaped as JCS does. */
    private static boolean isLoneSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }

    /** An instant in the record's one format: UTC, six decimals. */
    public static String instant(Instant instant) {
        return INSTANT.format(instant);
    }

    public static Instant parseInstant(String text) {
        return Instant.parse(text);
    }

    /** SHA-256 of the text's UTF-8 bytes, as 64 lower-case hex digits. */
    public static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
