package dk.ligevaerd.deliberation;

/**
 * Where a statement thread's passage stands in the statement at {@code statementVersion}: an editor
 * at that version can mark it, and an editor at a later one maps it through the changes since, as
 * it maps carets.
 *
 * @param wording the passage's words as they stand (or, once removed, as they last stood)
 * @param removed every character of the passage has been deleted; the thread stays
 */
public record PassageView(int from, int to, String wording, boolean removed, int statementVersion) {
}
