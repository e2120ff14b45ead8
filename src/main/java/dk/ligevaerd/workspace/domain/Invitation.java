package dk.ligevaerd.workspace.domain;

import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.workspace.InvitationStatus;
import dk.ligevaerd.workspace.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A single-use link into a workspace on a fixed side with a fixed role. Only a hash of the
 * token is stored, so the database alone does not let anyone in.
 */
@Entity
@Table(name = "invitation")
public class Invitation {

    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(7);
    public static final Duration MIN_VALIDITY = Duration.ofHours(1);
    public static final Duration MAX_VALIDITY = Duration.ofDays(90);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "workspace_id", nullable = false)
    private long workspaceId;

    @Column(name = "token_hash", nullable = false, unique = true, length = 64)
    private String tokenHash;

    @Column(name = "side_id")
    private @Nullable Long sideId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Role role;

    @Column(name = "created_by", nullable = false)
    private long createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private @Nullable Instant usedAt;

    @Column(name = "used_by")
    private @Nullable Long usedBy;

    @Column(name = "revoked_at")
    private @Nullable Instant revokedAt;

    @Version
    private long version;

    protected Invitation() {
        this.tokenHash = "";
        this.role = Role.PARTICIPANT;
        this.createdAt = Instant.EPOCH;
        this.expiresAt = Instant.EPOCH;
    }

    public Invitation(long workspaceId, String tokenHash, @Nullable Long sideId, Role role, long createdBy,
            Instant createdAt, Duration validity) {
        if (validity.compareTo(MIN_VALIDITY) < 0 || validity.compareTo(MAX_VALIDITY) > 0) {
            throw new DomainException("error.invitation.validity", MIN_VALIDITY.toHours(), MAX_VALIDITY.toDays());
        }
        if (role.needsSide() && sideId == null) {
            throw new DomainException("error.member.sideRequired");
        }
        this.workspaceId = workspaceId;
        this.tokenHash = tokenHash;
        this.sideId = role.needsSide() ? sideId : null;
        this.role = role;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.expiresAt = createdAt.plus(validity);
    }

    public InvitationStatus status(Instant now) {
        if (revokedAt != null) {
            return InvitationStatus.REVOKED;
        }
        if (usedAt != null) {
            return InvitationStatus.USED;
        }
        if (!now.isBefore(expiresAt)) {
            return InvitationStatus.EXPIRED;
        }
        return InvitationStatus.PENDING;
    }

    /** Marks the link used by this user; refuses a link that is not pending. */
    public void accept(long userId, Instant now) {
        requirePending(now);
        this.usedAt = now;
        this.usedBy = userId;
    }

    public void revoke(Instant now) {
        requirePending(now);
        this.revokedAt = now;
    }

    public void requirePending(Instant now) {
        switch (status(now)) {
            case PENDING -> { }
            case USED -> throw new DomainException("error.invitation.used");
            case EXPIRED -> throw new DomainException("error.invitation.expired");
            case REVOKED -> throw new DomainException("error.invitation.revoked");
        }
    }

    public long id() {
        if (id == null) {
            throw new IllegalStateException("not saved yet");
        }
        return id;
    }

    public long workspaceId() {
        return workspaceId;
    }

    public @Nullable Long sideId() {
        return sideId;
    }

    public Role role() {
        return role;
    }

    public long createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public @Nullable Instant usedAt() {
        return usedAt;
    }

    public @Nullable Long usedBy() {
        return usedBy;
    }
}
