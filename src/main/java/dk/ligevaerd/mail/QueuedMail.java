package dk.ligevaerd.mail;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A mail in the outbox as its workspace's outbox page lists it: who it is for and where it stands,
 * without its body (read separately, with its secret links hidden).
 *
 * @param kind {@code INVITATION}, a notification kind, or null for a mail queued before kinds were kept
 * @param nextAttemptAt when the worker tries it (again); null once it failed for good
 * @param lastError what the mail server said at the last failed attempt, if any
 */
public record QueuedMail(long id, String recipient, String subject, @Nullable String kind, Instant createdAt,
        int attempts, State state, @Nullable Instant nextAttemptAt, @Nullable String lastError) {

    public enum State {
        /** Not tried yet (or kept because no mail server is set). */
        WAITING,
        /** Tried and refused; tried again after a wait. */
        RETRYING,
        /** Given up after the last attempt; kept, never deleted. */
        FAILED;

        public String messageKey() {
            return "outbox.state." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
