package dk.ligevaerd.statement.collab;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * One edit of the statement, exactly as CodeMirror 6 describes it, so that what a browser sends
 * can be checked, applied, stored and sent on without translation.
 *
 * <p>The JSON form is CodeMirror's {@code ChangeSet.toJSON()}: an array whose elements are either a
 * number {@code n} (keep {@code n} characters of the old text) or an array
 * {@code [n, line, line, ...]} (replace {@code n} characters of the old text with the lines joined
 * by {@code "\n"}; {@code [n]} alone deletes). The numbers must add up to the length of the text
 * the change is applied to. Lengths count UTF-16 code units, as JavaScript strings and
 * {@link String#length()} both do, so positions mean the same on both sides.
 *
 * <p>{@link #compose} and {@link #map} follow CodeMirror's own algorithms step by step, including
 * how ties between insertions at the same position are broken, because a client rebases its
 * unconfirmed edits with CodeMirror's code and every copy must reach the same text. The test
 * {@code CodeMirrorCompatibilityTest} compares them with results computed by
 * {@code @codemirror/state} itself.
 *
 * <p>Internally a change set is a list of sections, each a pair: the length it covers in the old
 * text, and either {@link #KEEP} or the length of the text that replaces it. Sections are kept in
 * CodeMirror's normal form (no empty sections, neighbouring kept or deleted stretches merged), so
 * two change sets that mean the same are {@linkplain #equals equal}.
 */
public final class ChangeSet {

    private static final int KEEP = -1;
    private static final int DONE = -2;
    /**
     * Trailing tokens are refused so that {@code "[1] [2]"} is not quietly read as {@code [1]}.
     */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final int[] sections;
    private final String[] inserted;
    private final int lengthBefore;
    private final int lengthAfter;

    private ChangeSet(int[] sections, String[] inserted) {
        this.sections = sections;
        this.inserted = inserted;
        long before = 0;
        long after = 0;
        for (int i = 0; i < sections.length; i += 2) {
            before += sections[i];
            after += sections[i + 1] == KEEP ? sections[i] : sections[i + 1];
        }
        this.lengthBefore = Math.toIntExact(before);
        this.lengthAfter = Math.toIntExact(after);
    }

    /** A change that leaves a text of the given length as it is. */
    public static ChangeSet empty(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("Negative length " + length);
        }
        Builder builder = new Builder();
        builder.add(length, KEEP);
        return builder.build();
    }

    /**
     * Replaces {@code from}–{@code to} of a text of length {@code docLength} with {@code insert}.
     * Meant for code that makes changes itself (tests, a server-side reset), not for user input.
     */
    public static ChangeSet replace(int docLength, int from, int to, String insert) {
        if (from < 0 || from > to || to > docLength) {
            throw new IllegalArgumentException(
                    "Range " + from + "–" + to + " does not fit a text of length " + docLength);
        }
        Builder builder = new Builder();
        builder.add(from, KEEP);
        builder.add(to - from, insert.length());
        builder.insert(insert);
        builder.add(docLength - to, KEEP);
        return builder.build();
    }

    /**
     * Reads and checks a change sent for a text of length {@code docLength}.
     *
     * @throws InvalidChange if the JSON is not a change set, or does not fit that length
     */
    public static ChangeSet parse(String json, int docLength) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new InvalidChange(InvalidChange.MALFORMED, "not JSON: " + e.getOriginalMessage());
        }
        return fromJson(node, docLength);
    }

    /**
     * Reads and checks a change for a text of length {@code docLength}, such as the {@code changes}
     * of an update a browser sent.
     *
     * @throws InvalidChange if the structure is not a change set, or does not fit that length
     */
    public static ChangeSet fromJson(JsonNode json, int docLength) {
        ChangeSet changes = fromJson(json);
        if (changes.lengthBefore != docLength) {
            throw wrongLength(changes.lengthBefore, docLength);
        }
        return changes;
    }

    /**
     * Reads and checks the structure of a change without knowing the length of its text yet, as
     * when stored changes are read before they are replayed ({@link Authority#replay} then checks
     * the lengths).
     *
     * @throws InvalidChange if the structure is not a change set
     */
    public static ChangeSet fromJson(JsonNode json) {
        if (!json.isArray()) {
            throw malformed("a change set must be an array");
        }
        Builder builder = new Builder();
        long before = 0;
        long after = 0;
        for (int i = 0; i < json.size(); i++) {
            JsonNode part = json.get(i);
            int length;
            if (part.isNumber()) {
                length = length(part, i);
                builder.add(length, KEEP);
                after += length;
            } else if (part.isArray()) {
                if (part.isEmpty()) {
                    throw malformed("section " + i + " is an empty array");
                }
                length = length(part.get(0), i);
                String text = lines(part, i);
                builder.add(length, text.length());
                builder.insert(text);
                after += text.length();
            } else {
                throw malformed("section " + i + " is neither a number nor an array");
            }
            before += length;
            if (before > Integer.MAX_VALUE || after > Integer.MAX_VALUE) {
                throw malformed("the lengths add up to more than any text can have");
            }
        }
        return builder.build();
    }

    private static int length(JsonNode number, int section) {
        if (!number.isIntegralNumber()) {
            throw malformed("section " + section + " has a length that is not a whole number: " + abbreviate(number));
        }
        if (!number.canConvertToInt()) {
            throw malformed("section " + section + " has a length out of range: " + abbreviate(number));
        }
        int value = number.intValue();
        if (value < 0) {
            throw malformed("section " + section + " has a negative length: " + value);
        }
        return value;
    }

    private static String lines(JsonNode part, int section) {
        StringBuilder text = new StringBuilder();
        for (int j = 1; j < part.size(); j++) {
            JsonNode line = part.get(j);
            if (!line.isString()) {
                throw malformed("section " + section + " has a line that is not a string: " + abbreviate(line));
            }
            String value = line.stringValue();
            checkLine(value, section);
            if (j > 1) {
                text.append('\n');
            }
            text.append(value);
        }
        return text.toString();
    }

    /**
     * Line breaks inside a line would make the lengths disagree with what CodeMirror counts; control
     * characters and lone surrogates cannot be stored in PostgreSQL text or survive a round trip
     * through UTF-8, so a text holding them would not rebuild to itself.
     */
    private static void checkLine(String line, int section) {
        for (int k = 0; k < line.length(); k++) {
            char c = line.charAt(k);
            if (c == '\n' || c == '\r') {
                throw malformed("section " + section + " has a line break inside a line");
            }
            if (Character.isISOControl(c) && c != '\t') {
                throw new InvalidChange(InvalidChange.INVALID_CHARACTER,
                        "section " + section + " inserts control character U+%04X".formatted((int) c));
            }
            if (Character.isHighSurrogate(c) && k + 1 < line.length() && Character.isLowSurrogate(line.charAt(k + 1))) {
                k++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidChange(InvalidChange.INVALID_CHARACTER,
                        "section " + section + " inserts a lone surrogate U+%04X".formatted((int) c));
            }
        }
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    private static InvalidChange malformed(String detail) {
        return new InvalidChange(InvalidChange.MALFORMED, detail);
    }

    private static InvalidChange wrongLength(int claimed, int actual) {
        return new InvalidChange(InvalidChange.WRONG_LENGTH,
                "the change is for a text of length " + claimed + ", the text has length " + actual, claimed, actual);
    }

    /** The length of the text this change applies to. */
    public int lengthBefore() {
        return lengthBefore;
    }

    /** The length of the text this change produces. */
    public int lengthAfter() {
        return lengthAfter;
    }

    /** True when applying this change leaves every text as it was. */
    public boolean isEmpty() {
        for (int i = 1; i < sections.length; i += 2) {
            if (sections[i] != KEEP) {
                return false;
            }
        }
        return true;
    }

    /**
     * The text after this change.
     *
     * @throws InvalidChange if the text does not have the length this change was made for
     */
    public String apply(String doc) {
        if (doc.length() != lengthBefore) {
            throw wrongLength(lengthBefore, doc.length());
        }
        // Copied in blocks: a StringBuilder given a range of a text with a character beyond Latin-1
        // somewhere in it copies a Latin-1 range one character at a time, which made applying a
        // change to a long statement the editors' main cost (docs/performance.md, "Co-editing").
        char[] result = new char[lengthAfter];
        int pos = 0;
        int at = 0;
        for (int i = 0; i < sections.length; i += 2) {
            int length = sections[i];
            if (sections[i + 1] == KEEP) {
                doc.getChars(pos, pos + length, result, at);
                at += length;
            } else {
                String insert = inserted[i >> 1];
                insert.getChars(0, insert.length(), result, at);
                at += insert.length();
            }
            pos += length;
        }
        return new String(result);
    }

    /**
     * The single change that has the effect of this one followed by {@code other}, which must start
     * from the text this one produces.
     */
    public ChangeSet compose(ChangeSet other) {
        if (lengthAfter != other.lengthBefore) {
            throw new IllegalArgumentException(
                    "Cannot compose: this produces length " + lengthAfter
                            + ", the other expects " + other.lengthBefore);
        }
        if (isEmpty()) {
            return other;
        }
        if (other.isEmpty()) {
            return this;
        }
        return composeSets(this, other);
    }

    /**
     * This change, made to the same text as {@code other}, moved so that it applies after
     * {@code other}: the transformation that lets two concurrent edits both take effect.
     *
     * <p>Where both insert at the same position, {@code before} decides whose text comes first:
     * when true this change's insertion goes before {@code other}'s, otherwise after. As in
     * CodeMirror, for changes {@code a} and {@code b} made to the same text,
     * {@code a.compose(b.map(a))} and {@code b.compose(a.map(b, true))} produce the same text.
     * Text inserted by this change is never lost, even where {@code other} deleted around it.
     */
    public ChangeSet map(ChangeSet other, boolean before) {
        if (lengthBefore != other.lengthBefore) {
            throw new IllegalArgumentException(
                    "Cannot map: this is for length " + lengthBefore + ", the other for " + other.lengthBefore);
        }
        return other.isEmpty() ? this : mapSet(this, other, before);
    }

    /**
     * Where position {@code pos} of the old text ends up in the new one, as CodeMirror's
     * {@code mapPos}; used to keep other people's carets in place. With {@code assoc < 0} a
     * position stays before text inserted exactly there, otherwise it moves after it.
     */
    public int mapPos(int pos, int assoc) {
        if (pos < 0 || pos > lengthBefore) {
            throw new IllegalArgumentException("Position " + pos + " is outside a text of length " + lengthBefore);
        }
        int posA = 0;
        int posB = 0;
        for (int i = 0; i < sections.length; i += 2) {
            int length = sections[i];
            int ins = sections[i + 1];
            int endA = posA + length;
            if (ins == KEEP) {
                if (endA > pos) {
                    return posB + (pos - posA);
                }
                posB += length;
            } else {
                if (endA > pos || endA == pos && assoc < 0 && length == 0) {
                    return pos == posA || assoc < 0 ? posB : posB + ins;
                }
                posB += ins;
            }
            posA = endA;
        }
        return posB;
    }

    /**
     * The changed stretches in order, neighbouring ones joined (as CodeMirror's
     * {@code iterChanges}): what was replaced in the old text, and with what.
     */
    public List<Change> changes() {
        List<Change> result = new ArrayList<>();
        int posA = 0;
        int posB = 0;
        int i = 0;
        while (i < sections.length) {
            int length = sections[i];
            int ins = sections[i + 1];
            i += 2;
            if (ins == KEEP) {
                posA += length;
                posB += length;
                continue;
            }
            int endA = posA;
            int endB = posB;
            StringBuilder text = new StringBuilder();
            while (true) {
                endA += length;
                endB += ins;
                text.append(inserted[(i - 2) >> 1]);
                if (i == sections.length || sections[i + 1] == KEEP) {
                    break;
                }
                length = sections[i];
                ins = sections[i + 1];
                i += 2;
            }
            result.add(new Change(posA, endA, posB, endB, text.toString()));
            posA = endA;
            posB = endB;
        }
        return List.copyOf(result);
    }

    /** The stretches of the new text that this change inserted. */
    public List<Range> insertedRanges() {
        return changes().stream()
                .filter(change -> change.toB() > change.fromB())
                .map(change -> new Range(change.fromB(), change.toB()))
                .toList();
    }

    /** The stretches of the old text that this change deleted (or replaced). */
    public List<Range> deletedRanges() {
        return changes().stream()
                .filter(change -> change.toA() > change.fromA())
                .map(change -> new Range(change.fromA(), change.toA()))
                .toList();
    }

    /** The JSON form CodeMirror's {@code ChangeSet.fromJSON} reads. */
    public ArrayNode toJson() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ArrayNode json = nodes.arrayNode(sections.length / 2);
        for (int i = 0; i < sections.length; i += 2) {
            int length = sections[i];
            int ins = sections[i + 1];
            if (ins == KEEP) {
                json.add(length);
            } else {
                ArrayNode part = json.addArray();
                part.add(length);
                if (ins > 0) {
                    for (String line : inserted[i >> 1].split("\n", -1)) {
                        part.add(line);
                    }
                }
            }
        }
        return json;
    }

    /** {@link #toJson()} as text, for storage. */
    public String toJsonString() {
        return toJson().toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChangeSet that
                && Arrays.equals(sections, that.sections)
                && Arrays.equals(inserted, that.inserted);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(sections) + Arrays.hashCode(inserted);
    }

    /** CodeMirror's debugging form ({@code 5 2:3}) followed by the JSON, for test reports. */
    @Override
    public String toString() {
        StringBuilder result = new StringBuilder();
        for (int i = 0; i < sections.length; i += 2) {
            if (!result.isEmpty()) {
                result.append(' ');
            }
            result.append(sections[i]);
            if (sections[i + 1] != KEEP) {
                result.append(':').append(sections[i + 1]);
            }
        }
        return result.append(' ').append(toJsonString()).toString();
    }

    /**
     * A changed stretch: {@code fromA}–{@code toA} of the old text became {@code inserted}, which is
     * {@code fromB}–{@code toB} of the new text.
     */
    public record Change(int fromA, int toA, int fromB, int toB, String inserted) {
    }

    /** A stretch {@code from}–{@code to} (exclusive) of a text. */
    public record Range(int from, int to) {
        public int length() {
            return to - from;
        }
    }

    // The two algorithms below walk both change sets section by section, as CodeMirror's mapSet and
    // composeSets do; any difference in how a tie or an overlap is resolved would make the server's
    // rebasing disagree with the browsers', so they stay deliberately close to that shape.

    private static ChangeSet mapSet(ChangeSet setA, ChangeSet setB, boolean before) {
        Builder result = new Builder();
        Cursor a = new Cursor(setA);
        Cursor b = new Cursor(setB);
        // The section of A whose insertion has been emitted already, so it is not emitted twice
        // when A's change is taken apart around B's changes.
        int insertedAt = -1;
        while (true) {
            if (a.done() && b.len > 0 || b.done() && a.len > 0) {
                throw new IllegalStateException("Mismatched change set lengths");
            } else if (a.ins == KEEP && b.ins == KEEP) {
                int length = Math.min(a.len, b.len);
                result.add(length, KEEP);
                a.forward(length);
                b.forward(length);
            } else if (b.ins >= 0 && (a.ins < 0 || insertedAt == a.i
                    || a.off == 0 && (b.len < a.len || b.len == a.len && !before))) {
                // B's change starts first (or ties and B goes first): its result is kept text for
                // A, and any insertion of A that B's change swallows is still emitted.
                int length = b.len;
                result.add(b.ins, KEEP);
                while (length > 0) {
                    int piece = Math.min(a.len, length);
                    if (a.ins >= 0 && insertedAt < a.i && a.len <= piece) {
                        result.add(0, a.ins);
                        result.insert(a.text());
                        insertedAt = a.i;
                    }
                    a.forward(piece);
                    length -= piece;
                }
                b.next();
            } else if (a.ins >= 0) {
                // A's change, up to where the next change of B that is not a mere deletion begins.
                int length = 0;
                int left = a.len;
                while (left > 0) {
                    if (b.ins == KEEP) {
                        int piece = Math.min(left, b.len);
                        length += piece;
                        left -= piece;
                        b.forward(piece);
                    } else if (b.ins == 0 && b.len < left) {
                        left -= b.len;
                        b.next();
                    } else {
                        break;
                    }
                }
                boolean first = insertedAt < a.i;
                result.add(length, first ? a.ins : 0);
                if (first) {
                    result.insert(a.text());
                }
                insertedAt = a.i;
                a.forward(a.len - left);
            } else if (a.done() && b.done()) {
                return result.build();
            } else {
                throw new IllegalStateException("Mismatched change set lengths");
            }
        }
    }

    private static ChangeSet composeSets(ChangeSet setA, ChangeSet setB) {
        Builder result = new Builder();
        Cursor a = new Cursor(setA);
        Cursor b = new Cursor(setB);
        // Whether the section being written continues a change that spans several steps, so the
        // pieces become one section instead of several.
        boolean open = false;
        while (true) {
            if (a.done() && b.done()) {
                return result.build();
            } else if (a.ins == 0) {
                result.add(a.len, 0, open);
                a.next();
            } else if (b.len == 0 && !b.done()) {
                result.add(0, b.ins, open);
                result.insert(b.text());
                b.next();
            } else if (a.done() || b.done()) {
                throw new IllegalStateException("Mismatched change set lengths");
            } else {
                int length = Math.min(a.len2(), b.len);
                int sizeBefore = result.size;
                if (a.ins == KEEP) {
                    int insB = b.ins == KEEP ? KEEP : b.off > 0 ? 0 : b.ins;
                    result.add(length, insB, open);
                    if (insB > 0) {
                        result.insert(b.text());
                    }
                } else if (b.ins == KEEP) {
                    result.add(a.off > 0 ? 0 : a.len, length, open);
                    result.insert(a.textBit(length));
                } else {
                    result.add(a.off > 0 ? 0 : a.len, b.off > 0 ? 0 : b.ins, open);
                    if (b.off == 0) {
                        result.insert(b.text());
                    }
                }
                open = (a.ins > length || b.ins >= 0 && b.len > length) && (open || result.size > sizeBefore);
                a.forward2(length);
                b.forward(length);
            }
        }
    }

    /** Reads a change set section by section, able to stop part-way through a section. */
    private static final class Cursor {
        private final ChangeSet set;
        private int i;
        private int len;
        private int off;
        private int ins;

        Cursor(ChangeSet set) {
            this.set = set;
            next();
        }

        void next() {
            if (i < set.sections.length) {
                len = set.sections[i++];
                ins = set.sections[i++];
            } else {
                len = 0;
                ins = DONE;
            }
            off = 0;
        }

        boolean done() {
            return ins == DONE;
        }

        /** The length of the current section in the new text. */
        int len2() {
            return ins < 0 ? len : ins;
        }

        String text() {
            int index = (i - 2) >> 1;
            return index < set.inserted.length ? set.inserted[index] : "";
        }

        String textBit(int length) {
            return text().substring(off, off + length);
        }

        void forward(int length) {
            if (length == len) {
                next();
            } else {
                len -= length;
                off += length;
            }
        }

        void forward2(int length) {
            if (ins == KEEP) {
                forward(length);
            } else if (length == ins) {
                next();
            } else {
                ins -= length;
                off += length;
            }
        }
    }

    /** Collects sections in normal form, merging as CodeMirror's addSection and addInsert do. */
    private static final class Builder {
        private int[] sections = new int[16];
        private int size;
        private final List<StringBuilder> texts = new ArrayList<>();

        void add(int length, int ins) {
            add(length, ins, false);
        }

        void add(int length, int ins, boolean join) {
            if (length == 0 && ins <= 0) {
                return;
            }
            int last = size - 2;
            if (last >= 0 && ins <= 0 && ins == sections[last + 1]) {
                sections[last] += length;
            } else if (last >= 0 && length == 0 && sections[last] == 0) {
                sections[last + 1] += ins;
            } else if (join && last >= 0) {
                sections[last] += length;
                sections[last + 1] += ins;
            } else {
                if (size == sections.length) {
                    sections = Arrays.copyOf(sections, size * 2);
                }
                sections[size++] = length;
                sections[size++] = ins;
                texts.add(new StringBuilder());
            }
        }

        /** Adds text to the section added last, whose insertion length already counts it. */
        void insert(String text) {
            if (!text.isEmpty()) {
                texts.getLast().append(text);
            }
        }

        ChangeSet build() {
            String[] inserted = new String[texts.size()];
            for (int k = 0; k < inserted.length; k++) {
                inserted[k] = texts.get(k).toString();
            }
            return new ChangeSet(Arrays.copyOf(sections, size), inserted);
        }
    }
}
