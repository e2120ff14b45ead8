package dk.ligevaerd.round;

import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.priority.PriorityService;
import dk.ligevaerd.round.ChainVerification.Kind;
import dk.ligevaerd.round.ChainVerification.Problem;
import dk.ligevaerd.round.RecordView.ClosedHow;
import dk.ligevaerd.round.RecordView.ConfirmationView;
import dk.ligevaerd.round.RecordView.Outcome;
import dk.ligevaerd.round.RecordView.Person;
import dk.ligevaerd.round.RoundEvents.RoundClosed;
import dk.ligevaerd.round.domain.BallotRepository;
import dk.ligevaerd.round.domain.BallotRow;
import dk.ligevaerd.round.domain.CanonicalJson;
import dk.ligevaerd.round.domain.Confirmation;
import dk.ligevaerd.round.domain.DecisionChain;
import dk.ligevaerd.round.domain.DecisionChainRepository;
import dk.ligevaerd.round.domain.DecisionRecord;
import dk.ligevaerd.round.domain.DecisionRecordRepository;
import dk.ligevaerd.round.domain.DecisionRound;
import dk.ligevaerd.round.domain.DecisionRoundRepository;
import dk.ligevaerd.round.rules.AdoptResult;
import dk.ligevaerd.round.rules.Adoption;
import dk.ligevaerd.round.rules.PrioritizeResult;
import dk.ligevaerd.statement.StatementService;
import dk.ligevaerd.workspace.Member;
import dk.ligevaerd.workspace.Roster;
import dk.ligevaerd.workspace.WorkspaceService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Closes rounds and keeps their records: the tally, the record with its place in the workspace's
 * hash chain, and the outcome applied to priorities or the statement — all in the transaction of
 * the caller, who holds the round's row lock and has decided who may close.
 */
@Component
class RecordKeeper {

    private final BallotRepository ballots;
    private final DecisionRecordRepository records;
    private final DecisionRoundRepository rounds;
    private final DecisionChainRepository chains;
    private final PriorityService priorities;
    private final StatementService statements;
    private final AccountService accounts;
    private final WorkspaceService workspaces;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final RecordNames names;

    RecordKeeper(BallotRepository ballots, DecisionRecordRepository records, DecisionRoundRepository rounds,
            DecisionChainRepository chains,
            PriorityService priorities, StatementService statements, AccountService accounts,
            WorkspaceService workspaces, ApplicationEventPublisher events, Clock clock, RecordNames names) {
        this.workspaces = workspaces;
        this.names = names;
        this.ballots = ballots;
        this.records = records;
        this.rounds = rounds;
        this.chains = chains;
        this.priorities = priorities;
        this.statements = statements;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Closes the locked round and writes its one record. A round that is already closed or
     * cancelled refuses (the aggregate's own check), so a second close changes nothing; the unique
     * keys on the record (round; workspace and number) stand behind that.
     *
     * @param by the moderator whose action closed it; null when its closing time did
     */
    @Transactional(propagation = Propagation.MANDATORY)
    DecisionRecord close(DecisionRound round, Tallies tallies, ClosedHow how, @Nullable Member by) {
        Instant now = clock.instant();
        round.close(now);
        long workspaceId = round.workspaceId();
        // B_s is the ballots of side s's members: read the workspace as it is now, in this
        // transaction. A ballot whose voter has left the side (or the workspace, or may no longer
        // vote) is void, and a side removed since the round opened is no longer tallied.
        Roster roster = workspaces.roster(workspaceId);
        Set<Long> sidesNow = new java.util.LinkedHashSet<>(tallies.sides());
        sidesNow.retainAll(roster.sideIds());
        Tallies counted = tallies.withSides(sidesNow);
        List<BallotRow> rows = new ArrayList<>();
        Map<Long, Integer> voided = new java.util.HashMap<>();
        for (BallotRow row : ballots.rows(round.id())) {
            if (sidesNow.contains(row.sideId()) && roster.isVoterOf(row.userId(), row.sideId())) {
                rows.add(row);
            } else {
                voided.merge(row.sideId(), 1, Integer::sum);
            }
        }
        List<Tallies.Parsed> all = counted.parse(rows);
        round.countEligible(eligible(roster));

        PrioritizeResult prioritize = null;
        AdoptResult adopt = null;
        List<Long> adopted = new ArrayList<>();
        List<Long> notAdopted = new ArrayList<>();
        if (round.kind() == RoundKind.PRIORITIZE) {
            prioritize = counted.prioritize(all);
            // The same rule the open round's live standings apply, so they never promise otherwise.
            Adoption.Selection selection = Objects.requireNonNull(counted.adoption()).select(prioritize);
            adopted.addAll(selection.adopted());
            notAdopted.addAll(selection.notAdopted());
        } else {
            adopt = counted.adoptResult(all);
        }

        Set<Long> people = new HashSet<>();
        people.add(Objects.requireNonNull(round.openedBy()));
        if (by != null) {
            people.add(by.userId());
        }
        round.confirmations().forEach(c -> people.add(c.userId()));
        // Voters' names come with their ballots (as they were when voting): looking up thousands
        // of accounts here would make closing a large round slow.
        Map<Long, String> names = new java.util.HashMap<>();
        accounts.summaries(people).forEach((id, user) -> names.put(id, user.displayName()));
        List<ConfirmationView> confirmations = round.confirmations().stream()
                .sorted(Comparator.comparing(Confirmation::confirmedAt).thenComparingLong(Confirmation::sideId))
                .map(c -> new ConfirmationView(c.sideId(), person(c.userId(), names), c.confirmedAt()))
                .toList();

        DecisionChain chain = endingTurn(workspaceId);
        long seq = chain.nextSeq();
        String prevHash = chain.lastHash();
        String content = RecordContent.write(new RecordContent.Facts(workspaceId, seq, prevHash, round,
                person(round.openedBy(), names), now, how, by == null ? null : person(by.userId(), names),
                confirmations, all, prioritize, adopt, adopted, notAdopted, sidesNow, voided));
        DecisionRecord record = records.saveAndFlush(new DecisionRecord(workspaceId, round.id(), seq, prevHash, now,
                content));
        chain.advance(seq, record.hash());

        Outcome outcome = RecordContent.outcome(prioritize, adopt);
        if (outcome == Outcome.NO_DECISION) {
            releaseUndecided(round);
        } else if (outcome == Outcome.DECIDED) {
            priorities.decide(workspaceId, adopted, notAdopted);
        } else if (outcome == Outcome.ADOPTED) {
            statements.markAdoptedByRound(workspaceId, Objects.requireNonNull(round.subjectVersionId()), round.id());
        }
        if (round.secret()) {
            ballots.forgetVoters(round.id(), now);
        }
        long actor = by != null ? by.userId() : round.openedBy();
        Long actorSide = by != null ? by.sideId() : null;
        events.publishEvent(new RoundClosed(workspaceId, actor, actorSide, round.id(), round.title(), outcome, seq,
                record.hash(), how == ClosedHow.CLOSING_TIME));
        return record;
    }

    /**
     * Per side, everyone who could vote when the round closed: the base of each side's turnout. A
     * ballot of anyone else is void, so they are not counted either.
     */
    private static Map<Long, Integer> eligible(Roster roster) {
        Map<Long, Integer> counts = new java.util.HashMap<>();
        roster.members().values().forEach(m -> {
            if (m.sideId() != null && m.canContribute()) {
                counts.merge(m.sideId(), 1, Integer::sum);
            }
        });
        return counts;
    }

    /**
     * Takes the workspace's turn for ending a round (or taking priorities up): the lock on its
     * chain head, held until the caller's transaction ends. Closing takes it anyway to number its
     * record; cancelling and opening take it too, so that whoever ends a round second sees the
     * first one's outcome when it asks which open rounds still hold a priority. Without it, two
     * rounds sharing a priority and ending at the same instant each saw the other still open, and
     * neither released the priority.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    DecisionChain endingTurn(long workspaceId) {
        return chains.lockByWorkspaceId(workspaceId)
                .orElseGet(() -> chains.saveAndFlush(new DecisionChain(workspaceId)));
    }

    /**
     * A PRIORITIZE round ended without deciding (cancelled while open, or closed without quorum):
     * its priorities are free again, unless another open round still holds them. The caller holds
     * the workspace's {@link #endingTurn}, so the rounds read as open here really are.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void releaseUndecided(DecisionRound ended) {
        if (ended.kind() != RoundKind.PRIORITIZE) {
            return;
        }
        Set<Long> held = new HashSet<>();
        rounds.findByWorkspaceIdAndState(ended.workspaceId(), RoundState.OPEN).stream()
                .filter(r -> r.id() != ended.id())
                .forEach(r -> held.addAll(r.optionIds()));
        List<Long> free = ended.optionIds().stream().filter(id -> !held.contains(id)).toList();
        if (!free.isEmpty()) {
            priorities.release(ended.workspaceId(), free);
        }
    }

    private static Person person(long userId, Map<Long, String> names) {
        return new Person(userId, names.getOrDefault(userId, ""));
    }

    /** Makes sure the workspace has a chain head, so closing only ever has to lock it. */
    void ensureChain(long workspaceId) {
        if (!chains.existsById(workspaceId)) {
            chains.saveAndFlush(new DecisionChain(workspaceId));
        }
    }

    Optional<RecordView> record(long roundId) {
        return records.findByRoundId(roundId).map(this::view);
    }

    Optional<RecordView> recordBySeq(long workspaceId, long seq) {
        return records.findByWorkspaceIdAndSeq(workspaceId, seq).map(this::view);
    }

    List<Long> recordNumbers(long workspaceId) {
        return records.findSeqsByWorkspaceId(workspaceId);
    }

    List<RecordView> records(long workspaceId) {
        return names.views(records.findByWorkspaceIdOrderBySeqAsc(workspaceId));
    }

    private RecordView view(DecisionRecord record) {
        return names.view(record);
    }

    /**
     * Checks every record of the workspace in order: its content still gives its hash, it links to
     * the hash of the record before it, the numbers run without gaps, its columns agree with its
     * content, and the chain head points at the last one. Each failure names the record.
     */
    ChainVerification verify(long workspaceId) {
        List<DecisionRecord> all = records.findByWorkspaceIdOrderBySeqAsc(workspaceId);
        List<Problem> problems = new ArrayList<>();
        String expectedPrev = DecisionChain.GENESIS;
        long expectedSeq = 1;
        for (DecisionRecord r : all) {
            if (!CanonicalJson.sha256(r.content()).equals(r.hash())) {
                problems.add(new Problem(r.seq(), r.id(), r.roundId(), Kind.CONTENT_ALTERED));
            }
            if (r.seq() != expectedSeq) {
                problems.add(new Problem(r.seq(), r.id(), r.roundId(), Kind.SEQUENCE_BROKEN));
            }
            if (!r.prevHash().equals(expectedPrev)) {
                problems.add(new Problem(r.seq(), r.id(), r.roundId(), Kind.LINK_BROKEN));
            }
            if (!headerMatches(r)) {
                problems.add(new Problem(r.seq(), r.id(), r.roundId(), Kind.HEADER_MISMATCH));
            }
            expectedPrev = r.hash();
            expectedSeq = r.seq() + 1;
        }
        Optional<DecisionChain> head = chains.findById(workspaceId);
        if (!all.isEmpty()) {
            DecisionRecord last = all.getLast();
            boolean headOk = head.isPresent() && head.get().lastSeq() == last.seq()
                    && head.get().lastHash().equals(last.hash());
            if (!headOk) {
                problems.add(new Problem(last.seq(), last.id(), last.roundId(), Kind.HEAD_MISMATCH));
            }
        } else if (head.isPresent() && head.get().lastSeq() != 0) {
            problems.add(new Problem(head.get().lastSeq(), 0, 0, Kind.HEAD_MISMATCH));
        }
        return new ChainVerification(all.size(), all.isEmpty() ? DecisionChain.GENESIS : all.getLast().hash(),
                problems);
    }

    private static boolean headerMatches(DecisionRecord r) {
        try {
            RecordContent.Header h = RecordContent.header(r.content());
            return RecordContent.READABLE.contains(h.format()) && h.workspaceId() == r.workspaceId() && h.seq() == r.seq()
                    && h.prevHash().equals(r.prevHash()) && h.roundId() == r.roundId()
                    && h.closedAt().equals(r.recordedAt());
        } catch (RuntimeException unreadable) {
            return false;
        }
    }
}
