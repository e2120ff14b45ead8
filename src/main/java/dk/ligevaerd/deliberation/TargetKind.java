package dk.ligevaerd.deliberation;

/** What a thread is about. A thread on a record is kept apart from the round's own thread. */
public enum TargetKind {
    /** A passage of the purpose statement. */
    STATEMENT,
    PRIORITY,
    ROUND,
    /** The decision record of a closed round; the target id is the round's. */
    RECORD;

    public String messageKey() {
        return "comment.target." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
