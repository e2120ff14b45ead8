package dk.ligevaerd.deliberation.domain;

import dk.ligevaerd.deliberation.TargetKind;
import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.statement.collab.Passage;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A thread of comments on one thing. Open until someone resolves it; a resolved thread can be
 * reopened. A thread on the statement carries its passage as it stood at {@link #anchorVersion()}.
 */
@Entity
@Table(name = "comment_thread")
public class CommentThread {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "workspace_id", nullable = false)
    private long workspaceId;

    @Enumerated(EnumType.STRING)
    @Column(name = "target_kind", nullable = false, length = 20)
    private TargetKind targetKind;

    @Column(name = "target_id")
    private @Nullable Long targetId;

    @Column(name = "anchor_from")
    private @Nullable Integer anchorFrom;

    @Column(name = "anchor_to")
    private @Nullable Integer anchorTo;

    @Column(name = "anchor_wording", length = 20000)
    private @Nullable String anchorWording;

    @Column(name = "anchor_removed", nullable = false)
    private boolean anchorRemoved;

    @Column(name = "anchor_version")
    private @Nullable Integer anchorVersion;

    @Column(name = "started_by", nullable = false)
    private long startedBy;

    @Column(name = "started_side_id")
    private @Nullable Long startedSideId;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "resolved_at")
    private @Nullable Instant resolvedAt;

    @Column(name = "resolved_by")
    private @Nullable Long resolvedBy;

    @Version
    private long version;

    protected CommentThread() {
        this.targetKind = TargetKind.PRIORITY;
        this.startedAt = Instant.EPOCH;
    }

    private CommentThread(long workspaceId, TargetKind targetKind, @Nullable Long targetId, long startedBy,
            @Nullable Long startedSideId, Instant startedAt) {
        this.workspaceId = workspaceId;
        this.targetKind = targetKind;
        this.targetId = targetId;
        this.startedBy = startedBy;
        this.startedSideId = startedSideId;
        this.startedAt = startedAt;
    }

    /** A thread on a passage of the statement, which stood as {@code passage} at {@code statementVersion}. */
    public static CommentThread onPassage(long workspaceId, Passage passage, int statementVersion, long startedBy,
            @Nullable Long sideId, Instant at) {
        CommentThread thread = new CommentThread(workspaceId, TargetKind.STATEMENT, null, startedBy, sideId, at);
        thread.moveAnchor(passage, statementVersion);
        return thread;
    }

    /** A thread on a priority, a round or a record. */
    public static CommentThread onItem(long workspaceId, TargetKind kind, long targetId, long startedBy,
            @Nullable Long sideId, Instant at) {
        if (kind == TargetKind.STATEMENT) {
            throw new IllegalArgumentException("A thread on the statement needs a passage");
        }
        return new CommentThread(workspaceId, kind, targetId, startedBy, sideId, at);
    }

    public void resolve(long userId, Instant at) {
        if (resolvedAt != null) {
            throw new DomainException("error.comment.alreadyResolved");
        }
        resolvedAt = at;
        resolvedBy = userId;
    }

    public void reopen() {
        if (resolvedAt == null) {
            throw new DomainException("error.comment.notResolved");
        }
        resolvedAt = null;
        resolvedBy = null;
    }

    /** Carries the anchor forward; never back to an older version. */
    public void moveAnchor(Passage passage, int statementVersion) {
        if (anchorVersion != null && statementVersion < anchorVersion) {
            return;
        }
        anchorFrom = passage.from();
        anchorTo = passage.to();
        anchorWording = passage.wording();
        anchorRemoved = passage.removed();
        anchorVersion = statementVersion;
    }

    public long id() {
        return java.util.Objects.requireNonNull(id, "not saved yet");
    }

    public long workspaceId() {
        return workspaceId;
    }

    public TargetKind targetKind() {
        return targetKind;
    }

    public @Nullable Long targetId() {
        return targetId;
    }

    /** The passage at {@link #anchorVersion()}; null unless the thread is on the statement. */
    public @Nullable Passage anchor() {
        if (anchorFrom == null || anchorTo == null || anchorWording == null) {
            return null;
        }
        return new Passage(anchorFrom, anchorTo, anchorWording, anchorRemoved);
    }

    public int anchorVersion() {
        return anchorVersion == null ? 0 : anchorVersion;
    }

    public long startedBy() {
        return startedBy;
    }

    public @Nullable Long startedSideId() {
        return startedSideId;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public @Nullable Instant resolvedAt() {
        return resolvedAt;
    }

    public @Nullable Long resolvedBy() {
        return resolvedBy;
    }

    public boolean resolved() {
        return resolvedAt != null;
    }
}
