package dk.ligevaerd.round;

import static dk.ligevaerd.support.Acting.as;
import static dk.ligevaerd.support.Acting.run;
import static org.assertj.core.api.Assertions.assertThat;

import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.account.UserSummary;
import dk.ligevaerd.history.HistoryItem;
import dk.ligevaerd.history.HistoryService;
import dk.ligevaerd.priority.PriorityService;
import dk.ligevaerd.priority.PriorityState;
import dk.ligevaerd.priority.PriorityView;
import dk.ligevaerd.priority.ValueLens;
import dk.ligevaerd.round.ChainVerification.Kind;
import dk.ligevaerd.round.RecordView.ClosedHow;
import dk.ligevaerd.round.RecordView.Outcome;
import dk.ligevaerd.round.rules.Fraction;
import dk.ligevaerd.round.rules.Vote;
import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.statement.StatementService;
import dk.ligevaerd.statement.VersionView;
import dk.ligevaerd.support.MutableClock;
import dk.ligevaerd.support.TestClockConfig;
import dk.ligevaerd.workspace.InvitationService;
import dk.ligevaerd.workspace.Role;
import dk.ligevaerd.workspace.WorkspaceFixture;
import dk.ligevaerd.workspace.WorkspaceService;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The round service against the real database: who may do what, bad input refused with nothing
 * changed, joint closing, records and their hash chain.
 */
@SpringBootTest(properties = {"ligevaerd.demo.enabled=false", "ligevaerd.rounds.auto-close.enabled=false",
        "spring.datasource.url=jdbc:h2:file:./target/test-db/rounds-${random.uuid}"})
@Import(TestClockConfig.class)
class RoundServiceIT {

    @Autowired AccountService accounts;
    @Autowired WorkspaceService workspaces;
    @Autowired InvitationService invitations;
    @Autowired dk.ligevaerd.workspace.GovernanceService governance;
    @Autowired PriorityService priorities;
    @Autowired StatementService statements;
    @Autowired HistoryService history;
    @Autowired RoundService rounds;
    @Autowired RecordExportService exports;
    @Autowired AutoClose autoClose;
    @Autowired MutableClock clock;
    @Autowired JdbcTemplate jdbc;

    WorkspaceFixture f;
    UserSummary civilParticipant;
    long a;
    long b;
    long c;

    @BeforeEach
    void fixture() {
        f = new WorkspaceFixture(accounts, workspaces, invitations);
        civilParticipant = accounts.register("civ-" + System.nanoTime(), "Civil participant", "bla-hest-tromme-7");
        String token = as(f.otherModerator, () -> invitations.create(f.workspaceId, f.civilSideId, Role.PARTICIPANT,
                Duration.ofDays(1)).token());
        as(civilParticipant, () -> invitations.accept(token));
        a = propose(f.participant, "Weekly visits", ValueLens.SERVICE_QUALITY);
        b = propose(f.otherModerator, "Elderly people shape it", ValueLens.PARTICIPATION);
        c = propose(civilParticipant, "Communities, not only visits", ValueLens.SHARED_VALUES);
    }

    private long propose(UserSummary who, String title, ValueLens lens) {
        return as(who, () -> priorities.propose(f.workspaceId, title, "", Set.of(lens)));
    }

    static String keyOf(Callable<?> call) {
        try {
            call.call();
        } catch (DomainException e) {
            return e.messageKey();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("expected a refusal");
    }

    static String keyOfRun(Runnable call) {
        return keyOf(() -> {
            call.run();
            return null;
        });
    }

    private long draft(RoundDraft draft) {
        return as(f.owner, () -> rounds.create(f.workspaceId, draft));
    }

    private long openDots(RoundDraft draft) {
        long id = draft(draft);
        as(f.owner, () -> {
            rounds.open(f.workspaceId, id);
            return null;
        });
        return id;
    }

    private long openDots() {
        return openDots(RoundDraft.dots("Which first?", List.of(a, b, c), 10, 5, 1).withSecret(false));
    }

    private void dots(UserSummary who, long roundId, Map<Long, Integer> points) {
        as(who, () -> {
            rounds.castDots(f.workspaceId, roundId, points);
            return null;
        });
    }

    private boolean confirm(UserSummary who, long roundId) {
        return as(who, () -> rounds.confirmClosing(f.workspaceId, roundId));
    }

    private RoundView view(long roundId) {
        return as(f.observer, () -> rounds.get(f.workspaceId, roundId));
    }

    private RecordView record(long roundId) {
        return as(f.observer, () -> rounds.record(f.workspaceId, roundId)).orElseThrow();
    }

    private void closeJointly(long roundId) {
        confirm(f.owner, roundId);
        assertThat(confirm(f.otherModerator, roundId)).isTrue();
    }

    private void cancelJointly(long roundId, String reason) {
        assertThat(as(f.owner, () -> rounds.cancel(f.workspaceId, roundId, reason))).isFalse();
        assertThat(as(f.otherModerator, () -> rounds.cancel(f.workspaceId, roundId, reason))).isTrue();
    }

    private PriorityState state(long priorityId) {
        return as(f.owner, () -> priorities.list(f.workspaceId)).stream().filter(p -> p.id() == priorityId)
                .map(PriorityView::state).findFirst().orElseThrow();
    }

    private int roundCount() {
        return as(f.owner, () -> rounds.list(f.workspaceId)).size();
    }

    // ---- who may do what ----------------------------------------------------------------------

    @Test
    void only_moderators_prepare_open_close_and_cancel_rounds() {
        RoundDraft draft = RoundDraft.dots("Which first?", List.of(a, b), 10, 5, 1);
        assertThat(keyOf(() -> as(f.participant, () -> rounds.create(f.workspaceId, draft))))
                .isEqualTo("error.permission.moderator");
        assertThat(keyOf(() -> as(f.observer, () -> rounds.create(f.workspaceId, draft))))
                .isEqualTo("error.permission.moderator");
        assertThat(keyOf(() -> as(f.outsider, () -> rounds.create(f.workspaceId, draft))))
                .isEqualTo("error.notFoundOrNoAccess");
        assertThat(keyOf(() -> as(f.otherWorkspaceOwner, () -> rounds.create(f.workspaceId, draft))))
                .isEqualTo("error.notFoundOrNoAccess");
        assertThat(roundCount()).isZero();

        long id = draft(draft);
        for (UserSummary notModerator : List.of(f.participant, f.observer, civilParticipant)) {
            assertThat(keyOfRun(() -> as(notModerator, () -> {
                rounds.open(f.workspaceId, id);
                return null;
            }))).isEqualTo("error.permission.moderator");
            assertThat(keyOfRun(() -> as(notModerator, () -> {
                rounds.update(f.workspaceId, id, draft.withQuorum(2));
                return null;
            }))).isEqualTo("error.permission.moderator");
        }
        assertThat(keyOf(() -> as(f.outsider, () -> {
            rounds.open(f.workspaceId, id);
            return null;
        }))).isEqualTo("error.notFoundOrNoAccess");
        assertThat(view(id).state()).isEqualTo(RoundState.DRAFT);
        assertThat(view(id).quorumPerSide()).isEqualTo(1);

        as(f.owner, () -> {
            rounds.open(f.workspaceId, id);
            return null;
        });
        for (UserSummary notModerator : List.of(f.participant, f.observer)) {
            assertThat(keyOf(() -> as(notModerator, () -> rounds.confirmClosing(f.workspaceId, id))))
                    .isEqualTo("error.permission.moderator");
            assertThat(keyOf(() -> as(notModerator, () -> {
                rounds.cancel(f.workspaceId, id, "because");
                return null;
            }))).isEqualTo("error.permission.moderator");
            assertThat(keyOf(() -> as(notModerator, () -> {
                rounds.withdrawConfirmation(f.workspaceId, id);
                return null;
            }))).isEqualTo("error.permission.moderator");
        }
        assertThat(keyOf(() -> as(f.otherWorkspaceOwner, () -> rounds.confirmClosing(f.workspaceId, id))))
                .isEqualTo("error.notFoundOrNoAccess");
        RoundView open = view(id);
        assertThat(open.state()).isEqualTo(RoundState.OPEN);
        assertThat(open.sides()).allMatch(s -> s.confirmedBy() == null);
    }

    @Test
    void a_round_of_one_workspace_cannot_be_reached_through_another() {
        long id = openDots();
        long other = f.otherWorkspaceId;
        assertThat(keyOf(() -> as(f.otherWorkspaceOwner, () -> rounds.get(other, id))))
                .isEqualTo("error.notFoundOrNoAccess");
        assertThat(keyOf(() -> as(f.otherWorkspaceOwner, () -> rounds.confirmClosing(other, id))))
                .isEqualTo("error.notFoundOrNoAccess");
        assertThat(keyOf(() -> as(f.otherWorkspaceOwner, () -> {
            rounds.castDots(other, id, Map.of(a, 1));
            return null;
        }))).isEqualTo("error.notFoundOrNoAccess");
        assertThat(view(id).totalBallots()).isZero();
    }

    @Test
    void observers_read_everything_but_cannot_vote_and_outsiders_see_nothing() {
        long id = openDots();
        assertThat(keyOf(() -> as(f.observer, () -> {
            rounds.castDots(f.workspaceId, id, Map.of(a, 3));
            return null;
        }))).isEqualTo("error.permission.contributor");
        assertThat(keyOf(() -> as(f.outsider, () -> {
            rounds.castDots(f.workspaceId, id, Map.of(a, 3));
            return null;
        }))).isEqualTo("error.notFoundOrNoAccess");
        assertThat(view(id).totalBallots()).isZero();
        assertThat(view(id).canVote()).isFalse();

        dots(f.participant, id, Map.of(a, 3));
        dots(civilParticipant, id, Map.of(b, 3));
        closeJointly(id);
        assertThat(as(f.observer, () -> rounds.list(f.workspaceId))).hasSize(1);
        assertThat(as(f.observer, () -> rounds.records(f.workspaceId))).hasSize(1);
        assertThat(as(f.observer, () -> rounds.verifyChain(f.workspaceId)).intact()).isTrue();
        assertThat(keyOf(() -> as(f.outsider, () -> rounds.list(f.workspaceId))))
                .isEqualTo("error.notFoundOrNoAccess");
        assertThat(keyOf(() -> as(f.outsider, () -> rounds.record(f.workspaceId, id))))
                .isEqualTo("error.notFoundOrNoAccess");
        assertThat(keyOf(() -> as(f.outsider, () -> rounds.verifyChain(f.workspaceId))))
                .isEqualTo("error.notFoundOrNoAccess");
    }

    // ---- bad settings -------------------------------------------------------------------------

    @Test
    void bad_settings_are_refused_and_nothing_is_stored() {
        assertThat(keyOf(() -> draft(RoundDraft.dots(" ", List.of(a, b), 10, 5, 1)))).isEqualTo("error.missing.roundTitle");
        assertThat(keyOf(() -> draft(RoundDraft.dots("x".repeat(201), List.of(a, b), 10, 5, 1))))
                .isEqualTo("error.length");
        assertThat(keyOf(() -> draft(RoundDraft.dots("Ok", List.of(a), 10, 5, 1))))
                .isEqualTo("error.round.optionCount");
        assertThat(keyOf(() -> draft(RoundDraft.dots("Ok", List.of(a, a), 10, 5, 1))))
                .isEqualTo("error.round.duplicateOption");
        assertThat(keyOf(() -> draft(RoundDraft.dots("Ok", List.of(a, b), 0, 1, 1)))).isEqualTo("error.round.budget");
        assertThat(keyOf(() -> draft(RoundDraft.dots("Ok", List.of(a, b), 101, 5, 1))))
                .isEqualTo("error.round.budget");
        assertThat(keyOf(() -> draft(RoundDraft.dots("Ok", List.of(a, b), 5, 6, 1)))).isEqualTo("error.round.cap");
        assertThat(keyOf(() -> draft(RoundDraft.dots("Ok", List.of(a, b), 5, 0, 1)))).isEqualTo("error.round.cap");
        assertThat(keyOf(() -> draft(RoundDraft.dots("Ok", List.of(a, b), 10, 5, 3))))
                .isEqualTo("error.round.topPlaces");
        assertThat(keyOf(() -> draft(RoundDraft.dots("Ok", List.of(a, b), 10, 5, 0))))
                .isEqualTo("error.round.topPlaces");
        assertThat(keyOf(() -> draft(RoundDraft.dots("Ok", List.of(a, b), 10, 5, 1).withQuorum(0))))
                .isEqualTo("error.round.quorum");
        assertThat(keyOf(() -> draft(RoundDraft.dots("Ok", List.of(a, b), 10, 5, 1)
                .withRule(DecisionRule.DOUBLE_MAJORITY)))).isEqualTo("error.round.ruleForPrioritize");
        assertThat(keyOf(() -> draft(RoundDraft.dots("Ok", List.of(a, b), 10, 5, 1)
                .withClosesAt(clock.instant().minusSeconds(1))))).isEqualTo("error.round.closesAtPast");
        assertThat(keyOf(() -> draft(RoundDraft.dots("Ok", List.of(a, 999_999L), 10, 5, 1))))
                .isEqualTo("error.notFoundOrNoAccess");
        long foreign = as(f.otherWorkspaceOwner, () -> priorities.propose(f.otherWorkspaceId, "Theirs", "",
                Set.of(ValueLens.ADVOCACY)));
        assertThat(keyOf(() -> draft(RoundDraft.dots("Ok", List.of(a, foreign), 10, 5, 1))))
                .isEqualTo("error.notFoundOrNoAccess");
        as(f.participant, () -> {
            priorities.withdraw(f.workspaceId, a);
            return null;
        });
        assertThat(keyOf(() -> draft(RoundDraft.dots("Ok", List.of(a, b), 10, 5, 1))))
                .isEqualTo("error.priority.notAvailable");
        assertThat(keyOf(() -> draft(RoundDraft.adopt("Ok", 999_999L, DecisionRule.CONSENT))))
                .isEqualTo("error.notFoundOrNoAccess");
        assertThat(roundCount()).isZero();
    }

    @Test
    void settings_are_fixed_once_the_round_opens() {
        RoundDraft first = RoundDraft.dots("Which first?", List.of(a, b), 10, 5, 1);
        long id = draft(first);
        as(f.otherModerator, () -> {
            rounds.update(f.workspaceId, id, first.withQuorum(2).withSecret(true));
            return null;
        });
        assertThat(view(id).quorumPerSide()).isEqualTo(2);
        assertThat(view(id).secret()).isTrue();
        assertThat(keyOf(() -> as(f.owner, () -> {
            rounds.update(f.workspaceId, id, RoundDraft.adopt("Other kind", null, DecisionRule.CONSENT));
            return null;
        }))).isEqualTo("error.round.kindFixed");
        assertThat(keyOf(() -> as(f.owner, () -> {
            rounds.update(f.workspaceId, id, first.withQuorum(0));
            return null;
        }))).isEqualTo("error.round.quorum");
        assertThat(view(id).quorumPerSide()).isEqualTo(2);

        as(f.owner, () -> {
            rounds.open(f.workspaceId, id);
            return null;
        });
        assertThat(keyOf(() -> as(f.owner, () -> {
            rounds.update(f.workspaceId, id, first.withQuorum(1));
            return null;
        }))).isEqualTo("error.round.settingsFixed");
        assertThat(keyOf(() -> as(f.owner, () -> {
            rounds.open(f.workspaceId, id);
            return null;
        }))).isEqualTo("error.round.settingsFixed");
        RoundView open = view(id);
        assertThat(open.quorumPerSide()).isEqualTo(2);
        assertThat(open.options()).extracting(RoundView.Option::title)
                .containsExactly("Weekly visits", "Elderly people shape it");
        assertThat(open.sides()).extracting(RoundView.SideTurnout::sideId)
                .containsExactly(f.municipalSideId, f.civilSideId);
    }

    @Test
    void a_round_cannot_open_over_a_priority_withdrawn_since_the_draft() {
        long id = draft(RoundDraft.dots("Which first?", List.of(a, b), 10, 5, 1));
        as(f.participant, () -> {
            priorities.withdraw(f.workspaceId, a);
            return null;
        });
        assertThat(keyOf(() -> as(f.owner, () -> {
            rounds.open(f.workspaceId, id);
            return null;
        }))).isEqualTo("error.priority.notAvailable");
        assertThat(view(id).state()).isEqualTo(RoundState.DRAFT);
        assertThat(as(f.owner, () -> priorities.list(f.workspaceId))).filteredOn(p -> p.id() == b)
                .allMatch(p -> !p.inRound());
    }

    // ---- ballots ------------------------------------------------------------------------------

    @Test
    void bad_ballots_are_refused_with_their_reason_and_nothing_changes() {
        long id = openDots(RoundDraft.dots("Which first?", List.of(a, b, c), 5, 3, 1));
        assertThat(keyOf(() -> as(f.participant, () -> {
            rounds.castDots(f.workspaceId, id, Map.of(a, 3, b, 3));
            return null;
        }))).isEqualTo("error.ballot.overBudget");
        assertThat(keyOf(() -> as(f.participant, () -> {
            rounds.castDots(f.workspaceId, id, Map.of(a, 4));
            return null;
        }))).isEqualTo("error.ballot.overCap");
        assertThat(keyOf(() -> as(f.participant, () -> {
            rounds.castDots(f.workspaceId, id, Map.of(a, -1));
            return null;
        }))).isEqualTo("error.ballot.negativePoints");
        assertThat(keyOf(() -> as(f.participant, () -> {
            rounds.castDots(f.workspaceId, id, Map.of(999_999L, 1));
            return null;
        }))).isEqualTo("error.ballot.unknownOption");
        assertThat(keyOf(() -> as(f.participant, () -> {
            rounds.castRanking(f.workspaceId, id, List.of(a, b));
            return null;
        }))).isEqualTo("error.round.wrongBallot");
        assertThat(keyOf(() -> as(f.participant, () -> {
            rounds.castAdopt(f.workspaceId, id, Vote.YES, null);
            return null;
        }))).isEqualTo("error.round.wrongBallot");
        RoundView after = view(id);
        assertThat(after.totalBallots()).isZero();
        assertThat(after.ballotRevision()).isZero();

        long ranking = openDots(RoundDraft.ranking("Order them", List.of(a, b, c), 2));
        assertThat(keyOf(() -> as(f.participant, () -> {
            rounds.castRanking(f.workspaceId, ranking, List.of(a, b, a));
            return null;
        }))).isEqualTo("error.ballot.duplicateInRanking");
        assertThat(keyOf(() -> as(f.participant, () -> {
            rounds.castRanking(f.workspaceId, ranking, List.of(a, 999_999L));
            return null;
        }))).isEqualTo("error.ballot.unknownOption");
        assertThat(view(ranking).totalBallots()).isZero();

        long parity = openAdopt(DecisionRule.SIDE_PARITY);
        assertThat(keyOf(() -> as(f.participant, () -> {
            rounds.castAdopt(f.workspaceId, parity, Vote.OBJECT, "I cannot live with it");
            return null;
        }))).isEqualTo("error.ballot.objectionNotAllowed");
        long consent = openAdopt(DecisionRule.CONSENT);
        assertThat(keyOf(() -> as(f.participant, () -> {
            rounds.castAdopt(f.workspaceId, consent, Vote.OBJECT, "  ");
            return null;
        }))).isEqualTo("error.ballot.objectionWithoutReason");
        assertThat(keyOf(() -> as(f.participant, () -> {
            rounds.castAdopt(f.workspaceId, consent, Vote.OBJECT, "x".repeat(2001));
            return null;
        }))).isEqualTo("error.ballot.objectionReasonTooLong");
        assertThat(keyOf(() -> as(f.participant, () -> {
            rounds.castAdopt(f.workspaceId, consent, Vote.OBJECT, "bad \u0000 byte");
            return null;
        }))).isEqualTo("error.controlCharacters");
        assertThat(view(parity).totalBallots()).isZero();
        assertThat(view(consent).totalBallots()).isZero();
    }

    @Test
    void a_draft_refuses_ballots_and_so_do_closed_and_cancelled_rounds() {
        long draft = draft(RoundDraft.dots("Draft", List.of(a, b), 10, 5, 1));
        assertThat(keyOf(() -> as(f.participant, () -> {
            rounds.castDots(f.workspaceId, draft, Map.of(a, 1));
            return null;
        }))).isEqualTo("error.round.notOpenYet");
        assertThat(keyOf(() -> as(f.owner, () -> rounds.confirmClosing(f.workspaceId, draft))))
                .isEqualTo("error.round.notOpenYet");

        long closed = openDots();
        dots(f.participant, closed, Map.of(a, 5));
        dots(civilParticipant, closed, Map.of(b, 5));
        closeJointly(closed);
        assertThat(keyOf(() -> as(f.participant, () -> {
            rounds.castDots(f.workspaceId, closed, Map.of(b, 5));
            return null;
        }))).isEqualTo("error.round.closed");
        assertThat(keyOf(() -> as(f.owner, () -> rounds.confirmClosing(f.workspaceId, closed))))
                .isEqualTo("error.round.alreadyClosed");
        assertThat(keyOf(() -> as(f.owner, () -> {
            rounds.cancel(f.workspaceId, closed, "too late");
            return null;
        }))).isEqualTo("error.round.alreadyClosed");
        assertThat(keyOf(() -> as(f.owner, () -> {
            rounds.withdrawConfirmation(f.workspaceId, closed);
            return null;
        }))).isEqualTo("error.round.alreadyClosed");
        assertThat(record(closed).totalBallots()).isEqualTo(2);

        long cancelled = openDots();
        assertThat(keyOf(() -> as(f.owner, () -> {
            rounds.cancel(f.workspaceId, cancelled, "  ");
            return null;
        }))).isEqualTo("error.missing.cancelReason");
        assertThat(view(cancelled).state()).isEqualTo(RoundState.OPEN);
        assertThat(as(f.otherModerator, () -> rounds.cancel(f.workspaceId, cancelled, "We need to talk first")))
                .as("with joint closing one side alone cannot cancel an open round").isFalse();
        assertThat(view(cancelled).state()).isEqualTo(RoundState.OPEN);
        assertThat(as(f.owner, () -> rounds.cancel(f.workspaceId, cancelled, "Agreed, not yet"))).isTrue();
        RoundView gone = view(cancelled);
        assertThat(gone.state()).isEqualTo(RoundState.CANCELLED);
        assertThat(gone.cancelReason()).isEqualTo("Agreed, not yet");
        assertThat(gone.side(f.civilSideId).orElseThrow().cancelReason()).isEqualTo("We need to talk first");
        assertThat(keyOf(() -> as(f.participant, () -> {
            rounds.castDots(f.workspaceId, cancelled, Map.of(a, 1));
            return null;
        }))).isEqualTo("error.round.cancelled");
        assertThat(keyOf(() -> as(f.owner, () -> rounds.confirmClosing(f.workspaceId, cancelled))))
                .isEqualTo("error.round.cancelled");
        assertThat(as(f.owner, () -> rounds.record(f.workspaceId, cancelled))).isEmpty();
    }

    @Test
    void a_member_changes_their_ballot_and_only_the_latest_counts() {
        long id = openDots();
        dots(f.participant, id, Map.of(a, 5));
        dots(f.participant, id, Map.of(b, 4, c, 1));
        RoundView mine = as(f.participant, () -> rounds.get(f.workspaceId, id));
        assertThat(mine.myBallot()).isNotNull();
        assertThat(mine.myBallot().points()).isEqualTo(Map.of(b, 4, c, 1));
        assertThat(mine.side(f.municipalSideId).orElseThrow().ballots()).isEqualTo(1);
        assertThat(mine.ballotRevision()).isEqualTo(2);
        assertThat(mine.prioritizeStandings().parityRanking().leaders()).extracting(e -> e.option())
                .containsExactly(b);
        assertThat(view(id).myBallot()).as("the observer sees no one else's ballot").isNull();
        Integer stored = jdbc.queryForObject("select count(*) from ballot where round_id = ?", Integer.class, id);
        assertThat(stored).isEqualTo(1);
    }

    @Test
    void one_member_voting_twice_at_the_same_moment_keeps_one_ballot() throws Exception {
        for (int attempt = 0; attempt < 10; attempt++) {
            long id = openDots();
            java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
            java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
            List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
            for (int points : List.of(3, 4)) {
                results.add(two.submit(() -> {
                    together.await(10, java.util.concurrent.TimeUnit.SECONDS);
                    try {
                        dots(f.participant, id, Map.of(a, points));
                        return "ok";
                    } catch (DomainException refused) {
                        return refused.messageKey();
                    }
                }));
            }
            List<String> outcomes = new java.util.ArrayList<>();
            for (var result : results) {
                outcomes.add(result.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
            two.shutdown();
            assertThat(outcomes).contains("ok").allMatch(o -> o.equals("ok") || o.equals("error.round.ballotConflict"));
            assertThat(jdbc.queryForObject("select count(*) from ballot where round_id = ?", Integer.class, id))
                    .isEqualTo(1);
        }
    }

    @Test
    void hidden_tallies_show_counts_but_no_standings_until_the_record() {
        long id = openDots(RoundDraft.dots("Which first?", List.of(a, b), 10, 5, 1).withLiveTallies(false));
        dots(f.participant, id, Map.of(a, 5));
        RoundView open = view(id);
        assertThat(open.side(f.municipalSideId).orElseThrow().ballots()).isEqualTo(1);
        assertThat(open.prioritizeStandings()).isNull();
    }

    // ---- closing ------------------------------------------------------------------------------

    @Test
    void joint_closing_waits_for_every_side_and_a_confirmation_can_be_withdrawn() {
        long id = openDots();
        dots(f.participant, id, Map.of(a, 5));
        dots(civilParticipant, id, Map.of(b, 5));

        assertThat(confirm(f.owner, id)).isFalse();
        RoundView waiting = view(id);
        assertThat(waiting.state()).isEqualTo(RoundState.OPEN);
        assertThat(waiting.awaitingConfirmation()).extracting(RoundView.SideTurnout::sideId)
                .containsExactly(f.civilSideId);
        assertThat(waiting.side(f.municipalSideId).orElseThrow().confirmedBy()).isEqualTo(f.owner.id());
        assertThat(keyOf(() -> confirm(f.owner, id))).isEqualTo("error.round.alreadyConfirmed");

        as(f.owner, () -> {
            rounds.withdrawConfirmation(f.workspaceId, id);
            return null;
        });
        assertThat(keyOf(() -> as(f.owner, () -> {
            rounds.withdrawConfirmation(f.workspaceId, id);
            return null;
        }))).isEqualTo("error.round.notConfirmed");
        assertThat(confirm(f.otherModerator, id)).isFalse();
        assertThat(view(id).awaitingConfirmation()).extracting(RoundView.SideTurnout::sideId)
                .containsExactly(f.municipalSideId);
        assertThat(as(f.owner, () -> rounds.record(f.workspaceId, id))).isEmpty();

        clock.advance(Duration.ofMinutes(1));
        assertThat(confirm(f.owner, id)).isTrue();
        RecordView record = record(id);
        assertThat(view(id).state()).isEqualTo(RoundState.CLOSED);
        assertThat(record.closedHow()).isEqualTo(ClosedHow.JOINT);
        assertThat(record.closedBy().id()).isEqualTo(f.owner.id());
        assertThat(record.confirmations()).extracting(cv -> cv.moderator().id())
                .containsExactly(f.otherModerator.id(), f.owner.id());
        assertThat(record.confirmations()).extracting(RecordView.ConfirmationView::sideId)
                .containsExactly(f.civilSideId, f.municipalSideId);
        assertThat(record.confirmations().getFirst().moderator().name()).isEqualTo(f.otherModerator.displayName());

        List<String> kinds = as(f.observer, () -> history.timeline(f.workspaceId)).stream().map(HistoryItem::kind)
                .toList();
        assertThat(kinds).contains("round.created", "round.opened", "round.confirmed", "round.unconfirmed",
                "round.closed");
    }

    @Test
    void without_joint_closing_one_moderator_closes() {
        f.jointClosingOff(governance);
        long id = openDots();
        dots(f.participant, id, Map.of(a, 5));
        dots(civilParticipant, id, Map.of(b, 5));
        assertThat(confirm(f.otherModerator, id)).isTrue();
        RecordView record = record(id);
        assertThat(record.closedHow()).isEqualTo(ClosedHow.MODERATOR);
        assertThat(record.closedBy().id()).isEqualTo(f.otherModerator.id());
        assertThat(record.confirmations()).isEmpty();
    }

    @Test
    void the_closing_rule_is_fixed_when_the_round_opens() {
        long id = openDots();
        f.jointClosingOff(governance);
        assertThat(confirm(f.owner, id)).as("joint closing still applies to this round").isFalse();
        assertThat(view(id).jointClosing()).isTrue();
        assertThat(confirm(f.otherModerator, id)).isTrue();
    }

    /**
     * Changed with shared governance: a workspace with a side that has no moderator is forming, and
     * no round opens in it, with or without joint closing (it used to open once joint closing was off).
     */
    @Test
    void no_round_opens_while_a_side_has_no_moderator_even_without_joint_closing() {
        long lonely = f.addSide(governance, workspaces, "Borgere", "#6A1B9A");
        long id = draft(RoundDraft.dots("Which first?", List.of(a, b), 10, 5, 1));
        assertThat(keyOf(() -> as(f.owner, () -> {
            rounds.open(f.workspaceId, id);
            return null;
        }))).isEqualTo("error.workspace.forming");
        assertThat(view(id).state()).isEqualTo(RoundState.DRAFT);

        f.jointClosingOff(governance);
        assertThat(keyOf(() -> as(f.owner, () -> {
            rounds.open(f.workspaceId, id);
            return null;
        }))).isEqualTo("error.workspace.forming");
        assertThat(view(id).state()).isEqualTo(RoundState.DRAFT);
        assertThat(as(f.owner, () -> workspaces.details(f.workspaceId).sidesWithoutModerator()))
                .containsExactly("Borgere");
        assertThat(lonely).isPositive();
    }

    @Test
    void a_side_missing_its_quorum_makes_the_round_close_without_a_decision() {
        long id = openDots(RoundDraft.dots("Which first?", List.of(a, b, c), 10, 5, 1).withQuorum(2));
        dots(f.participant, id, Map.of(a, 5));
        dots(f.owner, id, Map.of(a, 5));
        dots(civilParticipant, id, Map.of(b, 5));
        RoundView open = view(id);
        assertThat(open.side(f.municipalSideId).orElseThrow().quorumMet()).isTrue();
        assertThat(open.side(f.civilSideId).orElseThrow().quorumMet()).isFalse();
        assertThat(open.quorumMet()).isFalse();
        closeJointly(id);
        RecordView record = record(id);
        assertThat(record.outcome()).isEqualTo(Outcome.NO_DECISION);
        assertThat(record.side(f.civilSideId).orElseThrow().quorumMet()).isFalse();
        assertThat(record.prioritize().adopted()).isEmpty();
        assertThat(List.of(state(a), state(b), state(c))).containsOnly(PriorityState.PROPOSED);
    }

    @Test
    void closing_adopts_the_top_places_and_shows_where_head_count_would_differ() {
        long id = openDots(RoundDraft.dots("Which first?", List.of(a, b, c), 5, 5, 1).withSecret(false));
        // Two municipal voters for a, one civil voter for b: equal sides put a and b level,
        // head count puts a first.
        dots(f.participant, id, Map.of(a, 5));
        dots(f.owner, id, Map.of(a, 5));
        dots(civilParticipant, id, Map.of(b, 5));
        closeJointly(id);
        RecordView record = record(id);
        assertThat(record.outcome()).isEqualTo(Outcome.DECIDED);
        assertThat(record.headCountDiffers()).isTrue();
        RecordView.PrioritizeRecord result = record.prioritize();
        RecordView.OptionResult first = result.options().getFirst();
        assertThat(first.parityScore()).isEqualTo(Fraction.HALF);
        assertThat(result.parityTie(first)).isTrue();
        assertThat(result.options()).filteredOn(o -> o.id() == a).first()
                .satisfies(o -> {
                    assertThat(o.headCountPlace()).isEqualTo(1);
                    assertThat(o.headCountScore()).isEqualTo(Fraction.of(2, 3));
                    assertThat(o.side(f.municipalSideId).orElseThrow().points()).isEqualTo(10);
                });
        // A tie at the last adopted place adopts both: the tie is not broken silently.
        assertThat(result.adopted()).containsExactlyInAnyOrder(a, b);
        assertThat(result.notAdopted()).containsExactly(c);
        assertThat(state(a)).isEqualTo(PriorityState.ADOPTED);
        assertThat(state(b)).isEqualTo(PriorityState.ADOPTED);
        assertThat(state(c)).isEqualTo(PriorityState.NOT_ADOPTED);
        assertThat(record.ballots()).extracting(nb -> nb.voter().id())
                .containsExactlyInAnyOrder(f.owner.id(), f.participant.id(), civilParticipant.id());
    }

    @Test
    void a_secret_round_records_only_what_each_side_gave() {
        long id = openDots(RoundDraft.dots("Which first?", List.of(a, b), 10, 5, 1).withSecret(true));
        dots(f.participant, id, Map.of(a, 5));
        dots(civilParticipant, id, Map.of(b, 5));
        closeJointly(id);
        RecordView record = record(id);
        assertThat(record.secret()).isTrue();
        assertThat(record.ballots()).isEmpty();
        String content = jdbc.queryForObject("select content from decision_record where round_id = ?", String.class,
                id);
        assertThat(content).doesNotContain(f.participant.displayName()).doesNotContain(civilParticipant.displayName());
        assertThat(record.totalBallots()).isEqualTo(2);
    }

    @Test
    void a_round_on_the_current_text_adopts_that_exact_version() {
        long id = openAdopt(DecisionRule.SIDE_PARITY);
        RoundView open = view(id);
        assertThat(open.versionId()).isNotNull();
        assertThat(open.text()).isEqualTo("");
        adopt(f.participant, id, Vote.YES, null);
        adopt(civilParticipant, id, Vote.YES, null);
        adopt(f.otherModerator, id, Vote.NO, null);
        closeJointly(id);
        RecordView record = record(id);
        assertThat(record.outcome()).isEqualTo(Outcome.ADOPTED);
        assertThat(record.adopt().versionId()).isEqualTo(open.versionId());
        assertThat(record.adopt().side(f.civilSideId).orElseThrow().support()).isEqualTo(Fraction.HALF);
        assertThat(record.adopt().paritySupport()).isEqualTo(Fraction.of(3, 4));
        VersionView version = as(f.owner, () -> statements.version(f.workspaceId, open.versionId()));
        assertThat(version.adoptedByRound()).isEqualTo(id);
        assertThat(version.forRound()).isTrue();
    }

    @Test
    void consent_records_every_objection_with_its_side_and_rejects() {
        long version = as(f.owner, () -> statements.saveVersion(f.workspaceId, "Draft one"));
        long id = openAdopt(RoundDraft.adopt("Adopt draft one", version, DecisionRule.CONSENT).withSecret(true));
        adopt(f.participant, id, Vote.YES, null);
        adopt(civilParticipant, id, Vote.OBJECT, "It leaves the elderly out of the steering group");
        adopt(civilParticipant, id, Vote.OBJECT, "It leaves the elderly out");
        closeJointly(id);
        RecordView record = record(id);
        assertThat(record.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(record.adopt().objections()).singleElement().satisfies(o -> {
            assertThat(o.sideId()).isEqualTo(f.civilSideId);
            assertThat(o.reason()).isEqualTo("It leaves the elderly out");
        });
        assertThat(record.adopt().versionName()).isEqualTo("Draft one");
        assertThat(as(f.owner, () -> statements.version(f.workspaceId, version)).adoptedByRound()).isNull();
    }

    @Test
    void a_closing_time_ends_voting_and_the_round_still_needs_every_side_to_close() {
        long id = openDots(RoundDraft.dots("Which first?", List.of(a, b), 10, 5, 1)
                .withClosesAt(clock.instant().plus(Duration.ofHours(1))));
        dots(f.participant, id, Map.of(a, 5));
        assertThat(autoClose.closeDue()).isZero();
        assertThat(view(id).votingEnded()).isFalse();
        clock.advance(Duration.ofHours(2));
        assertThat(autoClose.closeDue()).as("the closing time closes nothing on its own").isZero();
        assertThat(autoClose.closeDue()).isZero();
        RoundView ended = view(id);
        assertThat(ended.state()).isEqualTo(RoundState.OPEN);
        assertThat(ended.votingEnded()).isTrue();
        assertThat(ended.canVote()).isFalse();
        assertThat(keyOfRun(() -> dots(civilParticipant, id, Map.of(b, 5)))).isEqualTo("error.round.votingEnded");
        assertThat(as(f.observer, () -> history.timeline(f.workspaceId)).getFirst().kind())
                .isEqualTo("round.votingEnded");
        assertThat(as(f.observer, () -> rounds.record(f.workspaceId, id))).isEmpty();

        closeJointly(id);
        RecordView record = record(id);
        assertThat(record.closedHow()).isEqualTo(ClosedHow.JOINT);
        assertThat(record.confirmations()).hasSize(2);
        assertThat(record.outcome()).as("the civil side cast nothing").isEqualTo(Outcome.NO_DECISION);
    }

    // ---- priorities after a round -------------------------------------------------------------

    private boolean locked(long priorityId) {
        return as(f.owner, () -> priorities.list(f.workspaceId)).stream().filter(p -> p.id() == priorityId)
                .findFirst().orElseThrow().inRound();
    }

    private String editAsProposer(UserSummary proposer, long priorityId, String title) {
        try {
            as(proposer, () -> {
                priorities.edit(f.workspaceId, priorityId, title, "", Set.of(ValueLens.SERVICE_QUALITY));
                return null;
            });
            return "edited";
        } catch (DomainException e) {
            return e.messageKey();
        }
    }

    @Test
    void a_cancelled_round_gives_its_priorities_back_to_their_proposers() {
        long id = openDots();
        assertThat(editAsProposer(f.participant, a, "Visits every week")).isEqualTo("error.priority.inRound");
        cancelJointly(id, "Wrong options");
        assertThat(locked(a)).isFalse();
        assertThat(editAsProposer(f.participant, a, "Visits every week")).isEqualTo("edited");
        assertThat(state(a)).isEqualTo(PriorityState.PROPOSED);
    }

    @Test
    void a_round_closed_without_quorum_gives_its_priorities_back() {
        long id = openDots();
        dots(f.participant, id, Map.of(a, 5));
        closeJointly(id);
        assertThat(record(id).outcome()).isEqualTo(Outcome.NO_DECISION);
        assertThat(locked(a)).isFalse();
        assertThat(locked(b)).isFalse();
        assertThat(editAsProposer(f.participant, a, "Visits every week")).isEqualTo("edited");
    }

    @Test
    void a_priority_stays_locked_while_another_open_round_still_holds_it() {
        long first = openDots();
        long second = openDots(RoundDraft.dots("And then?", List.of(a, c), 10, 5, 1));
        cancelJointly(first, "Duplicate");
        assertThat(locked(a)).isTrue();
        assertThat(locked(b)).isFalse();
        cancelJointly(second, "Start over");
        assertThat(locked(a)).isFalse();
        assertThat(locked(c)).isFalse();
    }

    @Test
    void adopting_only_what_every_side_gave_points_is_stored_enforced_and_recorded() throws Exception {
        long id = draft(RoundDraft.dots("Only shared", List.of(a, b, c), 5, 5, 3).withSecret(false)
                .withAdoptOnlyWithEverySide(true));
        assertThat(view(id).adoptEverySide()).isTrue();
        as(f.owner, () -> {
            rounds.update(f.workspaceId, id, RoundDraft.dots("Only shared", List.of(a, b, c), 5, 5, 3)
                    .withSecret(false));
            return null;
        });
        assertThat(view(id).adoptEverySide()).as("a draft's setting can be switched off").isFalse();
        as(f.owner, () -> {
            rounds.update(f.workspaceId, id, RoundDraft.dots("Only shared", List.of(a, b, c), 5, 5, 3)
                    .withSecret(false).withAdoptOnlyWithEverySide(true));
            rounds.open(f.workspaceId, id);
            return null;
        });
        assertThat(view(id).adoptEverySide()).isTrue();
        // All three are in the top three places; only a got points from both sides.
        dots(f.participant, id, Map.of(a, 3, b, 2));
        dots(civilParticipant, id, Map.of(a, 1, c, 4));
        closeJointly(id);

        RecordView record = record(id);
        assertThat(record.outcome()).isEqualTo(Outcome.DECIDED);
        assertThat(record.adoptEverySide()).isTrue();
        assertThat(record.prioritize().adopted()).containsExactly(a);
        assertThat(record.prioritize().notAdopted()).containsExactlyInAnyOrder(b, c);
        assertThat(state(a)).isEqualTo(PriorityState.ADOPTED);
        assertThat(state(b)).isEqualTo(PriorityState.NOT_ADOPTED);
        assertThat(state(c)).isEqualTo(PriorityState.NOT_ADOPTED);

        String content = jdbc.queryForObject("select content from decision_record where round_id = ?", String.class, id);
        assertThat(content).contains("\"adoptEverySide\":true", "\"format\":\"ligevaerd.decision-record/4\"");
        java.io.ByteArrayOutputStream json = new java.io.ByteArrayOutputStream();
        as(f.observer, () -> {
            exports.writeJson(f.workspaceId, id, json);
            return null;
        });
        assertThat(json.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("\"adoptEverySide\":true");
        assertThat(as(f.observer, () -> rounds.verifyChain(f.workspaceId)).problems()).isEmpty();
    }

    @Test
    void a_decided_round_leaves_its_priorities_adopted_or_not_and_no_longer_in_a_round() {
        long id = openDots();
        dots(f.participant, id, Map.of(a, 5));
        dots(f.otherModerator, id, Map.of(b, 5));
        closeJointly(id);
        assertThat(record(id).outcome()).isEqualTo(Outcome.DECIDED);
        assertThat(locked(a)).isFalse();
        assertThat(editAsProposer(f.participant, a, "Visits every week")).isEqualTo("error.priority.notProposed");
    }

    // ---- the chain ----------------------------------------------------------------------------

    @Test
    void records_of_one_workspace_form_one_chain() {
        long first = closedRound();
        long second = closedRound();
        long third = closedRound();
        List<RecordView> all = as(f.participant, () -> rounds.records(f.workspaceId));
        assertThat(all).extracting(RecordView::roundId).containsExactly(first, second, third);
        assertThat(all).extracting(RecordView::seq).containsExactly(1L, 2L, 3L);
        assertThat(all.get(0).prevHash()).isEqualTo("0".repeat(64));
        assertThat(all.get(1).prevHash()).isEqualTo(all.get(0).hash());
        assertThat(all.get(2).prevHash()).isEqualTo(all.get(1).hash());
        ChainVerification check = as(f.observer, () -> rounds.verifyChain(f.workspaceId));
        assertThat(check.intact()).isTrue();
        assertThat(check.records()).isEqualTo(3);
        assertThat(check.headHash()).isEqualTo(all.get(2).hash());
        assertThat(as(f.otherWorkspaceOwner, () -> rounds.verifyChain(f.otherWorkspaceId)).records()).isZero();
    }

    @Test
    void a_record_changed_in_the_database_is_found_and_named() {
        closedRound();
        long second = closedRound();
        closedRound();
        int changed = jdbc.update("update decision_record set content = replace(content, '\"ballots\":1', "
                + "'\"ballots\":9') where round_id = ?", second);
        assertThat(changed).isEqualTo(1);
        ChainVerification check = as(f.observer, () -> rounds.verifyChain(f.workspaceId));
        assertThat(check.intact()).isFalse();
        assertThat(check.problems()).containsExactly(new ChainVerification.Problem(2,
                recordId(second), second, Kind.CONTENT_ALTERED));
    }

    @Test
    void a_record_rewritten_with_a_fresh_hash_breaks_the_link_to_the_next() {
        closedRound();
        long second = closedRound();
        long third = closedRound();
        String content = jdbc.queryForObject("select content from decision_record where round_id = ?", String.class,
                second);
        String forged = content.replace("\"outcome\":\"DECIDED\"", "\"outcome\":\"NO_DECISION\"");
        assertThat(forged).isNotEqualTo(content);
        jdbc.update("update decision_record set content = ?, hash = ? where round_id = ?", forged,
                dk.ligevaerd.round.domain.CanonicalJson.sha256(forged), second);
        ChainVerification check = as(f.observer, () -> rounds.verifyChain(f.workspaceId));
        assertThat(check.problems()).containsExactly(new ChainVerification.Problem(3, recordId(third), third,
                Kind.LINK_BROKEN));
    }

    @Test
    void rewriting_the_last_record_is_caught_by_the_chain_head() {
        closedRound();
        long last = closedRound();
        String content = jdbc.queryForObject("select content from decision_record where round_id = ?", String.class,
                last);
        String forged = content.replace("\"outcome\":\"DECIDED\"", "\"outcome\":\"NO_DECISION\"");
        jdbc.update("update decision_record set content = ?, hash = ? where round_id = ?", forged,
                dk.ligevaerd.round.domain.CanonicalJson.sha256(forged), last);
        ChainVerification check = as(f.observer, () -> rounds.verifyChain(f.workspaceId));
        assertThat(check.problems()).containsExactly(new ChainVerification.Problem(2, recordId(last), last,
                Kind.HEAD_MISMATCH));
    }

    @Test
    void a_record_whose_time_was_changed_disagrees_with_its_content() {
        long first = closedRound();
        closedRound();
        jdbc.update("update decision_record set recorded_at = recorded_at - interval '1' day where round_id = ?",
                first);
        ChainVerification check = as(f.observer, () -> rounds.verifyChain(f.workspaceId));
        assertThat(check.problems()).containsExactly(new ChainVerification.Problem(1, recordId(first), first,
                Kind.HEADER_MISMATCH));
    }

    @Test
    void a_deleted_record_leaves_a_gap_that_is_named() {
        closedRound();
        long second = closedRound();
        long third = closedRound();
        jdbc.update("delete from decision_record where round_id = ?", second);
        ChainVerification check = as(f.observer, () -> rounds.verifyChain(f.workspaceId));
        assertThat(check.problems()).extracting(ChainVerification.Problem::roundId, ChainVerification.Problem::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(third, Kind.SEQUENCE_BROKEN),
                        org.assertj.core.groups.Tuple.tuple(third, Kind.LINK_BROKEN));
    }

    private long recordId(long roundId) {
        Long id = jdbc.queryForObject("select id from decision_record where round_id = ?", Long.class, roundId);
        return id == null ? -1 : id;
    }

    private long closedRound() {
        long id = openDots(RoundDraft.dots("Round " + System.nanoTime(), List.of(a, b), 10, 5, 1));
        dots(f.participant, id, Map.of(a, 5));
        dots(civilParticipant, id, Map.of(b, 5));
        closeJointly(id);
        return id;
    }

    // ---- ADOPT helpers ------------------------------------------------------------------------

    private long openAdopt(DecisionRule rule) {
        return openAdopt(RoundDraft.adopt("Adopt the purpose", null, rule).withSecret(false));
    }

    private long openAdopt(RoundDraft draft) {
        long id = draft(draft);
        as(f.owner, () -> {
            rounds.open(f.workspaceId, id);
            return null;
        });
        return id;
    }

    private void adopt(UserSummary who, long roundId, Vote vote, String reason) {
        as(who, () -> {
            rounds.castAdopt(f.workspaceId, roundId, vote, reason);
            return null;
        });
    }
}
