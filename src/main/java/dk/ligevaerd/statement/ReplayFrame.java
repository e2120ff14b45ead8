package dk.ligevaerd.statement;

import java.util.List;

/**
 * The purpose statement as it stood after its first {@code version} accepted changes (0: the empty
 * start), who wrote each stretch of it, and what the change that made this version did.
 *
 * @param authorship consecutive stretches by one author each, covering the whole text in order
 * @param edits what the change that made this version replaced, in order; empty at version 0
 */
public record ReplayFrame(int version, String text, List<AuthorSpan> authorship, List<Edit> edits) {

    public ReplayFrame {
        authorship = List.copyOf(authorship);
        edits = List.copyOf(edits);
    }

    /** The empty text before the first change. */
    public static ReplayFrame start() {
        return new ReplayFrame(0, "", List.of(), List.of());
    }

    /** The stretches of {@link #text()} that the change inserted, in order. */
    public List<Range> inserted() {
        return edits.stream().filter(e -> e.to() > e.from()).map(e -> new Range(e.from(), e.to())).toList();
    }

    /** How many characters the change inserted. */
    public int insertedLength() {
        return edits.stream().mapToInt(e -> e.to() - e.from()).sum();
    }

    /** How many characters the change removed. */
    public int removedLength() {
        return edits.stream().mapToInt(e -> e.removed().length()).sum();
    }

    /** Characters {@code from}–{@code to} (exclusive) were written by {@code userId} for side {@code sideId}. */
    public record AuthorSpan(int from, int to, long userId, long sideId) {
    }

    /**
     * {@code from}–{@code to} (exclusive) of the text is what the change inserted (empty for a pure
     * deletion) in place of {@code removed} (empty for a pure insertion), which stood at {@code from}.
     */
    public record Edit(int from, int to, String removed) {
    }

    /** A stretch {@code from}–{@code to} (exclusive) of the text. */
    public record Range(int from, int to) {
    }
}
