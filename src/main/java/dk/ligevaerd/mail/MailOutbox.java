package dk.ligevaerd.mail;

import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where features put the mails their changes cause. A mail is a row written in the caller's own
 * transaction: it exists exactly when the change it reports was committed, and the worker sends it
 * only after that commit.
 */
@Component
public class MailOutbox {

    private final JdbcTemplate jdbc;
    private final MailWorker worker;
    private final Clock clock;

    MailOutbox(JdbcTemplate jdbc, MailWorker worker, Clock clock) {
        this.jdbc = jdbc;
        this.worker = worker;
        this.clock = clock;
    }

    /**
     * Queues the mail inside the caller's transaction. {@code MANDATORY}: a mail without the change
     * that causes it must not be possible, and the caller has checked who may cause it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void queue(OutgoingMail mail) {
        queueAll(List.of(mail));
    }

    /**
     * Queues the mails inside the caller's transaction, in one batch: a round closed in a workspace
     * of thousands queues a mail to each within the closing's own time.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void queueAll(List<OutgoingMail> mails) {
        if (mails.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        jdbc.batchUpdate("insert into mail_outbox (recipient, subject, body_text, body_html, created_at, attempts,"
                + " next_attempt_at, headers) values (?, ?, ?, ?, ?, 0, ?, ?)", mails, 500, (ps, mail) -> {
                    ps.setString(1, mail.to());
                    ps.setString(2, mail.subject());
                    ps.setString(3, mail.body().text());
                    ps.setString(4, mail.body().html());
                    ps.setObject(5, now, Types.TIMESTAMP_WITH_TIMEZONE);
                    ps.setObject(6, now, Types.TIMESTAMP_WITH_TIMEZONE);
                    ps.setString(7, mail.headers().isEmpty() ? null : headerLines(mail.headers()));
                });
        // One wake-up per transaction, however many mails it queued: closing a round for 2,000 members
        // once woke the worker 2,000 times.
        if (!TransactionSynchronizationManager.hasResource(this)) {
            TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    worker.wakeUp();
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(MailOutbox.this);
                }
            });
        }
    }

    private static String headerLines(java.util.Map<String, String> headers) {
        StringBuilder lines = new StringBuilder();
        headers.forEach((name, value) -> lines.append(name).append(": ").append(value).append('\n'));
        return lines.toString();
    }
}
