package dk.ligevaerd.suggestion.domain;

import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.suggestion.SuggestionState;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
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
import java.util.function.BiPredicate;
import org.jspecify.annotations.Nullable;

/**
 * A suggested change to the purpose statement: replace the passage {@code baseFrom..baseTo} of the
 * text at {@code baseVersion} (an insertion point when both are equal) with {@code newText}. It
 * waits for a key from every side but the proposer's; each transition guards itself and refuses
 * once the suggestion is applied, declined or withdrawn.
 */
@Entity
@Table(name = "suggestion")
public class Suggestion {

    public static final int REASON_MAX_LENGTH = 1000;
    public static final int TEXT_MAX_LENGTH = 20_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "workspace_id", nullable = false)
    private long workspaceId;

    @Column(name = "proposed_by", nullable = false)
    private long proposedBy;

    @Column(name = "proposed_side", nullable = false)
    private long proposedSide;

    @Column(name = "proposed_at", nullable = false)
    private Instant proposedAt;

    @Column(name = "base_version", nullable = false)
    private int baseVersion;

    @Column(name = "base_from", nullable = false)
    private int baseFrom;

    @Column(name = "base_to", nullable = false)
    private int baseTo;

    @Column(name = "base_wording", nullable = false, length = TEXT_MAX_LENGTH)
    private String baseWording;

    @Column(name = "new_text", nullable = false, length = TEXT_MAX_LENGTH)
    private String newText;

    @Column(nullable = false, length = REASON_MAX_LENGTH)
    private String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SuggestionState state;

    @Column(name = "decided_by")
    private @Nullable Long decidedBy;

    @Column(name = "decided_side")
    private @Nullable Long decidedSide;

    @Column(name = "decided_at")
    private @Nullable Instant decidedAt;

    @Column(name = "decline_reason", length = REASON_MAX_LENGTH)
    private @Nullable String declineReason;

    @Column(name = "applied_version")
    private @Nullable Integer appliedVersion;

    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "suggestion_acceptance", joinColumns = @JoinColumn(name = "suggestion_id"))
    private Set<Acceptance> acceptances = new HashSet<>();

    protected Suggestion() {
        this.proposedAt = Instant.EPOCH;
        this.baseWording = "";
        this.newText = "";
        this.reason = "";
        this.state = SuggestionState.PENDING;
    }

    public Suggestion(long workspaceId, long proposedBy, long proposedSide, Instant proposedAt, int baseVersion,
            int baseFrom, int baseTo, String baseWording, String newText, String reason) {
        this.workspaceId = workspaceId;
        this.proposedBy = proposedBy;
        this.proposedSide = proposedSide;
        this.proposedAt = proposedAt;
        this.baseVersion = baseVersion;
        this.baseFrom = baseFrom;
        this.baseTo = baseTo;
        this.baseWording = baseWording;
        this.newText = newText;
        this.reason = reason;
        this.state = SuggestionState.PENDING;
    }

    private void requirePending() {
        if (state != SuggestionState.PENDING) {
            throw new DomainException("error.suggestion.closed");
        }
    }

    /**
     * Takes this side's key. A side gives one; an earlier key of the side whose giver no longer
     * counts ({@code counts} says no: they left the side or lost the right) is replaced.
     */
    public void accept(long sideId, long userId, Instant at, BiPredicate<Long, Long> counts) {
        requirePending();
        if (sideId == proposedSide) {
            throw new DomainException("error.suggestion.ownSide");
        }
        Optional<Acceptance> earlier = acceptanceOf(sideId);
        if (earlier.isPresent()) {
            if (counts.test(earlier.get().userId(), sideId)) {
                throw new DomainException("error.suggestion.alreadyAccepted");
            }
            acceptances.remove(earlier.get());
        }
        acceptances.add(new Acceptance(sideId, userId, at));
    }

    /**
     * Whether every side in {@code sides} but the proposer's holds a key that still counts. A key
     * counts only while its giver may still give it for that side ({@code counts}).
     */
    public boolean keysComplete(Set<Long> sides, BiPredicate<Long, Long> counts) {
        return sides.stream().filter(side -> side != proposedSide)
                .allMatch(side -> acceptanceOf(side).filter(a -> counts.test(a.userId(), side)).isPresent());
    }

    public Optional<Acceptance> acceptanceOf(long sideId) {
        return acceptances.stream().filter(a -> a.sideId() == sideId).findFirst();
    }

    public void applied(int statementVersion, Instant at) {
        requirePending();
        state = SuggestionState.APPLIED;
        appliedVersion = statementVersion;
        decidedAt = at;
    }

    public void decline(long userId, long sideId, String why, Instant at) {
        requirePending();
        if (sideId == proposedSide) {
            throw new DomainException("error.suggestion.ownSide");
        }
        state = SuggestionState.DECLINED;
        decidedBy = userId;
        decidedSide = sideId;
        declineReason = why;
        decidedAt = at;
    }

    public void withdraw(long userId, Instant at) {
        requirePending();
        if (userId != proposedBy) {
            throw new DomainException("error.suggestion.notAuthor");
        }
        state = SuggestionState.WITHDRAWN;
        decidedBy = userId;
        decidedSide = proposedSide;
        decidedAt = at;
    }

    /**
     * Points the suggestion at the passage as it stands now; the keys given for the old wording
     * no longer stand, since the sides agreed to another change.
     */
    public void rebase(long userId, int version, int from, int to, String wording) {
        requirePending();
        if (userId != proposedBy) {
            throw new DomainException("error.suggestion.notAuthor");
        }
        baseVersion = version;
        baseFrom = from;
        baseTo = to;
        baseWording = wording;
        acceptances.clear();
    }

    public long id() {
        return java.util.Objects.requireNonNull(id, "not saved yet");
    }

    public long workspaceId() {
        return workspaceId;
    }

    public long proposedBy() {
        return proposedBy;
    }

    public long proposedSide() {
        return proposedSide;
    }

    public Instant proposedAt() {
        return proposedAt;
    }

    public int baseVersion() {
        return baseVersion;
    }

    public int baseFrom() {
        return baseFrom;
    }

    public int baseTo() {
        return baseTo;
    }

    public String baseWording() {
        return baseWording;
    }

    public String newText() {
        return newText;
    }

    public String reason() {
        return reason;
    }

    public SuggestionState state() {
        return state;
    }

    public @Nullable Long decidedBy() {
        return decidedBy;
    }

    public @Nullable Long decidedSide() {
        return decidedSide;
    }

    public @Nullable Instant decidedAt() {
        return decidedAt;
    }

    public @Nullable String declineReason() {
        return declineReason;
    }

    public @Nullable Integer appliedVersion() {
        return appliedVersion;
    }

    public Set<Acceptance> acceptances() {
        return Set.copyOf(acceptances);
    }

    public boolean isInsertion() {
        return baseFrom == baseTo;
    }
}
