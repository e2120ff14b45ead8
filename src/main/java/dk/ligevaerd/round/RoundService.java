package dk.ligevaerd.round;

import dk.ligevaerd.account.CurrentUser;
import dk.ligevaerd.priority.PriorityService;
import dk.ligevaerd.priority.PriorityState;
import dk.ligevaerd.priority.PriorityView;
import dk.ligevaerd.round.RecordView.ClosedHow;
import dk.ligevaerd.round.RoundEvents.BallotCountChanged;
import dk.ligevaerd.round.RoundEvents.ClosingConfirmed;
import dk.ligevaerd.round.RoundEvents.ConfirmationWithdrawn;
import dk.ligevaerd.round.RoundEvents.CancelRequested;
import dk.ligevaerd.round.RoundEvents.RoundCancelled;
import dk.ligevaerd.round.RoundEvents.VotingEnded;
import dk.ligevaerd.round.RoundEvents.RoundCreated;
import dk.ligevaerd.round.RoundEvents.RoundOpened;
import dk.ligevaerd.round.RoundEvents.RoundUpdated;
import dk.ligevaerd.round.domain.Ballot;
import dk.ligevaerd.round.domain.BallotPayload;
import dk.ligevaerd.round.domain.BallotRepository;
import dk.ligevaerd.round.domain.CancelRequest;
import dk.ligevaerd.round.domain.Confirmation;
import dk.ligevaerd.round.domain.DecisionRound;
import dk.ligevaerd.round.domain.DecisionRoundRepository;
import dk.ligevaerd.round.domain.RoundOption;
import dk.ligevaerd.round.domain.RoundSide;
import dk.ligevaerd.round.rules.AdoptBallot;
import dk.ligevaerd.round.rules.AdoptResult;
import dk.ligevaerd.round.rules.BallotRejected;
import dk.ligevaerd.round.rules.DotBallot;
import dk.ligevaerd.round.rules.PrioritizeMethod;
import dk.ligevaerd.round.rules.RankingBallot;
import dk.ligevaerd.round.rules.Vote;
import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.shared.Text;
import dk.ligevaerd.shared.NotFoundOrNoAccessException;
import dk.ligevaerd.statement.StatementService;
import dk.ligevaerd.statement.VersionView;
import dk.ligevaerd.workspace.Member;
import dk.ligevaerd.workspace.Role;
import dk.ligevaerd.workspace.Roster;
import dk.ligevaerd.workspace.SideView;
import dk.ligevaerd.workspace.WorkspaceAccess;
import dk.ligevaerd.workspace.WorkspaceDetails;
import dk.ligevaerd.workspace.WorkspaceService;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Decision rounds: preparing, opening, voting, closing (jointly or not), cancelling, and reading
 * rounds and their records. Thin: the round aggregate guards its states, the rules decide, and
 * {@link RecordKeeper} writes the record.
 *
 * <p>Concurrency: casting a ballot begins with a shared lock on the round's row, and confirming,
 * closing, cancelling and opening with an exclusive one. So a ballot is either committed before
 * the close reads the ballots (and counted), or waits for the close and then finds the round
 * closed (and is refused); there is no third case. Two moderators confirming at the same moment
 * are serialized: the second sees the first's confirmation, or the round already closed. The
 * database's unique keys (one ballot per member and round, one record per round, one record per
 * number in a workspace) stand behind all of this.
 */
@Service
public class RoundService {

    private static final Set<PriorityState> VOTABLE = EnumSet.of(PriorityState.PROPOSED, PriorityState.ADOPTED,
            PriorityState.NOT_ADOPTED);

    private final DecisionRoundRepository rounds;
    private final BallotRepository ballots;
    private final RecordKeeper keeper;
    private final WorkspaceAccess access;
    private final WorkspaceService workspaces;
    private final PriorityService priorities;
    private final StatementService statements;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    /** What is kept in memory about open rounds: settings, live tallies, shared counts. */
    private final OpenRounds open;
    /** For the one read of the counts that the pages after a ballot share. */
    private final TransactionTemplate readOnly;
    private final CurrentUser currentUser;

    RoundService(DecisionRoundRepository rounds, BallotRepository ballots, RecordKeeper keeper,
            WorkspaceAccess access, WorkspaceService workspaces, PriorityService priorities,
            StatementService statements, CurrentUser currentUser, ApplicationEventPublisher events,
            Clock clock, OpenRounds open, PlatformTransactionManager transactionManager) {
        this.open = open;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.currentUser = currentUser;
        this.rounds = rounds;
        this.ballots = ballots;
        this.keeper = keeper;
        this.access = access;
        this.workspaces = workspaces;
        this.priorities = priorities;
        this.statements = statements;
        this.events = events;
        this.clock = clock;
    }

    // ---- preparing ------------------------------------------------------------------------------

    @Transactional
    public long create(long workspaceId, RoundDraft draft) {
        Member me = access.requireModerator(workspaceId);
        checkSubject(workspaceId, draft);
        DecisionRound round = rounds.saveAndFlush(new DecisionRound(workspaceId, draft, me.userId(), clock.instant()));
        keeper.ensureChain(workspaceId);
        events.publishEvent(new RoundCreated(workspaceId, me.userId(), me.sideId(), round.id(), round.title(),
                round.kind()));
        return round.id();
    }

    /** Changes a draft's settings; once a round has opened they are fixed. */
    @Transactional
    public void update(long workspaceId, long roundId, RoundDraft draft) {
        Member me = access.requireModerator(workspaceId);
        DecisionRound round = lock(workspaceId, roundId);
        if (round.state() != RoundState.DRAFT) {
            throw new DomainException("error.round.settingsFixed");
        }
        if (round.kind() != draft.kind()) {
            throw new DomainException("error.round.kindFixed");
        }
        checkSubject(workspaceId, draft);
        round.configure(draft, clock.instant());
        events.publishEvent(new RoundUpdated(workspaceId, me.userId(), me.sideId(), roundId, round.title()));
    }

    private void checkSubject(long workspaceId, RoundDraft draft) {
        if (draft.kind() == RoundKind.PRIORITIZE) {
            Map<Long, PriorityView> known = priorities.list(workspaceId).stream()
                    .collect(Collectors.toMap(PriorityView::id, Function.identity()));
            for (Long id : draft.priorityIds()) {
                PriorityView priority = known.get(id);
                if (priority == null) {
                    throw new NotFoundOrNoAccessException();
                }
                if (!VOTABLE.contains(priority.state())) {
                    throw new DomainException("error.priority.notAvailable", priority.title());
                }
            }
        } else if (draft.versionId() != null) {
            statements.version(workspaceId, draft.versionId());
        }
    }

    /**
     * Opens a draft: takes its priorities up (refusing withdrawn or merged ones) or, for ADOPT on
     * the current text, saves that text as the version voted on; fixes the sides taking part.
     */
    @Transactional
    public void open(long workspaceId, long roundId) {
        access.requireModerator(workspaceId);
        // The chain lock orders this opening with ending rounds and with a side's removal or the
        // workspace's deletion (OpenRoundMembershipGuard takes it too); what follows reads the
        // workspace as it is once that change has committed, so the caller is checked again.
        keeper.endingTurn(workspaceId);
        Member me = access.requireModerator(workspaceId);
        access.requireFormed(workspaceId);
        DecisionRound round = lock(workspaceId, roundId);
        if (round.state() != RoundState.DRAFT) {
            throw new DomainException("error.round.settingsFixed");
        }
        WorkspaceDetails details = workspaces.details(workspaceId);
        boolean joint = details.jointClosing();
        if (joint) {
            for (SideView side : details.sides()) {
                boolean hasModerator = details.members().stream()
                        .anyMatch(m -> m.role() == Role.MODERATOR && Objects.equals(m.sideId(), side.id()));
                if (!hasModerator) {
                    throw new DomainException("error.round.sideWithoutModerator", side.name());
                }
            }
        }
        List<RoundSide> sides = details.sides().stream()
                .map(s -> new RoundSide(s.id(), s.name(), s.colour()))
                .toList();
        Instant now = clock.instant();
        if (round.kind() == RoundKind.PRIORITIZE) {
            // The chain lock taken above also makes a round taking priorities up wait for any round of
            // the workspace that is ending, so a release from that round cannot free a priority this
            // one has just taken up.
            List<RoundOption> options = priorities.includeInRound(workspaceId, round.optionIds()).stream()
                    .map(p -> new RoundOption(p.id(), p.title()))
                    .toList();
            round.open(me.userId(), options, sides, null, null, null, joint, now);
        } else {
            VersionView version = round.subjectVersionId() == null
                    ? statements.snapshotForRound(workspaceId, round.title(), me)
                    : statements.version(workspaceId, round.subjectVersionId());
            round.open(me.userId(), List.of(), sides, version.id(), version.name(), version.text(), joint, now);
        }
        events.publishEvent(new RoundOpened(workspaceId, me.userId(), me.sideId(), roundId, round.title()));
    }

    /**
     * Cancels a round, with a reason. A draft is cancelled by its creator alone (or by any moderator
     * once its creator no longer moderates here). An open round with joint closing is cancelled
     * only when a moderator of every side has asked for it, each with a reason: this call asks for
     * the caller's side, and the last side's request cancels it.
     *
     * @return whether the round is now cancelled
     */
    @Transactional
    public boolean cancel(long workspaceId, long roundId, String reason) {
        Member me = access.requireModerator(workspaceId);
        DecisionRound round = lock(workspaceId, roundId);
        Instant now = clock.instant();
        if (round.state() == RoundState.DRAFT) {
            if (round.createdBy() != me.userId() && stillModerator(workspaceId, round.createdBy())) {
                throw new DomainException("error.round.draftCancelByCreator");
            }
            round.cancel(me.userId(), reason, now);
        } else if (round.state() == RoundState.OPEN) {
            // Rounds ending in one workspace take turns (see RecordKeeper.endingTurn), so that two
            // rounds sharing a priority and ending together cannot each think the other still holds it.
            keeper.endingTurn(workspaceId);
            if (round.jointClosing()) {
                Roster roster = workspaces.roster(workspaceId);
                round.forgetUnheld(roster::isModeratorOf);
                boolean all = round.requestCancel(Objects.requireNonNull(me.sideId()), me.userId(), reason, now,
                        round.requiredSides(roster.sideIds()));
                if (!all) {
                    events.publishEvent(new CancelRequested(workspaceId, me.userId(), me.sideId(), roundId,
                            round.title(), reason.strip()));
                    return false;
                }
            }
            round.cancel(me.userId(), reason, now);
            keeper.releaseUndecided(round);
        } else {
            round.cancel(me.userId(), reason, now);
        }
        open.forget(roundId);
        events.publishEvent(new RoundCancelled(workspaceId, me.userId(), me.sideId(), roundId, round.title(),
                Objects.requireNonNullElse(round.cancelReason(), "")));
        return true;
    }

    /** A moderator takes back their side's request to cancel an open round. */
    @Transactional
    public void withdrawCancelRequest(long workspaceId, long roundId) {
        Member me = access.requireModerator(workspaceId);
        DecisionRound round = lock(workspaceId, roundId);
        round.withdrawCancelRequest(Objects.requireNonNull(me.sideId()));
        events.publishEvent(new RoundUpdated(workspaceId, me.userId(), me.sideId(), roundId, round.title()));
    }

    private boolean stillModerator(long workspaceId, long userId) {
        Member m = workspaces.roster(workspaceId).members().get(userId);
        return m != null && m.isModerator();
    }

    // ---- voting ---------------------------------------------------------------------------------

    /** Casts or replaces the caller's dot-voting ballot: option id to points. */
    @Transactional
    public void castDots(long workspaceId, long roundId, Map<Long, Integer> points) {
        cast(workspaceId, roundId, settings -> {
            requireMethod(settings, PrioritizeMethod.DOTS);
            DotBallot ballot = new DotBallot(points);
            settings.dots().validate(ballot);
            return BallotPayload.dots(ballot);
        });
    }

    /** Casts or replaces the caller's ranking: option ids, best first; some may be left out. */
    @Transactional
    public void castRanking(long workspaceId, long roundId, List<Long> order) {
        cast(workspaceId, roundId, settings -> {
            requireMethod(settings, PrioritizeMethod.RANKING);
            RankingBallot ballot = new RankingBallot(order);
            settings.ranking().validate(ballot);
            return BallotPayload.ranking(ballot);
        });
    }

    /** Casts or replaces the caller's vote in an ADOPT round; the reason is kept only for an objection. */
    @Transactional
    public void castAdopt(long workspaceId, long roundId, Vote vote, @Nullable String reason) {
        cast(workspaceId, roundId, settings -> {
            if (settings.kind() != RoundKind.ADOPT) {
                throw new DomainException("error.round.wrongBallot");
            }
            AdoptBallot ballot = new AdoptBallot(vote, vote == Vote.OBJECT ? reason : null);
            settings.adopt().validate(ballot);
            if (ballot.reason() != null && ballot.reason().chars()
                    .anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
                throw new DomainException("error.controlCharacters", Messages.key("field.objectionReason"));
            }
            if (ballot.reason() != null) {
                Text.requireNoForbiddenCharacter(ballot.reason(), "field.objectionReason");
            }
            return BallotPayload.adopt(ballot);
        });
    }

    private static void requireMethod(Tallies settings, PrioritizeMethod method) {
        if (settings.kind() != RoundKind.PRIORITIZE || settings.method() != method) {
            throw new DomainException("error.round.wrongBallot");
        }
    }

    /**
     * Writes the caller's ballot under a shared lock on the round: ballots do not wait for each
     * other, but a close (exclusive lock) waits for those in progress, and those after it see
     * the round closed.
     */
    private void cast(long workspaceId, long roundId, Function<Tallies, String> validatedPayload) {
        Member me = access.requireContributor(workspaceId);
        DecisionRound round = rounds.shareById(roundId).filter(r -> r.workspaceId() == workspaceId)
                .orElseThrow(NotFoundOrNoAccessException::new);
        round.requireOpenForBallots();
        Tallies settings = open.settingsOf(round);
        if (me.sideId() == null || !settings.sides().contains(me.sideId())) {
            throw new DomainException("error.round.sideNotInRound");
        }
        String payload;
        try {
            payload = validatedPayload.apply(settings);
        } catch (BallotRejected rejected) {
            throw new DomainException(rejected.messageKey(), rejected.arguments());
        }
        long sideId = me.sideId();
        String name = currentUser.require().displayName();
        Instant now = clock.instant();
        Optional<Ballot> existing = ballots.findByRoundIdAndUserId(roundId, me.userId());
        if (existing.isPresent()) {
            existing.get().replace(name, sideId, payload, now);
        } else {
            try {
                ballots.saveAndFlush(new Ballot(roundId, me.userId(), name, sideId, payload, now));
            } catch (DataIntegrityViolationException sameVoterAtTheSameMoment) {
                // Ballots share the round's lock, so two first ballots of one member sent at the same
                // moment (a double click) meet at the unique key; one of them is kept.
                throw new DomainException("error.round.ballotConflict");
            }
        }
        // After the commit the live-event bus hands this to every open page's mailbox and returns:
        // the voter does not wait for anyone's page.
        events.publishEvent(new BallotCountChanged(workspaceId, roundId));
        // Before the bus hands the event on (it listens after commit too, later in order), the
        // shared counts are marked out of date, so every page that hears of this ballot reads them
        // anew, once for all of them.
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public int getOrder() {
                return Ordered.HIGHEST_PRECEDENCE;
            }

            @Override
            public void afterCommit() {
                open.ballotCommitted(roundId);
            }
        });
    }

    /** For tests: whether settings or a live tally of the round are held in memory. */
    boolean caches(long roundId) {
        return open.holds(roundId);
    }

    // ---- closing --------------------------------------------------------------------------------

    /**
     * A moderator confirms closing for their side. With joint closing (the workspace default) the
     * round closes when a moderator of every side taking part has confirmed; without it, this
     * closes the round at once. A round missing quorum on any side closes as "no decision".
     *
     * @return whether this confirmation closed the round
     */
    @Transactional
    public boolean confirmClosing(long workspaceId, long roundId) {
        Member me = access.requireModerator(workspaceId);
        DecisionRound round = lock(workspaceId, roundId);
        if (round.state() == RoundState.OPEN && !round.jointClosing()) {
            close(round, ClosedHow.MODERATOR, me);
            return true;
        }
        // Re-checked here, in the closing transaction under the round's lock: a confirmation counts
        // only while its giver is still a member and a moderator of the side they confirmed for.
        Roster roster = workspaces.roster(workspaceId);
        round.forgetUnheld(roster::isModeratorOf);
        long sideId = Objects.requireNonNull(me.sideId());
        boolean all = round.confirm(sideId, me.userId(), clock.instant(), round.requiredSides(roster.sideIds()));
        events.publishEvent(new ClosingConfirmed(workspaceId, me.userId(), me.sideId(), roundId, round.title()));
        if (all) {
            close(round, ClosedHow.JOINT, me);
        }
        return all;
    }

    /** A moderator takes back their side's confirmation, as long as the round has not closed. */
    @Transactional
    public void withdrawConfirmation(long workspaceId, long roundId) {
        Member me = access.requireModerator(workspaceId);
        DecisionRound round = lock(workspaceId, roundId);
        round.withdrawConfirmation(Objects.requireNonNull(me.sideId()));
        events.publishEvent(new ConfirmationWithdrawn(workspaceId, me.userId(), me.sideId(), roundId,
                round.title()));
    }

    private void close(DecisionRound round, ClosedHow how, @Nullable Member by) {
        keeper.close(round, open.settingsOf(round), how, by);
        open.forget(round.id());
    }

    /**
     * A round's closing time has come; called by {@link AutoClose} without a user. Without joint
     * closing the round closes. With it, the closing time ends voting only: the round then still
     * needs a moderator of every side, and closes now only if every side has already confirmed
     * (confirmations re-checked as in {@link #confirmClosing}).
     *
     * @return whether the round closed
     */
    @Transactional
    boolean closeIfDue(long roundId) {
        Optional<DecisionRound> found = rounds.lockById(roundId);
        if (found.isEmpty() || !found.get().isDue(clock.instant())) {
            return false;
        }
        DecisionRound round = found.get();
        if (!round.jointClosing()) {
            close(round, ClosedHow.CLOSING_TIME, null);
            return true;
        }
        round.endVoting(clock.instant());
        Roster roster = workspaces.roster(round.workspaceId());
        round.forgetUnheld(roster::isModeratorOf);
        events.publishEvent(new VotingEnded(round.workspaceId(), Objects.requireNonNull(round.openedBy()), null,
                roundId, round.title()));
        if (round.allConfirmed(round.requiredSides(roster.sideIds()))) {
            close(round, ClosedHow.JOINT, null);
            return true;
        }
        return false;
    }

    /**
     * For a feature telling members about a round, inside the transaction that changed it (which
     * checked the caller, or is the closing time with nobody logged in).
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public RoundNotice notice(long roundId) {
        DecisionRound round = rounds.findById(roundId).orElseThrow(NotFoundOrNoAccessException::new);
        List<Long> awaiting = List.of();
        if (round.state() == RoundState.OPEN) {
            Roster roster = workspaces.roster(round.workspaceId());
            awaiting = round.requiredSides(roster.sideIds()).stream()
                    .filter(side -> round.confirmation(side)
                            .filter(c -> roster.isModeratorOf(c.userId(), side)).isEmpty())
                    .toList();
        }
        return new RoundNotice(round.id(), round.workspaceId(), round.title(), round.state(), round.closesAt(),
                round.sides().stream().map(RoundSide::sideId).toList(), awaiting, round.votingEndedAt() != null);
    }

    @Transactional(readOnly = true)
    List<Long> dueRoundIds() {
        return rounds.findIdsByStateAndClosesAtNotAfter(RoundState.OPEN, clock.instant());
    }

    // ---- reading --------------------------------------------------------------------------------

    /** Every round of the workspace, newest first, as the caller may see it. */
    @Transactional(readOnly = true)
    public List<RoundView> list(long workspaceId) {
        Member me = access.requireMember(workspaceId);
        return views(workspaceId, me, rounds.findByWorkspaceIdOrderByCreatedAtDescIdDesc(workspaceId));
    }

    @Transactional(readOnly = true)
    public RoundView get(long workspaceId, long roundId) {
        Member me = access.requireMember(workspaceId);
        return views(workspaceId, me, List.of(load(workspaceId, roundId))).getFirst();
    }

    /** The record of a closed round; empty while it is not closed. */
    @Transactional(readOnly = true)
    public Optional<RecordView> record(long workspaceId, long roundId) {
        access.requireMember(workspaceId);
        load(workspaceId, roundId);
        return keeper.record(roundId);
    }

    /**
     * What ballots change on a round, for a page that heard of ballots: read by the first page to
     * ask after a ballot committed on this node, and handed to the pages after it (they wait for
     * that one read rather than read again), so a burst costs one read however many pages follow.
     *
     * @param shared false to read afresh: for news of ballots from another node, which this node
     *               did not see commit
     */
    public LiveCounts counts(long workspaceId, long roundId, boolean shared) {
        // Every open page asks after each ballot: the membership check uses a held copy, and only
        // the page that reads the counts for the others opens a transaction.
        access.requireMembershipForLiveRead(workspaceId);
        return open.counts(roundId, workspaceId, shared,
                () -> Objects.requireNonNull(readOnly.execute(status -> readCounts(workspaceId, roundId))));
    }

    private LiveCounts readCounts(long workspaceId, long roundId) {
        DecisionRound r = load(workspaceId, roundId);
        Map<Long, Integer> bySide = new HashMap<>();
        long casts = 0;
        for (Object[] row : ballots.countBySide(List.of(roundId))) {
            bySide.put((Long) row[1], ((Number) row[2]).intValue());
            casts += ((Number) row[3]).longValue();
        }
        boolean isOpen = r.state() == RoundState.OPEN;
        if (!isOpen) {
            open.dropCounts(roundId);
        }
        // As in view(): never standings for a secret round while it is open.
        OpenRounds.LiveTally standing = isOpen && r.liveTallies() && !r.secret() ? open.standing(r, casts) : null;
        return new LiveCounts(roundId, bySide, casts, standing == null ? null : standing.prioritize(),
                standing == null ? null : standing.adopt(), openObjections(r, casts));
    }

    /** The workspace's decision record with this number; empty if there is none. */
    @Transactional(readOnly = true)
    public Optional<RecordView> recordBySeq(long workspaceId, long seq) {
        access.requireMember(workspaceId);
        return keeper.recordBySeq(workspaceId, seq);
    }

    /** The numbers of the workspace's decision records, in chain order: for moving between them. */
    @Transactional(readOnly = true)
    public List<Long> recordNumbers(long workspaceId) {
        access.requireMember(workspaceId);
        return keeper.recordNumbers(workspaceId);
    }

    /** Every decision record of the workspace, in chain order. */
    @Transactional(readOnly = true)
    public List<RecordView> records(long workspaceId) {
        access.requireMember(workspaceId);
        return keeper.records(workspaceId);
    }

    /** Checks the workspace's chain of records; any member may, observers included. */
    @Transactional(readOnly = true)
    public ChainVerification verifyChain(long workspaceId) {
        access.requireMember(workspaceId);
        return keeper.verify(workspaceId);
    }

    private List<RoundView> views(long workspaceId, Member me, List<DecisionRound> all) {
        if (all.isEmpty()) {
            return List.of();
        }
        List<Long> ids = all.stream().map(DecisionRound::id).toList();
        Map<Long, Map<Long, Integer>> counts = new HashMap<>();
        Map<Long, Long> casts = new HashMap<>();
        for (Object[] row : ballots.countBySide(ids)) {
            counts.computeIfAbsent((Long) row[0], id -> new HashMap<>()).put((Long) row[1],
                    ((Number) row[2]).intValue());
            casts.merge((Long) row[0], ((Number) row[3]).longValue(), Long::sum);
        }
        Map<Long, Ballot> mine = ballots.findByRoundIdInAndUserId(ids, me.userId()).stream()
                .collect(Collectors.toMap(Ballot::roundId, Function.identity()));
        Map<Long, String> draftTitles = new HashMap<>();
        if (all.stream().anyMatch(r -> r.state() == RoundState.DRAFT && r.kind() == RoundKind.PRIORITIZE)) {
            priorities.list(workspaceId).forEach(p -> draftTitles.put(p.id(), p.title()));
        }
        Roster roster = workspaces.roster(workspaceId);
        return all.stream().map(r -> view(workspaceId, me, r, counts.getOrDefault(r.id(), Map.of()),
                casts.getOrDefault(r.id(), 0L), mine.get(r.id()), draftTitles, roster)).toList();
    }

    private RoundView view(long workspaceId, Member me, DecisionRound r, Map<Long, Integer> counts, long casts,
            @Nullable Ballot myBallot, Map<Long, String> draftTitles, Roster roster) {
        boolean open = r.state() == RoundState.OPEN;
        List<RoundView.Option> options = r.options().stream()
                .map(o -> new RoundView.Option(o.optionId(),
                        r.state() == RoundState.DRAFT ? draftTitles.getOrDefault(o.optionId(), "") : o.title()))
                .toList();
        List<RoundView.SideTurnout> sides = r.sides().stream().map(s -> {
            int n = counts.getOrDefault(s.sideId(), 0);
            // While open, a confirmation or request whose giver no longer moderates the side shows as
            // missing: it will not count when the round closes.
            Optional<Confirmation> c = r.confirmation(s.sideId())
                    .filter(x -> !open || roster.isModeratorOf(x.userId(), x.sideId()));
            Optional<CancelRequest> cancel = r.cancelRequest(s.sideId())
                    .filter(x -> !open || roster.isModeratorOf(x.userId(), x.sideId()));
            return new RoundView.SideTurnout(s.sideId(), s.name(), s.colour(), n, n >= r.quorumFor(s.sideId()),
                    c.map(Confirmation::userId).orElse(null), c.map(Confirmation::confirmedAt).orElse(null),
                    cancel.map(CancelRequest::userId).orElse(null), cancel.map(CancelRequest::reason).orElse(null),
                    r.quorumFor(s.sideId()));
        }).toList();
        List<Long> required = open ? List.copyOf(r.requiredSides(roster.sideIds())) : List.of();
        List<Long> withoutModerator = required.stream().filter(side -> !roster.hasModerator(side)).toList();
        List<Long> removed = open ? r.sides().stream().map(RoundSide::sideId)
                .filter(side -> !roster.sideIds().contains(side)).toList() : List.of();
        List<Long> secretWarnings = r.state() == RoundState.DRAFT ? loneVoters(r, roster) : List.of();
        // Standings are never shown for a secret round while it is open (turnout only), whatever
        // was stored: successive standings would reveal each vote.
        OpenRounds.LiveTally standing = open && r.liveTallies() && !r.secret() ? this.open.standing(r, casts) : null;
        String versionName = r.subjectVersionName();
        if (r.state() == RoundState.DRAFT && r.subjectVersionId() != null) {
            versionName = statements.version(workspaceId, r.subjectVersionId()).name();
        }
        boolean canVote = open && r.votingEndedAt() == null && me.canContribute() && r.hasSide(me.sideId());
        return new RoundView(r.id(), r.title(), r.kind(), r.method(), r.rule(), r.budget(), r.capPerOption(),
                r.adoptTopPlaces(), r.quorumPerSide(), r.liveTallies(), r.secret(), r.closesAt(), r.state(), options,
                r.subjectVersionId(), versionName, r.subjectText(), sides, r.jointClosing(), required, r.createdBy(),
                r.createdAt(), r.openedAt(), r.closedAt(), r.cancelledAt(), r.cancelReason(),
                standing == null ? null : standing.prioritize(), standing == null ? null : standing.adopt(),
                myBallot == null ? null : Tallies.view(r.kind(), r.method(), myBallot), canVote, casts,
                r.votingEndedAt(), withoutModerator, removed, secretWarnings, r.quorumBySide(), r.adoptEverySide(),
                openObjections(r, casts));
    }

    /**
     * The objections of an open round under consent, whether or not it shows live standings:
     * consent asks everyone to see what blocks adoption while there is still time to change it.
     * Taken from the same tally that the record will be written from. A secret round shows each
     * objection's side only: a reason in its writer's own words could name them before the round
     * is over, and the record shows it afterwards, with the side.
     */
    private List<OpenObjection> openObjections(DecisionRound r, long casts) {
        if (r.state() != RoundState.OPEN || r.rule() != DecisionRule.CONSENT || casts == 0) {
            return List.of();
        }
        AdoptResult tally = open.standing(r, casts).adopt();
        if (tally == null) {
            return List.of();
        }
        return tally.objections().stream()
                .map(o -> new OpenObjection(o.side(), r.secret() ? null : o.reason())).toList();
    }

    /**
     * Under CONSENT in a secret round, an objection is shown with its side: where a side has only
     * one voter, that names them. The sides where this is so, for a warning before opening.
     */
    private static List<Long> loneVoters(DecisionRound r, Roster roster) {
        if (!r.secret() || r.rule() != DecisionRule.CONSENT) {
            return List.of();
        }
        Map<Long, Long> voters = roster.members().values().stream()
                .filter(m -> m.canContribute() && m.sideId() != null)
                .collect(Collectors.groupingBy(Member::sideId, Collectors.counting()));
        return roster.sideIds().stream().sorted().filter(side -> voters.getOrDefault(side, 0L) == 1).toList();
    }

    private DecisionRound lock(long workspaceId, long roundId) {
        return rounds.lockById(roundId).filter(r -> r.workspaceId() == workspaceId)
                .orElseThrow(NotFoundOrNoAccessException::new);
    }

    private DecisionRound load(long workspaceId, long roundId) {
        return rounds.findById(roundId).filter(r -> r.workspaceId() == workspaceId)
                .orElseThrow(NotFoundOrNoAccessException::new);
    }
}
