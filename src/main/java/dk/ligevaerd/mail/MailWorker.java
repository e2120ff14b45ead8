package dk.ligevaerd.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds. Each round claims due mails, sends them, and marks each sent or
 * schedules its next attempt with a doubling wait.
 *
 * <p>Several nodes share one database, so a mail is claimed before it is sent: the claim sets a
 * lease ({@code claimed_until}) and only a conditional update that finds the mail unclaimed (or its
 * lease run out) wins it. On PostgreSQL the candidates are read with {@code FOR UPDATE SKIP LOCKED},
 * so racing nodes take disjoint mails without waiting for each other; the conditional update is what
 * makes the claim correct on every database; on the embedded H2 file, which only this process can
 * open, claims are also taken one at a time. A node that dies
 * between claiming and marking leaves the mail to be sent again after the lease: at most that window
 * can repeat a mail, never lose one, and the Message-ID is stable so mail systems can spot the twin.
 *
 * <p>Without an SMTP server ({@code spring.mail.host} unset) nothing is sent and nothing is dropped:
 * the mails stay in the outbox and are listed in the log, and go out once a server is configured.
 */
@Component
public class MailWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MailWorker.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ObjectProvider<JavaMailSender> senders;
    private final MailSettings settings;
    private final Clock clock;
    private final String node = UUID.randomUUID().toString();
    private final boolean skipLocked;
    private final AtomicBoolean running = new AtomicBoolean();
    /**
     * On the embedded H2 file only one process can open the database (no {@code AUTO_SERVER}), so
     * all its workers are threads of this JVM: one claim at a time among them is the whole of the
     * cross-worker guarantee there, with no reliance on how H2 re-checks a waiting update.
     */
    private final ReentrantLock embeddedClaim = new ReentrantLock();
    private @Nullable ScheduledExecutorService executor;

    MailWorker(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, ObjectProvider<JavaMailSender> senders,
            MailSettings settings, Clock clock, DataSource dataSource) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.senders = senders;
        this.settings = settings;
        this.clock = clock;
        this.skipLocked = isPostgres(dataSource);
    }

    private static boolean isPostgres(DataSource dataSource) {
        try {
            String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
            return product != null && product.toLowerCase(java.util.Locale.ROOT).contains("postgres");
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void start() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        if (senders.getIfAvailable() == null) {
            listUnsent();
            return;
        }
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "mail-worker");
            thread.setDaemon(true);
            return thread;
        });
        executor = started;
        long every = settings.pollInterval().toMillis();
        started.scheduleWithFixedDelay(this::sendDueQuietly, 0, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running.set(false);
        ScheduledExecutorService started = executor;
        if (started != null) {
            started.shutdown();
            try {
                started.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
            // A graceful stop hands back what this node claimed but did not finish, so another node
            // (or the next start) need not wait for the lease to run out.
            jdbc.update("update mail_outbox set claimed_until = null where claimed_by = ? and sent_at is null",
                    node);
        }
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }

    /** Whether a mail server is configured ({@code spring.mail.host}); without one mails are kept. */
    boolean delivering() {
        return senders.getIfAvailable() != null;
    }

    /** Called after a commit that queued mail, so it goes out at once rather than at the next poll. */
    void wakeUp() {
        ScheduledExecutorService started = executor;
        if (started != null && !started.isShutdown()) {
            try {
                started.execute(this::sendDueQuietly);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                // Shutting down: the mail waits in the outbox for the next start.
            }
        } else if (running.get()) {
            listUnsent();
        }
    }

    private void sendDueQuietly() {
        try {
            while (running.get() && sendDue() > 0) {
                // A full batch may mean more is due: go on until a round finds nothing.
            }
        } catch (RuntimeException e) {
            log.warn("Mail worker round failed; the outbox is tried again at the next round", e);
        }
    }

    /**
     * One round: claims up to a batch of due mails and sends them. Safe to run on several threads and
     * nodes at once; each mail is sent by the one that claimed it.
     *
     * @return how many mails this round claimed
     */
    public int sendDue() {
        JavaMailSender sender = senders.getIfAvailable();
        if (sender == null) {
            return 0;
        }
        List<Long> claimed = claim();
        if (!claimed.isEmpty()) {
            send(sender, claimed);
        }
        return claimed.size();
    }

    private List<Long> claim() {
        if (skipLocked) {
            return claimUnlocked();
        }
        embeddedClaim.lock();
        try {
            return claimUnlocked();
        } finally {
            embeddedClaim.unlock();
        }
    }

    private List<Long> claimUnlocked() {
        Instant now = clock.instant();
        OffsetDateTime at = utc(now);
        OffsetDateTime until = utc(now.plus(settings.lease()));
        return transactions.execute(status -> {
            List<Long> candidates = jdbc.queryForList("select id from mail_outbox where sent_at is null"
                    + " and failed_at is null and next_attempt_at <= ?"
                    + " and (claimed_until is null or claimed_until < ?) order by id"
                    + " fetch first " + settings.batchSize() + " rows only"
                    + (skipLocked ? " for update skip locked" : ""), Long.class, at, at);
            List<Long> won = new ArrayList<>();
            for (long id : candidates) {
                int updated;
                try {
                    updated = jdbc.update("update mail_outbox set claimed_by = ?, claimed_until = ?,"
                            + " attempts = attempts + 1 where id = ? and sent_at is null"
                            + " and (claimed_until is null or claimed_until < ?)", node, until, id, at);
                } catch (DataAccessException lostTheRace) {
                    // H2 may refuse an update of a row another worker is claiming at this moment.
                    updated = 0;
                }
                if (updated == 1) {
                    won.add(id);
                }
            }
            return won;
        });
    }

    private record Row(String to, String subject, String text, String html, int attempts, Instant createdAt,
            @Nullable String headers) {
    }

    /**
     * Sends a claimed batch over one connection to the SMTP server (a connection per mail held the
     * worker to about 20 mails a second, docs/performance.md), then marks what went out in one
     * statement. A mail the server refuses is retried on its own, later; the rest count as sent.
     */
    private void send(JavaMailSender sender, List<Long> ids) {
        Map<Long, Row> rows = new HashMap<>();
        jdbc.query("select id, recipient, subject, body_text, body_html, attempts, created_at, headers"
                + " from mail_outbox where id in (" + String.join(",", java.util.Collections.nCopies(ids.size(), "?"))
                + ")", rs -> {
                    rows.put(rs.getLong(1), new Row(rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getInt(6), rs.getObject(7, OffsetDateTime.class).toInstant(),
                            rs.getString(8)));
                }, ids.toArray());
        Map<MimeMessage, Long> messages = new IdentityHashMap<>();
        List<MimeMessage> order = new ArrayList<>();
        for (long id : ids) {
            Row row = rows.get(id);
            if (row == null) {
                continue;
            }
            try {
                MimeMessage message = message(sender, id, row);
                messages.put(message, id);
                order.add(message);
            } catch (MessagingException | RuntimeException e) {
                failed(id, row, e);
            }
        }
        if (order.isEmpty()) {
            return;
        }
        Map<Object, Exception> refused = new IdentityHashMap<>();
        try {
            sender.send(order.toArray(new MimeMessage[0]));
        } catch (MailSendException e) {
            refused.putAll(e.getFailedMessages());
            if (refused.isEmpty()) {
                order.forEach(m -> refused.put(m, e));
            }
        } catch (RuntimeException e) {
            order.forEach(m -> refused.put(m, e));
        }
        List<Object[]> sent = new ArrayList<>();
        OffsetDateTime now = utc(clock.instant());
        for (MimeMessage message : order) {
            long id = messages.get(message);
            Exception problem = refused.get(message);
            if (problem != null) {
                failed(id, rows.get(id), problem);
            } else {
                sent.add(new Object[] {now, id, node});
            }
        }
        jdbc.batchUpdate("update mail_outbox set sent_at = ?, claimed_until = null, last_error = null where id = ?"
                + " and claimed_by = ?", sent);
        for (Object[] done : sent) {
            Row row = rows.get((Long) done[1]);
            log.info("Mail {} sent to {}: {}", done[1], row.to(), row.subject());
        }
    }

    private MimeMessage message(JavaMailSender sender, long id, Row row) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(settings.from());
        helper.setTo(row.to());
        helper.setSubject(row.subject());
        helper.setText(row.text(), row.html());
        if (row.headers() != null) {
            for (String line : row.headers().split("\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    message.setHeader(line.substring(0, colon), line.substring(colon + 1).strip());
                }
            }
        }
        message.saveChanges();
        // Stable per outbox row, so a mail repeated after a crash can be recognised as the same.
        message.setHeader("Message-ID", "<outbox-" + id + "-" + row.createdAt().toEpochMilli() + "@ligevaerd>");
        return message;
    }

    private void failed(long id, Row row, Exception e) {
        Instant now = clock.instant();
        String error = String.valueOf(e.getMessage());
        error = error.length() > 1000 ? error.substring(0, 1000) : error;
        if (row.attempts() >= settings.maxAttempts()) {
            jdbc.update("update mail_outbox set failed_at = ?, claimed_until = null, last_error = ? where id = ?"
                    + " and claimed_by = ?", utc(now), error, id, node);
            log.error("Mail {} to {} failed {} times and is given up; it stays in the outbox: {}", id, row.to(),
                    row.attempts(), error);
            return;
        }
        Instant next = now.plus(settings.backoff(row.attempts()));
        jdbc.update("update mail_outbox set next_attempt_at = ?, claimed_until = null, last_error = ? where id = ?"
                + " and claimed_by = ?", utc(next), error, id, node);
        log.warn("Mail {} to {} not sent (attempt {}), next attempt at {}: {}", id, row.to(), row.attempts(), next,
                error);
    }

    /** Without SMTP, the log lists what waits, so nobody has to guess where the mails went. */
    private void listUnsent() {
        List<String> waiting = jdbc.query("select id, recipient, subject from mail_outbox where sent_at is null"
                + " and failed_at is null order by id", (rs, n) -> "#" + rs.getLong(1) + " to " + rs.getString(2)
                        + ": " + rs.getString(3));
        if (!waiting.isEmpty()) {
            log.warn("No SMTP server configured (spring.mail.host): {} mail(s) kept in the outbox, not sent:\n  {}",
                    waiting.size(), String.join("\n  ", waiting));
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

}
