package dk.ligevaerd.statement.collab;

import dk.ligevaerd.shared.Text;
import org.jspecify.annotations.Nullable;

/**
 * What the shared text may hold, beyond what {@link ChangeSet#fromJson} already refuses (control
 * characters, lone surrogates in what is inserted): a change may not cut a surrogate pair of the
 * text it applies to in two, and may not insert characters that make a passage read differently
 * from what is stored (bidirectional controls) or that are not characters at all (non-characters
 * such as U+FFFE). Only new changes are checked; what was accepted before stays readable.
 */
public final class StatementCharacters {

    private StatementCharacters() {
    }

    /**
     * Checks {@code changes} against {@code doc}, the text they apply to.
     *
     * @throws InvalidChange with {@value InvalidChange#INVALID_CHARACTER} if a change starts or ends
     *         between the two halves of a surrogate pair, or inserts a forbidden character
     */
    public static void check(ChangeSet changes, String doc) {
        for (ChangeSet.Change change : changes.changes()) {
            if (splitsPair(doc, change.fromA()) || splitsPair(doc, change.toA())) {
                throw new InvalidChange(InvalidChange.INVALID_CHARACTER,
                        "a change at " + change.fromA() + "–" + change.toA() + " splits a surrogate pair");
            }
            String forbidden = forbidden(change.inserted());
            if (forbidden != null) {
                throw new InvalidChange(InvalidChange.INVALID_CHARACTER, "a change inserts " + forbidden);
            }
        }
    }

    /** Whether {@code at} falls between a high and a low surrogate of {@code text}. */
    static boolean splitsPair(String text, int at) {
        return at > 0 && at < text.length() && Character.isHighSurrogate(text.charAt(at - 1))
                && Character.isLowSurrogate(text.charAt(at));
    }

    /**
     * The first forbidden character of {@code text}, described for the log, or null. What is
     * forbidden is the same as in every other user text ({@link Text#isForbidden}): bidirectional
     * controls, non-characters and lone surrogates.
     */
    static @Nullable String forbidden(String text) {
        for (int k = 0; k < text.length(); ) {
            int c = text.codePointAt(k);
            if (Text.isForbidden(c)) {
                return "the forbidden character U+%04X".formatted(c);
            }
            k += Character.charCount(c);
        }
        return null;
    }

    /**
     * {@code text} with every lone surrogate replaced by U+FFFD, of the same length, so it can be
     * sent as UTF-8 whatever was stored before positions were checked.
     */
    public static String sendable(String text) {
        StringBuilder out = null;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            boolean pair = Character.isHighSurrogate(c) && k + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(k + 1));
            if (pair) {
                if (out != null) {
                    out.append(c).append(text.charAt(k + 1));
                }
                k++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, k);
                }
                out.append('\uFFFD');
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}
