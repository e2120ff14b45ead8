package dk.ligevaerd.workspace.domain;

import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.workspace.ProposalKind;
import dk.ligevaerd.workspace.Role;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A change that waits for a key from every side concerned. Holds one confirmation per side and
 * refuses a second one from the same person, whatever side they confirm for; whether a
 * confirmation still counts (its giver still moderates that side) is for the caller to check
 * against the current memberships, at the moment it decides.
 */
@Entity
@Table(name = "governance_proposal")
public class Proposal {

    public enum State { PENDING, ADOPTED, WITHDRAWN }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "workspace_id", nullable = false)
    private long workspaceId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private ProposalKind kind;

    @Column(name = "side_id")
    private @Nullable Long sideId;

    @Column(name = "target_side_id")
    private @Nullable Long targetSideId;

    @Column(name = "subject_user")
    private @Nullable Long subjectUserId;

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private @Nullable Role role;

    @Column(name = "text_value", length = 120)
    private @Nullable String text;

    @Column(length = 7)
    private @Nullable String colour;

    @Column(name = "proposed_by", nullable = false)
    private long proposedBy;

    @Column(name = "proposed_side")
    private @Nullable Long proposedSide;

    @Column(name = "proposed_at", nullable = false)
    private Instant proposedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private State state;

    @Column(name = "decided_by")
    private @Nullable Long decidedBy;

    @Column(name = "decided_at")
    private @Nullable Instant decidedAt;

    @Version
    private long version;

    @ElementCollection
    @CollectionTable(name = "proposal_confirmation", joinColumns = @JoinColumn(name = "proposal_id"))
    private Set<ProposalConfirmation> confirmations = new HashSet<>();

    protected Proposal() {
        this.kind = ProposalKind.JOINT_CLOSING_OFF;
        this.proposedAt = Instant.EPOCH;
        this.state = State.PENDING;
    }

    public Proposal(long workspaceId, ProposalKind kind, @Nullable Long sideId, @Nullable Long targetSideId,
            @Nullable Long subjectUserId, @Nullable Role role, @Nullable String text, @Nullable String colour,
            long proposedBy, @Nullable Long proposedSide, Instant proposedAt) {
        this.workspaceId = workspaceId;
        this.kind = kind;
        this.sideId = sideId;
        this.targetSideId = targetSideId;
        this.subjectUserId = subjectUserId;
        this.role = role;
        this.text = text;
        this.colour = colour;
        this.proposedBy = proposedBy;
        this.proposedSide = proposedSide;
        this.proposedAt = proposedAt;
        this.state = State.PENDING;
    }

    private void requirePending() {
        if (state != State.PENDING) {
            throw new DomainException("error.proposal.notPending");
        }
    }

    /**
     * Records a confirmation for a side. A side confirms once (a stale confirmation, whose giver
     * no longer moderates the side, is replaced), and nobody confirms for two sides.
     */
    public void confirm(long side, long userId, Instant now, boolean existingStillCounts) {
        requirePending();
        Optional<ProposalConfirmation> existing = confirmation(side);
        if (existing.isPresent() && existingStillCounts) {
            throw new dk.ligevaerd.shared.NotPermittedException("error.proposal.alreadyConfirmed");
        }
        if (confirmations.stream().anyMatch(c -> c.userId() == userId && c.sideId() != side)) {
            throw new DomainException("error.proposal.twoSides");
        }
        existing.ifPresent(confirmations::remove);
        confirmations.add(new ProposalConfirmation(side, userId, now));
    }

    public void adopt(long userId, Instant now) {
        requirePending();
        state = State.ADOPTED;
        decidedBy = userId;
        decidedAt = now;
    }

    public void withdraw(long userId, Instant now) {
        requirePending();
        state = State.WITHDRAWN;
        decidedBy = userId;
        decidedAt = now;
    }

    public Optional<ProposalConfirmation> confirmation(long side) {
        return confirmations.stream().filter(c -> c.sideId() == side).findFirst();
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

    public ProposalKind kind() {
        return kind;
    }

    public @Nullable Long sideId() {
        return sideId;
    }

    public @Nullable Long targetSideId() {
        return targetSideId;
    }

    public @Nullable Long subjectUserId() {
        return subjectUserId;
    }

    public @Nullable Role role() {
        return role;
    }

    public @Nullable String text() {
        return text;
    }

    public @Nullable String colour() {
        return colour;
    }

    public long proposedBy() {
        return proposedBy;
    }

    public @Nullable Long proposedSide() {
        return proposedSide;
    }

    public Instant proposedAt() {
        return proposedAt;
    }

    public State state() {
        return state;
    }

    public boolean pending() {
        return state == State.PENDING;
    }

    public Set<ProposalConfirmation> confirmations() {
        return Set.copyOf(confirmations);
    }
}
