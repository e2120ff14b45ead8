package dk.ligevaerd.notify;

import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.account.MailRecipient;
import dk.ligevaerd.mail.MailBody;
import dk.ligevaerd.mail.MailOutbox;
import dk.ligevaerd.mail.OutgoingMail;
import dk.ligevaerd.shared.Messages;
import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Once a day (at {@code ligevaerd.notify.digest-at}) gathers each person's waiting digest items
 * into one mail. Every node looks regularly; the items are claimed as the mail worker claims mail
 * (candidates read with {@code FOR UPDATE SKIP LOCKED} on PostgreSQL, one claim at a time within
 * this JVM on the embedded H2 file, and a conditional update that only an unclaimed item passes),
 * and the digest mail is queued in the same transaction that marks the items. So each item is in
 * exactly one digest, however many nodes look at once.
 */
@Component
public class DigestWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DigestWorker.class);
    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final AccountService accounts;
    private final MailOutbox outbox;
    private final Deliveries deliveries;
    private final NotifySettings settings;
    private final Clock clock;
    private final boolean skipLocked;
    private final ReentrantLock embeddedClaim = new ReentrantLock();
    private final AtomicBoolean running = new AtomicBoolean();
    private @Nullable ScheduledExecutorService executor;

    DigestWorker(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, AccountService accounts,
            MailOutbox outbox, Deliveries deliveries, NotifySettings settings, Clock clock, DataSource dataSource) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.accounts = accounts;
        this.outbox = outbox;
        this.deliveries = deliveries;
        this.settings = settings;
        this.clock = clock;
        this.skipLocked = isPostgres(dataSource);
    }

    private static boolean isPostgres(DataSource dataSource) {
        try {
            String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
            return product != null && product.toLowerCase(Locale.ROOT).contains("postgres");
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void start() {
        if (!running.compareAndSet(false, true) || settings.digestPoll().isZero()) {
            return;
        }
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "digest-worker");
            thread.setDaemon(true);
            return thread;
        });
        executor = started;
        long every = settings.digestPoll().toMillis();
        started.scheduleWithFixedDelay(() -> {
            try {
                sendDigestsUpTo(lastDigestTime(clock.instant()));
            } catch (RuntimeException e) {
                log.warn("Digest round failed; tried again at the next round", e);
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running.set(false);
        ScheduledExecutorService started = executor;
        if (started != null) {
            started.shutdownNow();
            executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }

    Instant lastDigestTime(Instant now) {
        return lastDigestTime(now, settings.digestAt(), settings.zone());
    }

    /** The latest daily digest time at or before {@code now}: items from before it are due. */
    static Instant lastDigestTime(Instant now, LocalTime at, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime today = LocalDate.from(local).atTime(at).atZone(zone);
        return (today.isAfter(local) ? today.minusDays(1) : today).toInstant();
    }

    /**
     * Mails every person one digest of their items that came before {@code cutoff}. Safe on several
     * threads and nodes at once.
     *
     * @return how many digest mails this call queued
     */
    public int sendDigestsUpTo(Instant cutoff) {
        int mails = 0;
        while (true) {
            int queued;
            if (skipLocked) {
                queued = oneBatch(cutoff);
            } else {
                embeddedClaim.lock();
                try {
                    queued = oneBatch(cutoff);
                } finally {
                    embeddedClaim.unlock();
                }
            }
            if (queued < 0) {
                return mails;
            }
            mails += queued;
        }
    }

    private record Item(long id, long userId, String kind, String language, String subject, String summary,
            String link) {
    }

    /** One transaction: claims up to a batch of due items and queues a digest per person; -1 when none was due. */
    private int oneBatch(Instant cutoff) {
        Integer queued = transactions.execute(status -> {
            List<Item> candidates = jdbc.query("select id, user_id, kind, language, subject, summary, link"
                    + " from notification_digest_item where digested_at is null and created_at < ?"
                    + " order by user_id, id fetch first " + BATCH + " rows only"
                    + (skipLocked ? " for update skip locked" : ""), (rs, n) -> new Item(rs.getLong(1), rs.getLong(2),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)),
                    Deliveries.utc(cutoff));
            if (candidates.isEmpty()) {
                return -1;
            }
            Map<Long, List<Item>> won = new LinkedHashMap<>();
            for (Item item : candidates) {
                int updated;
                try {
                    updated = jdbc.update("update notification_digest_item set digested_at = ? where id = ?"
                            + " and digested_at is null", Deliveries.utc(clock.instant()), item.id());
                } catch (DataAccessException lostTheRace) {
                    updated = 0;
                }
                if (updated == 1) {
                    won.computeIfAbsent(item.userId(), u -> new ArrayList<>()).add(item);
                }
            }
            Map<Long, MailRecipient> recipients = accounts.mailRecipients(won.keySet());
            int mails = 0;
            for (var entry : won.entrySet()) {
                MailRecipient recipient = recipients.get(entry.getKey());
                if (recipient != null) {
                    outbox.queue(digest(recipient, entry.getValue()));
                    mails++;
                }
                // Someone who removed their address since gets nothing; their items are done with.
            }
            return mails;
        });
        return queued == null ? -1 : queued;
    }

    /**
     * The digest mail. Its one-click unsubscribe (header and footer) stops the digest, which is what
     * a reader expects of "unsubscribe" on a daily summary: it switches off exactly the kinds the
     * person gets in the digest as it is sent, which the mail names, and no kind they add later.
     * With more than one such kind, the mail also has a link to stop each kind alone.
     */
    private OutgoingMail digest(MailRecipient recipient, List<Item> items) {
        Locale language = Deliveries.language(recipient.mailLanguage(), items.getFirst().language());
        List<NotificationKind> inDigest = java.util.Arrays.stream(NotificationKind.values())
                .filter(kind -> {
                    NotificationPreference chosen = deliveries.preference(recipient.userId(), kind);
                    return chosen.enabled() && chosen.digest();
                }).toList();
        if (inDigest.isEmpty()) {
            // Every kind was moved out of the digest since these items were kept: stop what the mail holds.
            inDigest = items.stream().map(Item::kind).distinct().flatMap(kind -> java.util.Arrays
                    .stream(NotificationKind.values()).filter(k -> k.name().equals(kind))).toList();
        }
        String unsubscribe = deliveries.unsubscribeLink(recipient.userId(), Deliveries.digestToken(inDigest));
        MailBody body = new MailBody()
                .paragraph(Messages.get(language, "notify.mail.greeting", recipient.displayName()))
                .paragraph(Messages.get(language, "notify.digest.intro", items.size()));
        for (Item item : items) {
            body.quote(item.subject(), item.summary());
            body.link(Messages.get(language, "notify.digest.open"), item.link());
        }
        String kinds = String.join("; ", inDigest.stream().map(k -> Messages.get(language, k.messageKey())).toList());
        body.paragraph("—\n" + Messages.get(language, "notify.digest.why", kinds))
                .link(Messages.get(language, "notify.mail.settings"), deliveries.settingsLink())
                .link(Messages.get(language, inDigest.size() == 1 ? "notify.digest.stopOnly" : "notify.digest.stopAll"),
                        unsubscribe);
        if (inDigest.size() > 1) {
            for (NotificationKind kind : inDigest) {
                body.link(Messages.get(language, "notify.digest.stopKind", Messages.get(language, kind.messageKey())),
                        deliveries.unsubscribeLink(recipient.userId(), kind.name()));
            }
        }
        return new OutgoingMail(recipient.email(), Messages.get(language, "notify.digest.subject", items.size()),
                body, Deliveries.headers(unsubscribe));
    }
}
