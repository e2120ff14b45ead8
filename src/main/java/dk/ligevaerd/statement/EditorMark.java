package dk.ligevaerd.statement;

/**
 * A passage another feature marks in the statement's editor: a comment thread's passage, or a
 * suggested change shown as a tracked change. Its positions are those of the statement at
 * {@code version}; the editor carries them to its own text as it carries other editors' carets.
 *
 * @param kind    {@code "comment"} (the passage tinted and underlined), {@code "suggestion"} (the
 *                passage struck, {@code newText} after it) or {@code "suggestion-outdated"} (a pending
 *                suggestion whose words have changed since: the passage outlined, nothing struck)
 * @param id      the thread's or suggestion's id
 * @param sideId  the side of whoever commented or suggested: the mark's colour
 * @param newText for a suggestion, the words it puts in; empty for a comment
 */
public record EditorMark(String kind, long id, int from, int to, int version, long sideId, String newText) {

    public static final String COMMENT = "comment";
    public static final String SUGGESTION = "suggestion";
    public static final String OUTDATED_SUGGESTION = "suggestion-outdated";

    /** {@link #COMMENT} or {@link #SUGGESTION}: what the mark stands for, whatever its state. */
    public String family() {
        return kind.equals(OUTDATED_SUGGESTION) ? SUGGESTION : kind;
    }
}
