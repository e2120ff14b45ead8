package dk.ligevaerd.round.domain;

import dk.ligevaerd.round.DecisionRule;
import dk.ligevaerd.round.RoundDraft;
import dk.ligevaerd.round.RoundKind;
import dk.ligevaerd.round.RoundState;
import dk.ligevaerd.round.rules.PrioritizeMethod;
import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.shared.Text;
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
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hibernate.annotations.BatchSize;
import org.jspecify.annotations.Nullable;

/**
 * A decision round: a state machine DRAFT → OPEN → CLOSED, or DRAFT/OPEN → CANCELLED. Its settings
 * can change only while it is a draft; from opening on they are what the ballots are judged by.
 * Ballots themselves are separate rows (there can be thousands), but every ballot is written
 * while this row is share-locked and closing locks it exclusively, so that closing sees exactly
 * the ballots accepted before it and every later ballot finds the round closed.
 */
@Entity
@Table(name = "decision_round")
public class DecisionRound {

    public static final int TITLE_MAX_LENGTH = 200;
    public static final int CANCEL_REASON_MAX_LENGTH = 2000;
    public static final int MIN_OPTIONS = 2;
    public static final int MAX_OPTIONS = 30;
    public static final int MAX_BUDGET = 100;
    public static final int MAX_QUORUM = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "workspace_id", nullable = false)
    private long workspaceId;

    @Column(nullable = false, length = TITLE_MAX_LENGTH)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private RoundKind kind;

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private @Nullable PrioritizeMethod method;

    @Enumerated(EnumType.STRING)
    @Column(name = "decision_rule", nullable = false, length = 20)
    private DecisionRule rule;

    @Column(nullable = false)
    private int budget;

    @Column(name = "cap_per_option", nullable = false)
    private int capPerOption;

    @Column(name = "quorum_per_side", nullable = false)
    private int quorumPerSide;

    @Column(name = "live_tallies", nullable = false)
    private boolean liveTallies;

    @Column(nullable = false)
    private boolean secret;

    @Column(name = "closes_at")
    private @Nullable Instant closesAt;

    @Column(name = "adopt_top_places", nullable = false)
    private int adoptTopPlaces;

    /** PRIORITIZE: adopt only a priority that every side gave points (see {@code rules.Adoption}). */
    @Column(name = "adopt_every_side", nullable = false)
    private boolean adoptEverySide;

    /**
     * The workspace's joint-closing setting when the round opened. Fixed with the other settings,
     * so that switching it off cannot let one side close a round that is already running.
     */
    @Column(name = "joint_closing", nullable = false)
    private boolean jointClosing;

    @Column(name = "subject_version_id")
    private @Nullable Long subjectVersionId;

    @Column(name = "subject_version_name", length = 120)
    private @Nullable String subjectVersionName;

    @Column(name = "subject_text", length = 20_000)
    private @Nullable String subjectText;

    @ElementCollection
    @BatchSize(size = 32)
    @CollectionTable(name = "round_option", joinColumns = @JoinColumn(name = "round_id"))
    @OrderColumn(name = "position")
    private List<RoundOption> options = new ArrayList<>();

    @ElementCollection
    @BatchSize(size = 32)
    @CollectionTable(name = "round_side", joinColumns = @JoinColumn(name = "round_id"))
    @OrderColumn(name = "position")
    private List<RoundSide> sides = new ArrayList<>();

    @ElementCollection
    @BatchSize(size = 32)
    @CollectionTable(name = "round_confirmation", joinColumns = @JoinColumn(name = "round_id"))
    private Set<Confirmation> confirmations = new HashSet<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private RoundState state;

    @Column(name = "created_by", nullable = false)
    private long createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "opened_by")
    private @Nullable Long openedBy;

    @Column(name = "opened_at")
    private @Nullable Instant openedAt;

    @Column(name = "closed_at")
    private @Nullable Instant closedAt;

    /** When the closing time ended voting; the round then waits for the joint confirmation. */
    @Column(name = "voting_ended_at")
    private @Nullable Instant votingEndedAt;

    /** q_s where the creator set a side's own quorum; other sides need {@link #quorumPerSide}. */
    @ElementCollection
    @BatchSize(size = 32)
    @CollectionTable(name = "round_quorum", joinColumns = @JoinColumn(name = "round_id"))
    @jakarta.persistence.MapKeyColumn(name = "side_id")
    @Column(name = "quorum", nullable = false)
    private Map<Long, Integer> quorumBySide = new java.util.HashMap<>();

    @ElementCollection
    @BatchSize(size = 32)
    @CollectionTable(name = "round_cancel_request", joinColumns = @JoinColumn(name = "round_id"))
    private Set<CancelRequest> cancelRequests = new HashSet<>();

    @Column(name = "cancelled_by")
    private @Nullable Long cancelledBy;

    @Column(name = "cancelled_at")
    private @Nullable Instant cancelledAt;

    @Column(name = "cancel_reason", length = CANCEL_REASON_MAX_LENGTH)
    private @Nullable String cancelReason;

    @Version
    private long version;

    protected DecisionRound() {
        this.title = "";
        this.kind = RoundKind.PRIORITIZE;
        this.rule = DecisionRule.SIDE_PARITY;
        this.state = RoundState.DRAFT;
        this.createdAt = Instant.EPOCH;
    }

    public DecisionRound(long workspaceId, RoundDraft draft, long createdBy, Instant now) {
        this.workspaceId = workspaceId;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.state = RoundState.DRAFT;
        this.title = "";
        this.kind = draft.kind();
        this.rule = draft.rule();
        apply(draft, now);
    }

    /** Changes the settings of a draft; an open, closed or cancelled round refuses. */
    public void configure(RoundDraft draft, Instant now) {
        if (state != RoundState.DRAFT) {
            throw new DomainException("error.round.settingsFixed");
        }
        apply(draft, now);
    }

    private void apply(RoundDraft draft, Instant now) {
        String checkedTitle = Text.required(draft.title(), TITLE_MAX_LENGTH, "field.roundTitle");
        checkQuorum(draft.quorumPerSide());
        draft.quorumBySide().values().forEach(DecisionRound::checkQuorum);
        if (draft.secret() && draft.liveTallies()) {
            // Successive live standings would reveal each secret vote: a secret round shows turnout only.
            throw new DomainException("error.round.secretLive");
        }
        checkClosingTime(draft.closesAt(), now);
        List<RoundOption> newOptions = new ArrayList<>();
        int newBudget = 0;
        int newCap = 0;
        int newTop = 0;
        PrioritizeMethod newMethod = null;
        if (draft.kind() == RoundKind.PRIORITIZE) {
            if (draft.method() == null) {
                throw new DomainException("error.round.methodRequired");
            }
            if (draft.rule() != DecisionRule.SIDE_PARITY) {
                throw new DomainException("error.round.ruleForPrioritize");
            }
            Set<Long> distinct = new LinkedHashSet<>(draft.priorityIds());
            if (distinct.size() != draft.priorityIds().size()) {
                throw new DomainException("error.round.duplicateOption");
            }
            if (distinct.size() < MIN_OPTIONS || distinct.size() > MAX_OPTIONS) {
                throw new DomainException("error.round.optionCount", MIN_OPTIONS, MAX_OPTIONS);
            }
            distinct.forEach(optionId -> newOptions.add(new RoundOption(optionId, "")));
            newMethod = draft.method();
            if (newMethod == PrioritizeMethod.DOTS) {
                if (draft.budget() < 1 || draft.budget() > MAX_BUDGET) {
                    throw new DomainException("error.round.budget", 1, MAX_BUDGET);
                }
                if (draft.capPerOption() < 1 || draft.capPerOption() > draft.budget()) {
                    throw new DomainException("error.round.cap", draft.budget());
                }
                newBudget = draft.budget();
                newCap = draft.capPerOption();
            }
            if (draft.adoptTopPlaces() < 1 || draft.adoptTopPlaces() > distinct.size()) {
                throw new DomainException("error.round.topPlaces", distinct.size());
            }
            newTop = draft.adoptTopPlaces();
        } else if (!draft.priorityIds().isEmpty() || draft.method() != null) {
            throw new DomainException("error.round.adoptHasNoOptions");
        }
        this.title = checkedTitle;
        this.kind = draft.kind();
        this.method = newMethod;
        this.rule = draft.rule();
        this.options.clear();
        this.options.addAll(newOptions);
        this.budget = newBudget;
        this.capPerOption = newCap;
        this.adoptTopPlaces = newTop;
        this.adoptEverySide = draft.kind() == RoundKind.PRIORITIZE && draft.adoptOnlyWithEverySide();
        this.subjectVersionId = draft.kind() == RoundKind.ADOPT ? draft.versionId() : null;
        this.subjectVersionName = null;
        this.quorumPerSide = draft.quorumPerSide();
        this.quorumBySide.clear();
        this.quorumBySide.putAll(draft.quorumBySide());
        this.liveTallies = draft.liveTallies();
        this.secret = draft.secret();
        this.closesAt = draft.closesAt();
    }

    private static void checkQuorum(int quorum) {
        if (quorum < 1 || quorum > MAX_QUORUM) {
            throw new DomainException("error.round.quorum", 1, MAX_QUORUM);
        }
    }

    private static void checkClosingTime(@Nullable Instant closing, Instant now) {
        if (closing != null && !closing.isAfter(now)) {
            throw new DomainException("error.round.closesAtPast");
        }
    }

    /**
     * Opens the round: from now on its settings are fixed and ballots are accepted.
     *
     * @param titledOptions the priorities with their current titles, in the draft's order
     * @param roundSides    the workspace's sides now
     * @param versionId     ADOPT: the version voted on (taken now if the draft named none)
     * @param joint         whether closing needs a moderator of every side (the workspace's setting now)
     */
    public void open(long userId, List<RoundOption> titledOptions, List<RoundSide> roundSides,
            @Nullable Long versionId, @Nullable String versionName, @Nullable String text, boolean joint,
            Instant now) {
        if (state != RoundState.DRAFT) {
            throw new DomainException("error.round.settingsFixed");
        }
        checkClosingTime(closesAt, now);
        if (kind == RoundKind.PRIORITIZE) {
            if (titledOptions.stream().map(RoundOption::optionId).toList()
                    .equals(options.stream().map(RoundOption::optionId).toList())) {
                options.clear();
                options.addAll(titledOptions);
            } else {
                throw new IllegalArgumentException("The options to open with are not the draft's");
            }
        } else {
            if (versionId == null || text == null) {
                throw new IllegalArgumentException("An ADOPT round opens on a version");
            }
            this.subjectVersionId = versionId;
            this.subjectVersionName = versionName;
            this.subjectText = text;
        }
        if (roundSides.size() < 2) {
            throw new IllegalArgumentException("A round needs the workspace's sides");
        }
        sides.clear();
        sides.addAll(roundSides);
        this.jointClosing = joint;
        this.state = RoundState.OPEN;
        this.openedBy = userId;
        this.openedAt = now;
    }

    /** Refuses a ballot unless the round is open, with a message that says why. */
    public void requireOpenForBallots() {
        switch (state) {
            case OPEN -> {
                if (votingEndedAt != null) {
                    throw new DomainException("error.round.votingEnded");
                }
            }
            case DRAFT -> throw new DomainException("error.round.notOpenYet");
            case CLOSED -> throw new DomainException("error.round.closed");
            case CANCELLED -> throw new DomainException("error.round.cancelled");
        }
    }

    /** Whether a member of this side may vote: the side took part when the round opened. */
    public boolean hasSide(@Nullable Long sideId) {
        return sideId != null && sides.stream().anyMatch(s -> s.sideId() == sideId);
    }

    /**
     * With joint closing, every side taking part must confirm (and, to cancel an open round, ask
     * for it), except a side that has since been removed from the workspace: it can no longer act,
     * and a round must never become impossible to end.
     *
     * @param existingSides the workspace's sides now
     */
    public Set<Long> requiredSides(Set<Long> existingSides) {
        Set<Long> required = new LinkedHashSet<>();
        if (jointClosing) {
            sides.stream().map(RoundSide::sideId).filter(existingSides::contains).forEach(required::add);
        }
        return required;
    }

    /**
     * Forgets every confirmation and cancel request whose giver no longer holds it: the test says
     * whether a user is still a moderator of the side they acted for. Called, under the round's
     * lock, before anything counts them, so a moderator who was demoted, removed or moved to
     * another side since has not confirmed for anyone.
     */
    public void forgetUnheld(java.util.function.BiPredicate<Long, Long> stillModeratorOfSide) {
        confirmations.removeIf(c -> !stillModeratorOfSide.test(c.userId(), c.sideId()));
        cancelRequests.removeIf(c -> !stillModeratorOfSide.test(c.userId(), c.sideId()));
    }

    /**
     * Confirms, for the moderator's side, that the round may close. One person confirms for one
     * side only, whatever sides they have been on.
     *
     * @param required the sides that must confirm (see {@link #requiredSides})
     * @return whether every required side has now confirmed, so the round must close
     */
    public boolean confirm(long sideId, long userId, Instant now, Set<Long> required) {
        requireOpenForClosing();
        if (!hasSide(sideId)) {
            throw new DomainException("error.round.sideNotInRound");
        }
        if (confirmation(sideId).isPresent()) {
            throw new DomainException("error.round.alreadyConfirmed");
        }
        if (confirmations.stream().anyMatch(c -> c.userId() == userId)) {
            throw new DomainException("error.round.confirmedForAnotherSide");
        }
        confirmations.add(new Confirmation(sideId, userId, now));
        return allConfirmed(required);
    }

    public boolean allConfirmed(Set<Long> required) {
        return required.stream().allMatch(side -> confirmation(side).isPresent());
    }

    /**
     * Asks, for the moderator's side and with a reason, that the open round be cancelled.
     *
     * @return whether every required side has now asked, so the round must be cancelled
     */
    public boolean requestCancel(long sideId, long userId, String reason, Instant now, Set<Long> required) {
        String checked = Text.required(reason, CANCEL_REASON_MAX_LENGTH, "field.cancelReason");
        requireOpenForClosing();
        if (!hasSide(sideId)) {
            throw new DomainException("error.round.sideNotInRound");
        }
        if (cancelRequest(sideId).isPresent()) {
            throw new DomainException("error.round.alreadyAskedToCancel");
        }
        if (cancelRequests.stream().anyMatch(c -> c.userId() == userId)) {
            throw new DomainException("error.round.confirmedForAnotherSide");
        }
        cancelRequests.add(new CancelRequest(sideId, userId, checked, now));
        return required.stream().allMatch(side -> cancelRequest(side).isPresent());
    }

    /** Takes back a side's request to cancel, while the round is still open. */
    public void withdrawCancelRequest(long sideId) {
        requireOpenForClosing();
        CancelRequest existing = cancelRequest(sideId)
                .orElseThrow(() -> new DomainException("error.round.notAskedToCancel"));
        cancelRequests.remove(existing);
    }

    public Optional<CancelRequest> cancelRequest(long sideId) {
        return cancelRequests.stream().filter(c -> c.sideId() == sideId).findFirst();
    }

    public Set<CancelRequest> cancelRequests() {
        return Set.copyOf(cancelRequests);
    }

    /**
     * The closing time has come: no more ballots. With joint closing the round stays open for the
     * confirmations it still needs.
     */
    public void endVoting(Instant now) {
        requireOpenForClosing();
        if (votingEndedAt == null) {
            votingEndedAt = now;
        }
    }

    public @Nullable Instant votingEndedAt() {
        return votingEndedAt;
    }

    /** Takes back a side's confirmation; only possible while the round is still open. */
    public Confirmation withdrawConfirmation(long sideId) {
        requireOpenForClosing();
        Confirmation existing = confirmation(sideId)
                .orElseThrow(() -> new DomainException("error.round.notConfirmed"));
        confirmations.remove(existing);
        return existing;
    }

    private void requireOpenForClosing() {
        switch (state) {
            case OPEN -> {
                // may close
            }
            case DRAFT -> throw new DomainException("error.round.notOpenYet");
            case CLOSED -> throw new DomainException("error.round.alreadyClosed");
            case CANCELLED -> throw new DomainException("error.round.cancelled");
        }
    }

    public Optional<Confirmation> confirmation(long sideId) {
        return confirmations.stream().filter(c -> c.sideId() == sideId).findFirst();
    }

    /** Closes the round; a closed or cancelled round refuses, so a second close never happens. */
    public void close(Instant now) {
        requireOpenForClosing();
        this.state = RoundState.CLOSED;
        this.closedAt = now;
    }

    /**
     * Notes, when the round has just closed, how many members of each side could have voted: the
     * base of each side's turnout.
     */
    public void countEligible(Map<Long, Integer> eligibleBySide) {
        if (state != RoundState.CLOSED) {
            throw new IllegalStateException("eligible voters are counted when the round closes");
        }
        List<RoundSide> counted = sides.stream()
                .map(side -> side.withEligible(eligibleBySide.getOrDefault(side.sideId(), 0)))
                .toList();
        sides.clear();
        sides.addAll(counted);
    }

    public void cancel(long userId, String reason, Instant now) {
        String checked = Text.required(reason, CANCEL_REASON_MAX_LENGTH, "field.cancelReason");
        if (state == RoundState.CLOSED) {
            throw new DomainException("error.round.alreadyClosed");
        }
        if (state == RoundState.CANCELLED) {
            throw new DomainException("error.round.cancelled");
        }
        this.state = RoundState.CANCELLED;
        this.cancelledBy = userId;
        this.cancelledAt = now;
        this.cancelReason = checked;
    }

    /** Whether the closing time has come for an open round. */
    public boolean isDue(Instant now) {
        return state == RoundState.OPEN && votingEndedAt == null && closesAt != null && !closesAt.isAfter(now);
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

    public String title() {
        return title;
    }

    public RoundKind kind() {
        return kind;
    }

    public @Nullable PrioritizeMethod method() {
        return method;
    }

    public DecisionRule rule() {
        return rule;
    }

    public int budget() {
        return budget;
    }

    public int capPerOption() {
        return capPerOption;
    }

    public int quorumPerSide() {
        return quorumPerSide;
    }

    /** q_s: the ballots this side must cast for a decision. */
    public int quorumFor(long sideId) {
        return quorumBySide.getOrDefault(sideId, quorumPerSide);
    }

    public Map<Long, Integer> quorumBySide() {
        return Map.copyOf(quorumBySide);
    }

    public boolean liveTallies() {
        return liveTallies;
    }

    public boolean secret() {
        return secret;
    }

    public @Nullable Instant closesAt() {
        return closesAt;
    }

    public int adoptTopPlaces() {
        return adoptTopPlaces;
    }

    public boolean adoptEverySide() {
        return adoptEverySide;
    }

    public boolean jointClosing() {
        return jointClosing;
    }

    public @Nullable Long subjectVersionId() {
        return subjectVersionId;
    }

    public @Nullable String subjectVersionName() {
        return subjectVersionName;
    }

    public @Nullable String subjectText() {
        return subjectText;
    }

    public List<RoundOption> options() {
        return List.copyOf(options);
    }

    public List<Long> optionIds() {
        return options.stream().map(RoundOption::optionId).toList();
    }

    public List<RoundSide> sides() {
        return List.copyOf(sides);
    }

    public Set<Confirmation> confirmations() {
        return Set.copyOf(confirmations);
    }

    public RoundState state() {
        return state;
    }

    public long createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public @Nullable Long openedBy() {
        return openedBy;
    }

    public @Nullable Instant openedAt() {
        return openedAt;
    }

    public @Nullable Instant closedAt() {
        return closedAt;
    }

    public @Nullable Long cancelledBy() {
        return cancelledBy;
    }

    public @Nullable Instant cancelledAt() {
        return cancelledAt;
    }

    public @Nullable String cancelReason() {
        return cancelReason;
    }

}
