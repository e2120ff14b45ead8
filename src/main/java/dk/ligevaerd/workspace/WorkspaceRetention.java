package dk.ligevaerd.workspace;

import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.workspace.WorkspaceEvents.WorkspaceArchived;
import dk.ligevaerd.workspace.WorkspaceEvents.WorkspaceErased;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies each workspace's agreed retention rule (docs/personal-data.md): archives a workspace
 * whose time has come, and deletes one whose time as an archive has run out. Each workspace in a
 * transaction of its own; safe on several nodes at once, since each step is claimed by a
 * conditional update that only one node's transaction can make (as the round reminders are).
 *
 * <p>A workspace with a round under way is not archived until the round has ended: its closing
 * must still be able to write the record.
 */
@Component
class WorkspaceRetention {

    private static final Logger log = LoggerFactory.getLogger(WorkspaceRetention.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final WorkspaceActivity activity;
    private final List<MembershipChangeGuard> guards;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WorkspaceRetention(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, WorkspaceActivity activity,
            List<MembershipChangeGuard> guards, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.activity = activity;
        this.guards = guards;
        this.events = events;
        this.clock = clock;
    }

    /** What one run did. */
    record Outcome(List<Long> archived, List<Long> erased) {
    }

    Outcome run() {
        List<Long> archived = new java.util.ArrayList<>();
        List<Long> erased = new java.util.ArrayList<>();
        List<Long> candidates = jdbc.queryForList("select id from workspace where deleted_at is null"
                + " and (retention_idle_months is not null or retention_archive_on is not null) order by id", Long.class);
        for (long id : candidates) {
            try {
                Boolean erasedNow = transactions.execute(status -> step(id, archived));
                if (Boolean.TRUE.equals(erasedNow)) {
                    erased.add(id);
                }
            } catch (RuntimeException e) {
                log.warn("Could not apply the retention rule of workspace {}; will try again", id, e);
            }
        }
        return new Outcome(List.copyOf(archived), List.copyOf(erased));
    }

    /** @return true when the workspace was deleted */
    private boolean step(long id, List<Long> archived) {
        Instant now = clock.instant();
        List<Map<String, Object>> rows = jdbc.queryForList("select retention_idle_months, retention_archive_on,"
                + " retention_delete_months, archived_at, created_at from workspace where id = ? and deleted_at is null",
                id);
        if (rows.isEmpty()) {
            return false;
        }
        Map<String, Object> row = rows.getFirst();
        RetentionRule rule = new RetentionRule(months(row.get("retention_idle_months")),
                row.get("retention_archive_on") instanceof Date d ? d.toLocalDate() : null,
                months(row.get("retention_delete_months")));
        Instant archivedAt = instant(row.get("archived_at"));
        if (archivedAt != null) {
            return rule.deleteDue(archivedAt, now) && erase(id);
        }
        Instant created = java.util.Objects.requireNonNull(instant(row.get("created_at")));
        Instant last = activity.lastActivity(id).filter(a -> a.isAfter(created)).orElse(created);
        if (!rule.archiveDue(last, now) || roundUnderWay(id)) {
            return false;
        }
        // The version moves too, so an edit of the workspace row read before this (a rename) fails
        // on its version instead of writing the archive mark away.
        if (jdbc.update("update workspace set archived_at = ?, version = version + 1 where id = ?"
                + " and archived_at is null and deleted_at is null", utc(now), id) != 1) {
            return false;
        }
        boolean byDate = rule.archiveOn() != null
                && !java.time.LocalDate.ofInstant(now, ZoneOffset.UTC).isBefore(rule.archiveOn());
        events.publishEvent(new WorkspaceArchived(id, actor(id), null, byDate ? "date" : "idle"));
        archived.add(id);
        log.info("Archived workspace {} under its retention rule ({})", id, rule.toText());
        return false;
    }

    private boolean roundUnderWay(long id) {
        try {
            guards.forEach(g -> g.beforeSideRemovalOrDeletion(id));
            return false;
        } catch (DomainException underWay) {
            return true;
        }
    }

    /**
     * Deletes the workspace and everything in it. The row is claimed first (a second node's
     * transaction waits on it, then finds it gone); the schema cascades from the workspace to all
     * that belongs to it, and the two references that do not cascade within it are undone first.
     */
    private boolean erase(long id) {
        if (jdbc.update("update workspace set deleted_at = ?, version = version + 1 where id = ?"
                + " and deleted_at is null and archived_at is not null", utc(clock.instant()), id) != 1) {
            return false;
        }
        jdbc.update("update priority set merged_into = null where workspace_id = ?", id);
        jdbc.update("update decision_round set subject_version_id = null where workspace_id = ?", id);
        jdbc.update("delete from membership where workspace_id = ?", id);
        jdbc.update("delete from workspace where id = ?", id);
        events.publishEvent(new WorkspaceErased(id));
        log.info("Deleted workspace {} and its data under its retention rule", id);
        return true;
    }

    /** The owner at the time, or the creator: the history names someone for every entry. */
    private long actor(long id) {
        List<Long> owners = jdbc.queryForList("select user_id from membership where workspace_id = ? and owner = true",
                Long.class, id);
        return owners.isEmpty()
                ? jdbc.queryForObject("select created_by from workspace where id = ?", Long.class, id)
                : owners.getFirst();
    }

    private static @Nullable Integer months(@Nullable Object value) {
        return value == null ? null : ((Number) value).intValue();
    }

    private static @Nullable Instant instant(@Nullable Object value) {
        return switch (value) {
            case null -> null;
            case Timestamp t -> t.toInstant();
            case OffsetDateTime o -> o.toInstant();
            case Instant i -> i;
            default -> throw new IllegalStateException("not a moment: " + value.getClass());
        };
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** The timer; tests switch it off or leave it slow and call {@link #run()} themselves. */
    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    @ConditionalOnProperty(name = "ligevaerd.retention.enabled", havingValue = "true", matchIfMissing = true)
    static class Schedule {

        private final WorkspaceRetention retention;

        Schedule(WorkspaceRetention retention) {
            this.retention = retention;
        }

        @Scheduled(fixedDelayString = "${ligevaerd.retention.interval:PT1H}",
                initialDelayString = "${ligevaerd.retention.initial-delay:PT5M}")
        void tick() {
            retention.run();
        }
    }
}
