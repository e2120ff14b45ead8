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
                + " next_attempt_at, headers, workspace_id, kind) values (?, ?, ?, ?, ?, 0, ?, ?, ?, ?)", mails, 500,
                (ps, mail) -> {
                    ps.setString(1, mail.to());
                    ps.setString(2, mail.subject());
                    ps.setString(3, mail.body().text());
                    ps.setString(4, mail.body().html());
                    ps.setObject(5, now, Types.TIMESTAMP_WITH_TIMEZONE);
                    ps.setObject(6, now, Types.TIMESTAMP_WITH_TIMEZONE);
                    ps.setString(7, mail.headers().isEmpty() ? null : headerLines(mail.headers()));
                    ps.setObject(8, mail.workspaceId(), Types.BIGINT);
                    ps.setString(9, mail.kind());
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

    /** Whether a mail server is set; without one, mails are kept here until it is. */
    public boolean delivering() {
        return worker.delivering();
    }

    /** How many of the workspace's mails are not sent: waiting, retrying or failed. */
    @Transactional(readOnly = true)
    public int countUnsent(long workspaceId) {
        Integer count = jdbc.queryForObject("select count(*) from mail_outbox where workspace_id = ? and sent_at is null",
                Integer.class, workspaceId);
        return count == null ? 0 : count;
    }

    /** A page of the workspace's unsent mails, newest first. */
    @Transactional(readOnly = true)
    public List<QueuedMail> unsent(long workspaceId, int offset, int limit) {
        return jdbc.query("select id, recipient, subject, kind, created_at, attempts, next_attempt_at, failed_at,"
                + " last_error from mail_outbox where workspace_id = ? and sent_at is null order by id desc"
                + " offset ? rows fetch next ? rows only", (rs, n) -> {
                    OffsetDateTime failed = rs.getObject(8, OffsetDateTime.class);
                    int attempts = rs.getInt(6);
                    QueuedMail.State state = failed != null ? QueuedMail.State.FAILED
                            : attempts > 0 ? QueuedMail.State.RETRYING : QueuedMail.State.WAITING;
                    OffsetDateTime next = rs.getObject(7, OffsetDateTime.class);
                    return new QueuedMail(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getObject(5, OffsetDateTime.class).toInstant(), attempts, state,
                            failed != null || next == null ? null : next.toInstant(), rs.getString(9));
                }, workspaceId, Math.max(offset, 0), Math.max(limit, 0));
    }

    /**
     * The plain-text part of one of the workspace's unsent mails, with every secret in its links
     * hidden ({@link #hideSecrets}); empty when the workspace has no such unsent mail.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<String> unsentText(long workspaceId, long mailId, String hidden) {
        return jdbc.query("select body_text from mail_outbox where id = ? and workspace_id = ? and sent_at is null",
                (rs, n) -> hideSecrets(rs.getString(1), hidden), mailId, workspaceId).stream().findFirst();
    }

    /**
     * The text with the secret part of every link replaced: an invitation's single-use link, a
     * person's one-click unsubscribe link and an address's confirmation link each end in a random
     * token of 43 characters, and whoever reads another person's mail must not be able to use it.
     */
    public static String hideSecrets(String text, String hidden) {
        return SECRET_IN_LINK.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(m.group(1) + hidden));
    }

    /** A path segment of 32 or more URL-safe Base64 characters in a web address: no word is that long. */
    private static final java.util.regex.Pattern SECRET_IN_LINK = java.util.regex.Pattern.compile(
            "(https?://[^\\s]*?/)[A-Za-z0-9_-]{32,}(?=$|[/?#\\s])", java.util.regex.Pattern.MULTILINE);

    private static String headerLines(java.util.Map<String, String> headers) {
        StringBuilder lines = new StringBuilder();
        headers.forEach((name, value) -> lines.append(name).append(": ").append(value).append('\n'));
        return lines.toString();
    }
}
