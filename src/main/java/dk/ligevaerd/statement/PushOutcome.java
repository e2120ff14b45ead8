package dk.ligevaerd.statement;

/**
 * The answer to a batch of changes sent by a live editor. Nothing is stored unless the outcome is
 * {@link Accepted}, and that answer is only given once the changes are committed.
 */
public sealed interface PushOutcome {

    /** Stored and current: the statement is now at {@code version}. */
    record Accepted(int version) implements PushOutcome {
    }

    /** Others' changes came first; the editor catches up to {@code version}, rebases and sends again. */
    record Behind(int version) implements PushOutcome {
    }

    /**
     * Cannot be accepted as sent, now or later. {@code messageKey} and {@code arguments} say why to
     * the person; {@code detail} says why to a developer reading the log.
     */
    record Refused(String messageKey, Object[] arguments, String detail) implements PushOutcome {
    }
}
