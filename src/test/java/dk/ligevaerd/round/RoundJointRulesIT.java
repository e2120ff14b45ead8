package dk.ligevaerd.round;

import static dk.ligevaerd.support.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;

import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.account.UserSummary;
import dk.ligevaerd.priority.PriorityService;
import dk.ligevaerd.priority.ValueLens;
import dk.ligevaerd.round.RecordView.Outcome;
import dk.ligevaerd.round.RecordView.SideResult;
import dk.ligevaerd.round.rules.Vote;
import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.statement.StatementService;
import dk.ligevaerd.workspace.GovernanceService;
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
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Joint closing really needs every side, and secret ballots stay secret (issue 11): confirmations
 * and cancel requests are re-checked against the workspace as it is when the round ends, ballots
 * of members who left are void, a removed side or a side without moderator never leaves a round
 * impossible to end, and a closed secret round keeps no link from voter to choice.
 *
 * <p>Some tests change memberships straight in the database. The workspace's own services refuse
 * such changes while a round is open; these tests show that the round does not depend on that
 * alone: its re-check at closing is the second line.
 */
@SpringBootTest(properties = {"ligevaerd.demo.enabled=false", "ligevaerd.rounds.auto-close.enabled=false",
        "spring.datasource.url=jdbc:h2:file:./target/test-db/round-joint-${random.uuid}"})
class RoundJointRulesIT {

    @Autowired AccountService accounts;
    @Autowired WorkspaceService workspaces;
    @Autowired InvitationService invitations;
    @Autowired PriorityService priorities;
    @Autowired StatementService statements;
    @Autowired RoundService rounds;
    @Autowired GovernanceService governance;
    @Autowired JdbcTemplate jdbc;

    WorkspaceFixture f;
    UserSummary civilParticipant;
    long a;
    long b;

    @BeforeEach
    void fixture() {
        f = new WorkspaceFixture(accounts, workspaces, invitations);
        civilParticipant = join("civ", f.civilSideId, Role.PARTICIPANT);
        a = as(f.owner, () -> priorities.propose(f.workspaceId, "Weekly visits", "", Set.of(ValueLens.EFFICIENCY)));
        b = as(f.owner, () -> priorities.propose(f.workspaceId, "Elderly shape it", "", Set.of(ValueLens.ADVOCACY)));
    }

    private UserSummary join(String prefix, long sideId, Role role) {
        return joinBy(f.moderatorOf(sideId), prefix, sideId, role);
    }

    /** Joins through an invitation from {@code inviter}, e.g. the owner standing in for a side without moderator. */
    private UserSummary joinBy(UserSummary inviter, String prefix, long sideId, Role role) {
        UserSummary user = accounts.register(prefix + "-" + System.nanoTime(), "Member " + prefix, "bla-hest-tromme-7");
        String token = as(inviter, () -> invitations.create(f.workspaceId, sideId, role, Duration.ofDays(1)).token());
        as(user, () -> invitations.accept(token));
        return user;
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

    private long open(RoundDraft draft) {
        long id = as(f.owner, () -> rounds.create(f.workspaceId, draft));
        as(f.owner, () -> {
            rounds.open(f.workspaceId, id);
            return null;
        });
        return id;
    }

    private long openDots() {
        return open(RoundDraft.dots("Which first?", List.of(a, b), 10, 5, 1));
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

    /** What the workspace's services refuse during an open round, done behind their back. */
    private void moveBehindTheBack(UserSummary who, long sideId, Role role) {
        jdbc.update("update membership set side_id = ?, role = ? where workspace_id = ? and user_id = ?", sideId,
                role.name(), f.workspaceId, who.id());
    }

    // ---- joint closing --------------------------------------------------------------------------

    @Test
    void one_person_moving_between_sides_never_confirms_for_two() {
        long id = openDots();
        dots(f.participant, id, Map.of(a, 5));
        dots(civilParticipant, id, Map.of(b, 5));
        assertThat(confirm(f.owner, id)).isFalse();
        moveBehindTheBack(f.owner, f.civilSideId, Role.MODERATOR);
        assertThat(confirm(f.owner, id)).as("the municipal confirmation no longer counts").isFalse();
        assertThat(view(id).state()).isEqualTo(RoundState.OPEN);
        assertThat(view(id).awaitingConfirmation()).extracting(RoundView.SideTurnout::sideId)
                .containsExactly(f.municipalSideId);
        assertThat(keyOf(() -> confirm(f.otherModerator, id))).isEqualTo("error.round.alreadyConfirmed");

        moveBehindTheBack(f.owner, f.municipalSideId, Role.MODERATOR);
        assertThat(view(id).awaitingConfirmation()).as("neither of the owner's confirmations counts now")
                .extracting(RoundView.SideTurnout::sideId).containsExactlyInAnyOrder(f.municipalSideId, f.civilSideId);
        assertThat(confirm(f.owner, id)).isFalse();
        assertThat(keyOf(() -> confirm(f.owner, id))).isEqualTo("error.round.alreadyConfirmed");
        assertThat(view(id).state()).isEqualTo(RoundState.OPEN);
        assertThat(confirm(f.otherModerator, id)).isTrue();
        RecordView record = record(id);
        assertThat(record.confirmations()).extracting(c -> c.moderator().id())
                .containsExactlyInAnyOrder(f.owner.id(), f.otherModerator.id());
    }

    @Test
    void a_confirmation_of_a_moderator_demoted_since_does_not_count() {
        long id = openDots();
        assertThat(confirm(f.otherModerator, id)).isFalse();
        moveBehindTheBack(f.otherModerator, f.civilSideId, Role.PARTICIPANT);
        assertThat(confirm(f.owner, id)).as("civil society's confirmation lapsed with its giver's role").isFalse();
        RoundView waiting = view(id);
        assertThat(waiting.state()).isEqualTo(RoundState.OPEN);
        assertThat(waiting.sidesWithoutModerator()).containsExactly(f.civilSideId);

        // Civil society has no moderator now: the owner stands in to invite its next one.
        UserSummary newModerator = joinBy(f.owner, "newmod", f.civilSideId, Role.MODERATOR);
        assertThat(view(id).sidesWithoutModerator()).isEmpty();
        assertThat(confirm(newModerator, id)).isTrue();
        assertThat(view(id).state()).isEqualTo(RoundState.CLOSED);
    }

    @Test
    void a_ballot_of_a_member_who_left_is_void_and_the_record_says_how_many_per_side() {
        long id = openDots();
        dots(f.participant, id, Map.of(a, 3, b, 2));
        dots(f.otherModerator, id, Map.of(b, 5));
        dots(civilParticipant, id, Map.of(a, 5));
        jdbc.update("delete from membership where workspace_id = ? and user_id = ?", f.workspaceId,
                civilParticipant.id());
        assertThat(confirm(f.owner, id)).isFalse();
        assertThat(confirm(f.otherModerator, id)).isTrue();
        RecordView record = record(id);
        SideResult civil = record.side(f.civilSideId).orElseThrow();
        assertThat(civil.ballots()).isEqualTo(1);
        assertThat(civil.voided()).isEqualTo(1);
        assertThat(record.side(f.municipalSideId).orElseThrow().voided()).isZero();
        assertThat(record.ballots()).extracting(nb -> nb.voter().id()).doesNotContain(civilParticipant.id());
        // Counted, the void ballot would have put a first (a 11/20, b 9/20); without it b leads.
        assertThat(record.prioritize().options().getFirst().id()).isEqualTo(b);
        assertThat(as(f.observer, () -> rounds.verifyChain(f.workspaceId)).intact()).isTrue();
    }

    @Test
    void a_side_removed_while_a_round_is_open_is_named_on_the_round_and_does_not_block_it() {
        long citizens = f.addSide(governance, workspaces, "Borgere", "#336699");
        UserSummary citizenModerator = join("cit", citizens, Role.MODERATOR);
        long id = openDots();
        dots(f.participant, id, Map.of(a, 5));
        dots(civilParticipant, id, Map.of(b, 5));
        dots(citizenModerator, id, Map.of(a, 5));
        jdbc.update("delete from membership where workspace_id = ? and user_id = ?", f.workspaceId,
                citizenModerator.id());
        assertThat(view(id).sidesWithoutModerator()).as("the side is left without moderator")
                .containsExactly(citizens);
        jdbc.update("delete from invitation where side_id = ?", citizens);
        jdbc.update("delete from side where id = ?", citizens);
        RoundView round = view(id);
        assertThat(round.removedSides()).containsExactly(citizens);
        assertThat(round.sidesWithoutModerator()).isEmpty();
        assertThat(round.requiredSides()).containsExactlyInAnyOrder(f.municipalSideId, f.civilSideId);

        assertThat(confirm(f.owner, id)).isFalse();
        assertThat(confirm(f.otherModerator, id)).isTrue();
        RecordView record = record(id);
        SideResult removed = record.side(citizens).orElseThrow();
        assertThat(removed.removed()).isTrue();
        assertThat(removed.voided()).isEqualTo(1);
        assertThat(record.outcome()).isEqualTo(Outcome.DECIDED);
    }

    @Test
    void cancelling_an_open_round_needs_every_side_with_a_reason_and_a_draft_only_its_creator() {
        long id = openDots();
        assertThat(keyOf(() -> as(f.owner, () -> rounds.cancel(f.workspaceId, id, " ")))).isEqualTo("error.missing.cancelReason");
        assertThat(as(f.owner, () -> rounds.cancel(f.workspaceId, id, "Wrong options"))).isFalse();
        assertThat(view(id).state()).isEqualTo(RoundState.OPEN);
        assertThat(keyOf(() -> as(f.owner, () -> rounds.cancel(f.workspaceId, id, "Again"))))
                .isEqualTo("error.round.alreadyAskedToCancel");
        // The owner, moved to the other side, cannot ask again there: their first request lapses.
        moveBehindTheBack(f.owner, f.civilSideId, Role.MODERATOR);
        assertThat(as(f.owner, () -> rounds.cancel(f.workspaceId, id, "For them too"))).isFalse();
        assertThat(view(id).state()).isEqualTo(RoundState.OPEN);
        assertThat(view(id).side(f.municipalSideId).orElseThrow().cancelRequestBy()).isNull();
        moveBehindTheBack(f.owner, f.municipalSideId, Role.MODERATOR);
        assertThat(as(f.owner, () -> rounds.cancel(f.workspaceId, id, "Wrong options"))).isFalse();
        assertThat(view(id).state()).isEqualTo(RoundState.OPEN);
        assertThat(as(f.otherModerator, () -> rounds.cancel(f.workspaceId, id, "Agreed"))).isTrue();
        RoundView cancelled = view(id);
        assertThat(cancelled.state()).isEqualTo(RoundState.CANCELLED);
        assertThat(cancelled.side(f.municipalSideId).orElseThrow().cancelReason()).isEqualTo("Wrong options");
        assertThat(cancelled.side(f.civilSideId).orElseThrow().cancelReason()).isEqualTo("Agreed");

        long draft = as(f.owner, () -> rounds.create(f.workspaceId, RoundDraft.dots("Draft", List.of(a, b), 10, 5,
                1)));
        assertThat(keyOf(() -> as(f.otherModerator, () -> rounds.cancel(f.workspaceId, draft, "Not mine"))))
                .isEqualTo("error.round.draftCancelByCreator");
        assertThat(as(f.owner, () -> rounds.cancel(f.workspaceId, draft, "Mine"))).isTrue();
        assertThat(view(draft).state()).isEqualTo(RoundState.CANCELLED);
    }

    // ---- secret ballots -----------------------------------------------------------------------

    @Test
    void a_secret_round_with_live_standings_is_refused_by_the_service() {
        RoundDraft both = new RoundDraft("Secret", RoundKind.PRIORITIZE, dk.ligevaerd.round.rules.PrioritizeMethod.DOTS,
                DecisionRule.SIDE_PARITY, List.of(a, b), null, 10, 5, 1, 1, true, true, null);
        assertThat(keyOf(() -> as(f.owner, () -> rounds.create(f.workspaceId, both))))
                .isEqualTo("error.round.secretLive");
        long id = as(f.owner, () -> rounds.create(f.workspaceId, both.withLiveTallies(false)));
        assertThat(keyOf(() -> as(f.owner, () -> {
            rounds.update(f.workspaceId, id, both);
            return null;
        }))).isEqualTo("error.round.secretLive");
        // Even a row stored as both (before this rule) shows turnout only.
        jdbc.update("update decision_round set live_tallies = true where id = ?", id);
        as(f.owner, () -> {
            rounds.open(f.workspaceId, id);
            return null;
        });
        dots(f.participant, id, Map.of(a, 5));
        RoundView open = view(id);
        assertThat(open.prioritizeStandings()).isNull();
        assertThat(open.side(f.municipalSideId).orElseThrow().ballots()).isEqualTo(1);
    }

    @Test
    void after_a_secret_round_closes_no_stored_row_links_a_voter_to_a_choice() {
        long id = open(RoundDraft.dots("Secret", List.of(a, b), 10, 5, 1).withSecret(true));
        dots(f.participant, id, Map.of(a, 5));
        dots(f.owner, id, Map.of(a, 2, b, 3));
        dots(civilParticipant, id, Map.of(b, 5));
        dots(civilParticipant, id, Map.of(b, 4));
        assertThat(jdbc.queryForObject("select count(*) from ballot where round_id = ? and user_id is not null",
                Integer.class, id)).as("while open, a voter may still change their ballot").isEqualTo(3);
        confirm(f.owner, id);
        assertThat(confirm(f.otherModerator, id)).isTrue();

        assertThat(jdbc.queryForObject("select count(*) from ballot where round_id = ? and (user_id is not null "
                + "or voter_name <> '' or casts <> 1)", Integer.class, id)).isZero();
        assertThat(jdbc.queryForObject("select count(distinct cast_at) from ballot where round_id = ?", Integer.class,
                id)).as("no cast time tells the ballots apart").isEqualTo(1);
        List<Map<String, Object>> perSide = jdbc.queryForList(
                "select side_id, count(*) as n from ballot where round_id = ? group by side_id order by side_id", id);
        assertThat(perSide).hasSize(2);
        assertThat(perSide).extracting(r -> ((Number) r.get("N")).intValue()).containsExactly(2, 1);
        String content = jdbc.queryForObject("select content from decision_record where round_id = ?", String.class,
                id);
        for (UserSummary voter : List.of(f.participant, civilParticipant)) {
            assertThat(content).doesNotContain(voter.displayName()).doesNotContain("\"id\":" + voter.id());
        }
        RecordView record = record(id);
        assertThat(record.side(f.municipalSideId).orElseThrow().ballots()).isEqualTo(2);
        assertThat(record.side(f.civilSideId).orElseThrow().ballots()).isEqualTo(1);
        assertThat(as(f.observer, () -> rounds.verifyChain(f.workspaceId)).intact()).isTrue();
    }

    @Test
    void a_secret_consent_round_warns_where_an_objection_would_name_its_only_voter() {
        WorkspaceFixture small = new WorkspaceFixture(accounts, workspaces, invitations);
        long id = as(small.owner, () -> rounds.create(small.workspaceId,
                RoundDraft.adopt("Adopt the text", null, DecisionRule.CONSENT).withSecret(true)));
        RoundView draft = as(small.owner, () -> rounds.get(small.workspaceId, id));
        assertThat(draft.secretWarnings()).as("civil society has one voter; the municipality two")
                .containsExactly(small.civilSideId);
        long named = as(small.owner, () -> rounds.create(small.workspaceId,
                RoundDraft.adopt("Adopt, named", null, DecisionRule.CONSENT)));
        assertThat(as(small.owner, () -> rounds.get(small.workspaceId, named)).secretWarnings()).isEmpty();

        as(small.owner, () -> {
            rounds.open(small.workspaceId, id);
            return null;
        });
        as(small.otherModerator, () -> {
            rounds.castAdopt(small.workspaceId, id, Vote.OBJECT, "Not yet");
            return null;
        });
        as(small.participant, () -> {
            rounds.castAdopt(small.workspaceId, id, Vote.YES, null);
            return null;
        });
        as(small.owner, () -> rounds.confirmClosing(small.workspaceId, id));
        as(small.otherModerator, () -> rounds.confirmClosing(small.workspaceId, id));
        RecordView record = as(small.observer, () -> rounds.record(small.workspaceId, id)).orElseThrow();
        assertThat(record.adopt().objections()).singleElement()
                .satisfies(o -> assertThat(o.sideId()).isEqualTo(small.civilSideId));
        assertThat(record.ballots()).isEmpty();
        String content = jdbc.queryForObject("select content from decision_record where round_id = ?", String.class,
                id);
        assertThat(content).contains("\"objections\":[{\"reason\":\"Not yet\",\"side\":" + small.civilSideId + "}]");
    }

    // ---- leftovers ----------------------------------------------------------------------------

    @Test
    void each_side_has_its_own_quorum_set_by_the_rounds_creator() {
        RoundDraft draft = RoundDraft.dots("Which first?", List.of(a, b), 10, 5, 1).withQuorumFor(f.civilSideId, 2);
        assertThat(keyOf(() -> as(f.owner, () -> rounds.create(f.workspaceId,
                draft.withQuorumFor(f.municipalSideId, 0))))).isEqualTo("error.round.quorum");
        long id = open(draft);
        RoundView round = view(id);
        assertThat(round.quorumFor(f.municipalSideId)).isEqualTo(1);
        assertThat(round.quorumFor(f.civilSideId)).isEqualTo(2);
        dots(f.participant, id, Map.of(a, 5));
        dots(f.otherModerator, id, Map.of(b, 5));
        RoundView.SideTurnout civil = view(id).side(f.civilSideId).orElseThrow();
        assertThat(civil.quorum()).isEqualTo(2);
        assertThat(civil.quorumMet()).as("one ballot of the two civil society asked for").isFalse();
        assertThat(view(id).side(f.municipalSideId).orElseThrow().quorumMet()).isTrue();
        confirm(f.owner, id);
        confirm(f.otherModerator, id);
        RecordView record = record(id);
        assertThat(record.outcome()).isEqualTo(Outcome.NO_DECISION);
        assertThat(record.side(f.civilSideId).orElseThrow().quorum()).isEqualTo(2);
        assertThat(record.side(f.civilSideId).orElseThrow().quorumMet()).isFalse();
        assertThat(record.side(f.municipalSideId).orElseThrow().quorumMet()).isTrue();
    }

    @Test
    void an_adopt_round_on_the_current_text_opens_whatever_the_length_of_its_title() {
        String title = "Vedtag formålet for besøgsvennerne i Vestbyen, som det står efter mødet med foreningerne, "
                + "kommunen og borgerne i marts, med de ændringer vi blev enige om 😀 til sidst";
        assertThat(title.length()).isBetween(121, 200);
        long id = open(RoundDraft.adopt(title, null, DecisionRule.SIDE_PARITY));
        RoundView round = view(id);
        assertThat(round.state()).isEqualTo(RoundState.OPEN);
        assertThat(round.versionName()).hasSizeLessThanOrEqualTo(120).endsWith("…")
                .startsWith("Vedtag formålet for besøgsvennerne");
        assertThat(round.versionName().codePoints().noneMatch(cp -> Character.isSurrogate((char) cp))).isTrue();
    }
}
