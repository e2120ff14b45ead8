package dk.ligevaerd.history.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One line of a workspace's timeline. Written once, never changed. */
@Entity
@Table(name = "history_entry")
public class HistoryEntry {

    public static final int DETAIL_MAX_LENGTH = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "workspace_id", nullable = false)
    private long workspaceId;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false, length = 40)
    private String kind;

    @Column(name = "actor_id", nullable = false)
    private long actorId;

    @Column(name = "actor_side_id")
    private @Nullable Long actorSideId;

    @Column(name = "subject_user_id")
    private @Nullable Long subjectUserId;

    @Column(nullable = false, length = DETAIL_MAX_LENGTH)
    private String detail;

    protected HistoryEntry() {
        this.occurredAt = Instant.EPOCH;
        this.kind = "";
        this.detail = "";
    }

    public HistoryEntry(long workspaceId, Instant occurredAt, String kind, long actorId, @Nullable Long actorSideId,
            @Nullable Long subjectUserId, String detail) {
        this.workspaceId = workspaceId;
        this.occurredAt = occurredAt;
        this.kind = kind;
        this.actorId = actorId;
        this.actorSideId = actorSideId;
        this.subjectUserId = subjectUserId;
        this.detail = detail.length() > DETAIL_MAX_LENGTH ? detail.substring(0, DETAIL_MAX_LENGTH) : detail;
    }

    public long id() {
        return id == null ? 0 : id;
    }

    public long workspaceId() {
        return workspaceId;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String kind() {
        return kind;
    }

    public long actorId() {
        return actorId;
    }

    public @Nullable Long actorSideId() {
        return actorSideId;
    }

    public @Nullable Long subjectUserId() {
        return subjectUserId;
    }

    public String detail() {
        return detail;
    }
}
