package dk.ligevaerd.notify;

import dk.ligevaerd.notify.Deliveries.Notice;
import dk.ligevaerd.shared.Messages;
import java.sql.DatabaseMetaData;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Collectors;
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
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A notification to many people, kept as one row until its mails are composed. Closing a round in a
 * workspace of 2,000 members must not spend its transaction on 2,000 mails (loading each account,
 * composing, storing two parts of each): the closing writes one row saying what is to be said, in
 * every language, and to whom; right after the commit, this turns the row into the people's mails
 * and digest items, as {@link Deliveries} would have in the event's transaction.
 *
 * <p>Nothing is lost and nothing doubles: the row commits with the event or not at all; it is
 * expanded in one transaction that also marks it ({@code expanded_at}, a conditional update only an
 * unexpanded row passes), so a crash mid-way leaves it unexpanded for the next look, and of several
 * nodes looking at once exactly one expands it (candidates read with {@code FOR UPDATE SKIP LOCKED}
 * on PostgreSQL, and one claim at a time in this JVM on the embedded H2 file, as the mail worker does).
 * Every node looks every {@code ligevaerd.notify.intent-poll} and when a commit on it wrote a row.
 */
@Component
public class NotificationIntents implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NotificationIntents.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<Locale> LANGUAGES = List.of(Messages.DANISH, Messages.ENGLISH);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Deliveries deliveries;
    private final NotifySettings settings;
    private final Clock clock;
    private final boolean skipLocked;
    private final ReentrantLock embeddedClaim = new ReentrantLock();
    private final AtomicBoolean running = new AtomicBoolean();
    private @Nullable ScheduledExecutorService executor;

    NotificationIntents(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Deliveries deliveries,
            NotifySettings settings, Clock clock, DataSource dataSource) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
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

    /**
     * Writes the notification as one row in the caller's transaction; its mails are composed after
     * the commit. The words are made now, in every language, from what the event's transaction sees.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void write(NotificationKind kind, long workspaceId, String workspaceLanguage, Collection<Long> userIds,
            Function<Locale, Notice> content) {
        ObjectNode notices = JSON.createObjectNode();
        for (Locale language : LANGUAGES) {
            Notice notice = content.apply(language);
            ObjectNode node = notices.putObject(language.getLanguage());
            node.put("subject", notice.subject());
            ArrayNode paragraphs = node.putArray("paragraphs");
            notice.paragraphs().forEach(paragraphs::add);
            node.put("linkLabel", notice.linkLabel());
            node.put("path", notice.path());
        }
        String recipients = userIds.stream().map(String::valueOf).collect(Collectors.joining(","));
        jdbc.update("insert into notification_intent (kind, workspace_id, language, recipients, notices, created_at)"
                + " values (?, ?, ?, ?, ?, ?)", ps -> {
                    ps.setString(1, kind.name());
                    ps.setLong(2, workspaceId);
                    ps.setString(3, workspaceLanguage);
                    ps.setString(4, recipients);
                    ps.setString(5, JSON.writeValueAsString(notices));
                    ps.setObject(6, Deliveries.utc(clock.instant()), Types.TIMESTAMP_WITH_TIMEZONE);
                });
        // One wake-up per transaction, after its commit: before it, no node could see the row.
        if (!TransactionSynchronizationManager.hasResource(this)) {
            TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wakeUp();
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(NotificationIntents.this);
                }
            });
        }
    }

    @Override
    public void start() {
        if (!running.compareAndSet(false, true) || settings.intentPoll().isZero()) {
            return;
        }
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "notification-intents");
            thread.setDaemon(true);
            return thread;
        });
        executor = started;
        long every = settings.intentPoll().toMillis();
        started.scheduleWithFixedDelay(this::expandQuietly, 0, every, TimeUnit.MILLISECONDS);
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
        }
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }

    private void wakeUp() {
        ScheduledExecutorService started = executor;
        if (started != null && !started.isShutdown()) {
            try {
                started.execute(this::expandQuietly);
            } catch (RejectedExecutionException stopping) {
                // Stopping: the next start finds the row.
            }
        }
    }

    private void expandQuietly() {
        try {
            expandDue();
        } catch (RuntimeException e) {
            log.warn("Composing notifications failed; tried again at the next look", e);
        }
    }

    /**
     * Turns every unexpanded row into its mails and digest items, each row in a transaction of its
     * own. Safe on several threads and nodes at once.
     *
     * @return how many rows this call expanded
     */
    public int expandDue() {
        int expanded = 0;
        while (true) {
            boolean one;
            if (skipLocked) {
                one = expandOne();
            } else {
                embeddedClaim.lock();
                try {
                    one = expandOne();
                } finally {
                    embeddedClaim.unlock();
                }
            }
            if (!one) {
                return expanded;
            }
            expanded++;
        }
    }

    private record Intent(long id, NotificationKind kind, long workspaceId, String language, List<Long> recipients,
            Map<Locale, Notice> notices) {
    }

    /** One transaction: claims the oldest unexpanded row and queues its mails; false when none was left. */
    private boolean expandOne() {
        Boolean done = transactions.execute(status -> {
            List<Long> candidates = jdbc.queryForList("select id from notification_intent where expanded_at is null"
                    + " order by id fetch first 5 rows only" + (skipLocked ? " for update skip locked" : ""), Long.class);
            for (long id : candidates) {
                int won;
                try {
                    won = jdbc.update("update notification_intent set expanded_at = ? where id = ? and expanded_at is null",
                            Deliveries.utc(clock.instant()), id);
                } catch (DataAccessException lostTheRace) {
                    won = 0;
                }
                if (won == 1) {
                    Intent intent = read(id);
                    deliveries.compose(intent.kind(), intent.workspaceId(), intent.language(), intent.recipients(),
                            language -> intent.notices().get(Messages.supported(language)));
                    return true;
                }
            }
            return false;
        });
        return Boolean.TRUE.equals(done);
    }

    private Intent read(long id) {
        return jdbc.queryForObject("select kind, workspace_id, language, recipients, notices from notification_intent"
                + " where id = ?", (rs, n) -> {
                    List<Long> recipients = rs.getString(4).isEmpty() ? List.of()
                            : Arrays.stream(rs.getString(4).split(",")).map(Long::valueOf).toList();
                    JsonNode all = JSON.readTree(rs.getString(5));
                    Map<Locale, Notice> notices = new HashMap<>();
                    for (Locale language : LANGUAGES) {
                        JsonNode node = all.get(language.getLanguage());
                        List<String> paragraphs = new ArrayList<>();
                        node.get("paragraphs").forEach(p -> paragraphs.add(p.asString()));
                        notices.put(language, new Notice(node.get("subject").asString(), paragraphs,
                                node.get("linkLabel").asString(), node.get("path").asString()));
                    }
                    return new Intent(id, NotificationKind.valueOf(rs.getString(1)), rs.getLong(2), rs.getString(3),
                            recipients, notices);
                }, id);
    }
}
