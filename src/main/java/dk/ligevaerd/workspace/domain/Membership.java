package dk.ligevaerd.workspace.domain;

import dk.ligevaerd.shared.DomainException;
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
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A user's place in a workspace: one side (none for observers) and one role. The database holds
 * one membership per user and workspace.
 */
@Entity
@Table(name = "membership")
public class Membership {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "workspace_id", nullable = false)
    private long workspaceId;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "side_id")
    private @Nullable Long sideId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Role role;

    @Column(nullable = false)
    private boolean owner;

    @Column(name = "joined_at", nullable = false)
    private Instant joinedAt;

    @Version
    private long version;

    protected Membership() {
        this.role = Role.PARTICIPANT;
        this.joinedAt = Instant.EPOCH;
    }

    public Membership(long workspaceId, long userId, @Nullable Long sideId, Role role, boolean owner, Instant joinedAt) {
        check(role, sideId);
        this.workspaceId = workspaceId;
        this.userId = userId;
        this.sideId = role.needsSide() ? sideId : null;
        this.role = role;
        this.owner = owner;
        this.joinedAt = joinedAt;
    }

    private static void check(Role role, @Nullable Long sideId) {
        if (role.needsSide() && sideId == null) {
            throw new DomainException("error.member.sideRequired");
        }
    }

    /**
     * Gives the member a new role; a member becoming a participant or moderator needs a side, an
     * observer leaves theirs.
     */
    public void assign(Role newRole, @Nullable Long newSideId) {
        check(newRole, newSideId);
        this.role = newRole;
        this.sideId = newRole.needsSide() ? newSideId : null;
    }

    /** Ownership passes only by a handover that every side confirmed. */
    public void setOwner(boolean owner) {
        this.owner = owner;
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

    public long userId() {
        return userId;
    }

    public @Nullable Long sideId() {
        return sideId;
    }

    public Role role() {
        return role;
    }

    public boolean owner() {
        return owner;
    }

    public Instant joinedAt() {
        return joinedAt;
    }
}
