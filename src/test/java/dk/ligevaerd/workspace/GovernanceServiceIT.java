package dk.ligevaerd.workspace;

import static dk.ligevaerd.support.Acting.as;
import static dk.ligevaerd.support.Acting.run;
import static dk.ligevaerd.support.Refusals.keyOf;
import static org.assertj.core.api.Assertions.assertThat;

import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.account.UserSummary;
import dk.ligevaerd.history.HistoryItem;
import dk.ligevaerd.history.HistoryService;
import dk.ligevaerd.priority.PriorityService;
import dk.ligevaerd.priority.ValueLens;
import dk.ligevaerd.round.RoundDraft;
import dk.ligevaerd.round.RoundService;
import dk.ligevaerd.round.RoundState;
import dk.ligevaerd.shared.Messages;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * No single person, and no single side, governs a workspace: each rule of shared governance, tried
 * on the real services and a real database file. Each of these passed for the owner alone before.
 */
@SpringBootTest(properties = {"ligevaerd.demo.enabled=false",
        "spring.datasource.url=jdbc:h2:file:./target/test-db/governance-${random.uuid}"})
class GovernanceServiceIT {

    @Autowired AccountService accounts;
    @Autowired WorkspaceService workspaces;
    @Autowired InvitationService invitations;
    @Autowired GovernanceService governance;
    @Autowired HistoryService history;
    @Autowired PriorityService priorities;
    @Autowired RoundService rounds;
    @Autowired JdbcTemplate jdbc;

    WorkspaceFixture f;

    @BeforeEach
    void fixture() {
        f = new WorkspaceFixture(accounts, workspaces, invitations);
    }

    private WorkspaceDetails details() {
        return as(f.participant, () -> workspaces.details(f.workspaceId));
    }

    private MemberView member(UserSummary user) {
        return details().members().stream().filter(m -> m.userId() == user.id()).findFirst().orElseThrow();
    }

    private List<String> kinds() {
        return as(f.observer, () -> history.timeline(f.workspaceId)).stream().map(HistoryItem::kind).toList();
    }

    private String refusal(UserSummary user, Runnable call) {
        return keyOf(() -> as(user, () -> {
            call.run();
            return null;
        }));
    }

    /** The browser finding: the owner moved civil society's only moderator to Kommune. */
    @Test
    void the_owner_cannot_take_away_the_other_sides_moderator() {
        String before = details().toString();
        assertThat(refusal(f.owner, () -> workspaces.assign(f.workspaceId, f.otherModerator.id(), Role.MODERATOR,
                f.municipalSideId))).isEqualTo("error.member.lastModerator");
        assertThat(refusal(f.owner, () -> workspaces.assign(f.workspaceId, f.otherModerator.id(), Role.PARTICIPANT,
                f.civilSideId))).isEqualTo("error.permission.sideModerator");
        assertThat(refusal(f.owner, () -> workspaces.remove(f.workspaceId, f.otherModerator.id())))
                .isEqualTo("error.permission.sideModerator");
        assertThat(details().toString()).isEqualTo(before);
    }

    @Test
    void a_sides_moderator_governs_only_their_own_side() {
        assertThat(refusal(f.otherModerator, () -> workspaces.assign(f.workspaceId, f.participant.id(),
                Role.MODERATOR, f.municipalSideId))).isEqualTo("error.permission.sideModerator");
        assertThat(refusal(f.otherModerator, () -> workspaces.remove(f.workspaceId, f.participant.id())))
                .isEqualTo("error.permission.sideModerator");
        assertThat(refusal(f.otherModerator, () -> invitations.create(f.workspaceId, f.municipalSideId,
                Role.PARTICIPANT, Duration.ofDays(1)))).isEqualTo("error.permission.sideModerator");
        assertThat(member(f.participant).role()).isEqualTo(Role.PARTICIPANT);
    }

    @Test
    void each_sides_moderators_invite_into_their_own_side_and_the_owner_only_found_the_first_moderator() {
        UserSummary newcomer = accounts.register("gov-new-" + System.nanoTime(), "Newcomer", "bla-hest-tromme-7");
        String token = as(f.otherModerator, () -> invitations.create(f.workspaceId, f.civilSideId, Role.PARTICIPANT,
                Duration.ofDays(1)).token());
        as(newcomer, () -> invitations.accept(token));
        assertThat(member(newcomer).sideId()).isEqualTo(f.civilSideId);
        assertThat(as(f.otherModerator, () -> invitations.list(f.workspaceId))).isNotEmpty();
        assertThat(refusal(f.owner, () -> invitations.create(f.workspaceId, f.civilSideId, Role.PARTICIPANT,
                Duration.ofDays(1)))).isEqualTo("error.permission.sideModerator");
    }

    @Test
    void a_link_made_before_the_side_had_a_moderator_stops_working_once_it_has_one() {
        long fresh = as(f.owner, () -> workspaces.create("Fresh", "", List.of("Kommune", "Civilsamfund"), 0));
        long civil = as(f.owner, () -> workspaces.details(fresh).sides().get(1).id());
        assertThat(as(f.owner, () -> workspaces.details(fresh).sidesWithoutModerator()))
                .containsExactly("Civilsamfund");
        String first = as(f.owner, () -> invitations.create(fresh, civil, Role.MODERATOR, Duration.ofDays(1)).token());
        String spare = as(f.owner, () -> invitations.create(fresh, civil, Role.MODERATOR, Duration.ofDays(1)).token());
        as(f.otherModerator, () -> invitations.accept(first));
        assertThat(as(f.owner, () -> workspaces.details(fresh).forming())).isFalse();
        assertThat(keyOf(() -> as(f.participant, () -> invitations.accept(spare))))
                .isEqualTo("error.invitation.makerMayNoLonger");
    }

    @Test
    void until_every_side_has_a_moderator_the_workspace_is_forming_and_no_round_opens() {
        long fresh = as(f.owner, () -> workspaces.create("Forming", "", List.of("Kommune", "Civilsamfund"), 0));
        long p = as(f.owner, () -> priorities.propose(fresh, "One", "", Set.of(ValueLens.EFFICIENCY)));
        long q = as(f.owner, () -> priorities.propose(fresh, "Two", "", Set.of(ValueLens.ADVOCACY)));
        long round = as(f.owner, () -> rounds.create(fresh, RoundDraft.dots("First", List.of(p, q), 10, 5, 1)));
        as(f.owner, () -> governance.proposeJointClosingOff(fresh));
        assertThat(as(f.owner, () -> workspaces.details(fresh).jointClosing()))
                .as("only Kommune has a moderator, so only Kommune is asked").isFalse();
        assertThat(refusal(f.owner, () -> rounds.open(fresh, round))).isEqualTo("error.workspace.forming");
        assertThat(as(f.owner, () -> rounds.get(fresh, round).state())).isEqualTo(RoundState.DRAFT);
    }

    @Test
    void the_owner_confirms_a_move_into_a_side_that_has_no_moderator_yet_and_only_until_it_has_one() {
        long borgere = f.addSide(governance, workspaces, "Borgere", "#1E7A4C");
        UserSummary civilian = accounts.register("gov-civ-" + System.nanoTime(), "Civilian", "bla-hest-tromme-7");
        String token = as(f.otherModerator, () -> invitations.create(f.workspaceId, f.civilSideId, Role.PARTICIPANT,
                Duration.ofDays(1)).token());
        as(civilian, () -> invitations.accept(token));

        boolean done = as(f.otherModerator, () -> workspaces.assign(f.workspaceId, civilian.id(), Role.MODERATOR,
                borgere));
        assertThat(done).isFalse();
        ProposalView move = as(f.owner, () -> governance.pending(f.workspaceId)).getFirst();
        assertThat(move.waitingFor()).containsExactly(borgere);
        assertThat(move.canConfirm()).as("the owner stands in for a side without a moderator").isTrue();
        run(f.owner, () -> governance.confirm(f.workspaceId, move.id()));
        assertThat(member(civilian).sideId()).isEqualTo(borgere);
        assertThat(details().forming()).isFalse();
        assertThat(refusal(f.owner, () -> invitations.create(f.workspaceId, borgere, Role.PARTICIPANT,
                Duration.ofDays(1)))).isEqualTo("error.permission.sideModerator");
    }

    @Test
    void removing_or_demoting_a_sides_last_moderator_is_refused_with_the_reason() {
        assertThat(refusal(f.otherModerator, () -> workspaces.assign(f.workspaceId, f.otherModerator.id(),
                Role.PARTICIPANT, f.civilSideId))).isEqualTo("error.member.lastModerator");
        run(f.owner, () -> workspaces.assign(f.workspaceId, f.participant.id(), Role.MODERATOR, f.municipalSideId));
        run(f.participant, () -> workspaces.assign(f.workspaceId, f.owner.id(), Role.PARTICIPANT, f.municipalSideId));
        assertThat(refusal(f.owner, () -> workspaces.remove(f.workspaceId, f.participant.id())))
                .isEqualTo("error.permission.sideModerator");
        assertThat(refusal(f.participant, () -> workspaces.assign(f.workspaceId, f.participant.id(),
                Role.OBSERVER, null))).isEqualTo("error.member.lastModerator");
    }

    @Test
    void a_move_between_sides_waits_for_a_moderator_of_the_other_side() {
        boolean done = as(f.owner, () -> workspaces.assign(f.workspaceId, f.participant.id(), Role.PARTICIPANT,
                f.civilSideId));
        assertThat(done).isFalse();
        assertThat(member(f.participant).sideId()).isEqualTo(f.municipalSideId);
        ProposalView pending = as(f.otherModerator, () -> governance.pending(f.workspaceId)).getFirst();
        assertThat(pending.kind()).isEqualTo(ProposalKind.MOVE_MEMBER);
        assertThat(pending.waitingFor()).containsExactly(f.civilSideId);
        assertThat(pending.confirmedBy()).containsEntry(f.municipalSideId, f.owner.displayName());
        assertThat(pending.canConfirm()).isTrue();

        run(f.otherModerator, () -> governance.confirm(f.workspaceId, pending.id()));
        assertThat(member(f.participant).sideId()).isEqualTo(f.civilSideId);
        assertThat(as(f.owner, () -> governance.pending(f.workspaceId))).isEmpty();
        assertThat(kinds()).contains("workspace.proposed", "workspace.proposalConfirmed",
                "workspace.proposalAdopted", "member.changed");
    }

    /**
     * The attack: the owner moves themselves to the other side to confirm there too. While a
     * round is open nobody changes side, even with the other side's consent given earlier.
     */
    @Test
    void the_owner_cannot_move_to_the_other_side_to_confirm_a_round_twice() {
        run(f.owner, () -> workspaces.assign(f.workspaceId, f.participant.id(), Role.MODERATOR, f.municipalSideId));
        boolean moved = as(f.owner, () -> workspaces.assign(f.workspaceId, f.owner.id(), Role.MODERATOR,
                f.civilSideId));
        assertThat(moved).isFalse();
        long move = as(f.owner, () -> governance.pending(f.workspaceId)).getFirst().id();

        long round = openRound();
        assertThat(as(f.owner, () -> rounds.confirmClosing(f.workspaceId, round))).isFalse();
        assertThat(refusal(f.owner, () -> workspaces.assign(f.workspaceId, f.owner.id(), Role.MODERATOR,
                f.civilSideId))).isEqualTo("error.round.openNoSideChange");
        assertThat(refusal(f.otherModerator, () -> governance.confirm(f.workspaceId, move)))
                .isEqualTo("error.round.openNoSideChange");
        assertThat(member(f.owner).sideId()).isEqualTo(f.municipalSideId);
        assertThat(as(f.owner, () -> rounds.get(f.workspaceId, round).state())).isEqualTo(RoundState.OPEN);
    }

    @Test
    void nobody_confirms_one_proposal_for_two_sides() {
        run(f.owner, () -> workspaces.assign(f.workspaceId, f.participant.id(), Role.MODERATOR, f.municipalSideId));
        long proposal = as(f.owner, () -> governance.proposeDefaultRule(f.workspaceId, DefaultRule.CONSENT));
        long move = as(f.owner, () -> {
            workspaces.assign(f.workspaceId, f.owner.id(), Role.MODERATOR, f.civilSideId);
            return governance.pending(f.workspaceId).stream().filter(p -> p.kind() == ProposalKind.MOVE_MEMBER)
                    .findFirst().orElseThrow().id();
        });
        run(f.otherModerator, () -> governance.confirm(f.workspaceId, move));
        assertThat(member(f.owner).sideId()).as("both sides let the owner move").isEqualTo(f.civilSideId);

        assertThat(refusal(f.owner, () -> governance.confirm(f.workspaceId, proposal)))
                .isEqualTo("error.proposal.twoSides");
        assertThat(details().defaultRule()).isEqualTo(DefaultRule.SIDE_PARITY);
    }

    @Test
    void a_member_who_voted_or_confirmed_in_an_open_round_is_neither_removed_nor_demoted() {
        run(f.owner, () -> workspaces.assign(f.workspaceId, f.participant.id(), Role.MODERATOR, f.municipalSideId));
        long round = openRound();
        long option = as(f.owner, () -> rounds.get(f.workspaceId, round).options().getFirst().id());
        run(f.participant, () -> rounds.castDots(f.workspaceId, round, Map.of(option, 5)));
        assertThat(refusal(f.owner, () -> workspaces.remove(f.workspaceId, f.participant.id())))
                .isEqualTo("error.round.openTookPart");
        assertThat(refusal(f.owner, () -> workspaces.assign(f.workspaceId, f.participant.id(), Role.PARTICIPANT,
                f.municipalSideId))).isEqualTo("error.round.openTookPart");
        run(f.participant, () -> rounds.confirmClosing(f.workspaceId, round));
        assertThat(refusal(f.owner, () -> workspaces.assign(f.workspaceId, f.participant.id(), Role.PARTICIPANT,
                f.municipalSideId))).as("nor after confirming").isEqualTo("error.round.openTookPart");
        assertThat(member(f.participant).role()).isEqualTo(Role.MODERATOR);
        // Whoever took no part may still go: the owner steps down, the observer leaves (both sides agreeing).
        run(f.participant, () -> workspaces.assign(f.workspaceId, f.owner.id(), Role.PARTICIPANT, f.municipalSideId));
        assertThat(as(f.participant, () -> workspaces.remove(f.workspaceId, f.observer.id()))).isFalse();
        long removal = as(f.otherModerator, () -> governance.pending(f.workspaceId)).getFirst().id();
        run(f.otherModerator, () -> governance.confirm(f.workspaceId, removal));
        assertThat(member(f.owner).role()).isEqualTo(Role.PARTICIPANT);
        assertThat(details().members()).extracting(MemberView::userId).doesNotContain(f.observer.id());
    }

    private boolean isMember(UserSummary user) {
        return details().members().stream().anyMatch(m -> m.userId() == user.id());
    }

    /**
     * The People tab's finding: both sides' moderators were offered to remove the observer, and either
     * did it alone. An observer is on no side, so no one side governs them: it waits for every side.
     */
    @Test
    void one_sides_moderator_alone_cannot_remove_an_observer_it_waits_for_every_side() {
        assertThat(as(f.otherModerator, () -> workspaces.remove(f.workspaceId, f.observer.id()))).isFalse();
        assertThat(member(f.observer).role()).as("still there, on no side").isEqualTo(Role.OBSERVER);
        ProposalView removal = as(f.owner, () -> governance.pending(f.workspaceId)).getFirst();
        assertThat(removal.kind()).isEqualTo(ProposalKind.REMOVE_OBSERVER);
        assertThat(removal.subjectUserId()).isEqualTo(f.observer.id());
        assertThat(removal.confirmedBy()).containsOnlyKeys(f.civilSideId);
        assertThat(removal.waitingFor()).containsExactly(f.municipalSideId);
        assertThat(refusal(f.otherModerator, () -> governance.confirm(f.workspaceId, removal.id())))
                .isEqualTo("error.proposal.alreadyConfirmed");
        assertThat(refusal(f.participant, () -> workspaces.remove(f.workspaceId, f.observer.id())))
                .isEqualTo("error.permission.moderator");
        assertThat(isMember(f.observer)).isTrue();

        run(f.owner, () -> governance.confirm(f.workspaceId, removal.id()));
        assertThat(isMember(f.observer)).isFalse();
        assertThat(as(f.owner, () -> history.timeline(f.workspaceId))).extracting(HistoryItem::kind)
                .contains("workspace.proposed", "workspace.proposalAdopted", "member.removed");
    }

    /**
     * Taking the observer into one's own side alone would be the same removal in two steps (a side
     * removes its own members alone), so that, too, waits for every side; a decline leaves them be.
     */
    @Test
    void one_sides_moderator_alone_cannot_take_an_observer_into_their_side() {
        assertThat(as(f.otherModerator, () -> workspaces.assign(f.workspaceId, f.observer.id(), Role.PARTICIPANT,
                f.civilSideId))).isFalse();
        assertThat(member(f.observer).sideId()).isNull();
        assertThat(member(f.observer).role()).isEqualTo(Role.OBSERVER);
        ProposalView seat = as(f.owner, () -> governance.pending(f.workspaceId)).getFirst();
        assertThat(seat.kind()).isEqualTo(ProposalKind.OBSERVER_JOINS_SIDE);
        assertThat(seat.targetSideId()).isEqualTo(f.civilSideId);
        assertThat(seat.role()).isEqualTo(Role.PARTICIPANT);
        assertThat(seat.waitingFor()).containsExactly(f.municipalSideId);

        run(f.owner, () -> governance.withdraw(f.workspaceId, seat.id()));
        assertThat(member(f.observer).role()).as("Kommune declined").isEqualTo(Role.OBSERVER);

        assertThat(as(f.otherModerator, () -> workspaces.assign(f.workspaceId, f.observer.id(), Role.MODERATOR,
                f.civilSideId))).isFalse();
        long again = as(f.owner, () -> governance.pending(f.workspaceId)).getFirst().id();
        run(f.owner, () -> governance.confirm(f.workspaceId, again));
        assertThat(member(f.observer).sideId()).isEqualTo(f.civilSideId);
        assertThat(member(f.observer).role()).isEqualTo(Role.MODERATOR);
        assertThat(kinds()).contains("member.changed");
    }

    @Test
    void a_sides_moderator_cannot_seat_an_observer_on_a_side_that_has_no_moderator_yet() {
        long id = as(f.owner, () -> workspaces.create("Forming " + System.nanoTime(), "",
                List.of("Kommune", "Civilsamfund"), 0));
        List<SideView> sides = as(f.owner, () -> workspaces.details(id).sides());
        long kommune = sides.get(0).id();
        long civil = sides.get(1).id();
        String asModerator = as(f.owner, () -> invitations.create(id, kommune, Role.MODERATOR, Duration.ofDays(1)).token());
        run(f.participant, () -> invitations.accept(asModerator));
        String asObserver = as(f.owner, () -> invitations.create(id, null, Role.OBSERVER, Duration.ofDays(1)).token());
        run(f.observer, () -> invitations.accept(asObserver));

        assertThat(as(f.participant, () -> workspaces.assign(id, f.observer.id(), Role.MODERATOR, civil)))
                .as("Civilsamfund has not agreed").isFalse();

        MemberView seated = as(f.owner, () -> workspaces.details(id)).members().stream()
                .filter(m -> m.userId() == f.observer.id()).findFirst().orElseThrow();
        assertThat(seated.sideId()).isNull();
        assertThat(seated.role()).isEqualTo(Role.OBSERVER);
        assertThat(as(f.owner, () -> governance.pending(id))).singleElement()
                .satisfies(p -> assertThat(p.waitingFor()).containsExactly(civil));
    }

    /** The owner keeps only what harms no side; an observer's seat is not among it. */
    @Test
    void the_owner_alone_neither_removes_an_observer_nor_seats_one_on_a_side() {
        run(f.owner, () -> workspaces.assign(f.workspaceId, f.participant.id(), Role.MODERATOR, f.municipalSideId));
        run(f.participant, () -> workspaces.assign(f.workspaceId, f.owner.id(), Role.PARTICIPANT, f.municipalSideId));

        assertThat(as(f.owner, () -> workspaces.remove(f.workspaceId, f.observer.id()))).isFalse();
        assertThat(as(f.owner, () -> workspaces.assign(f.workspaceId, f.observer.id(), Role.PARTICIPANT,
                f.municipalSideId))).isFalse();
        assertThat(member(f.observer).role()).isEqualTo(Role.OBSERVER);
        List<ProposalView> pending = as(f.owner, () -> governance.pending(f.workspaceId));
        assertThat(pending).extracting(ProposalView::kind)
                .containsExactly(ProposalKind.REMOVE_OBSERVER, ProposalKind.OBSERVER_JOINS_SIDE);
        assertThat(pending).allSatisfy(p -> {
            assertThat(p.confirmedBy()).as("the owner moderates no side, so holds no key").isEmpty();
            assertThat(p.waitingFor()).containsExactlyInAnyOrder(f.municipalSideId, f.civilSideId);
            assertThat(p.canConfirm()).isFalse();
        });
        assertThat(refusal(f.owner, () -> governance.confirm(f.workspaceId, pending.getFirst().id())))
                .isEqualTo("error.proposal.notYourSide");
        assertThat(member(f.observer).role()).isEqualTo(Role.OBSERVER);
    }

    @Test
    void a_workspace_change_takes_effect_only_when_every_side_confirmed() {
        long id = as(f.owner, () -> governance.proposeJointClosingOff(f.workspaceId));
        assertThat(details().jointClosing()).isTrue();
        ProposalView waiting = as(f.observer, () -> governance.pending(f.workspaceId)).getFirst();
        assertThat(waiting.waitingFor()).containsExactly(f.civilSideId);
        assertThat(waiting.canConfirm()).isFalse();
        assertThat(refusal(f.owner, () -> governance.confirm(f.workspaceId, id)))
                .isEqualTo("error.proposal.alreadyConfirmed");
        assertThat(refusal(f.participant, () -> governance.confirm(f.workspaceId, id)))
                .isEqualTo("error.proposal.notYourSide");
        run(f.otherModerator, () -> governance.confirm(f.workspaceId, id));
        assertThat(details().jointClosing()).isFalse();
        List<String> kinds = kinds();
        assertThat(kinds).contains("workspace.proposed", "workspace.jointClosingOff", "workspace.proposalAdopted");
        assertThat(kinds).filteredOn("workspace.proposalConfirmed"::equals).hasSize(2);
    }

    /**
     * Whether observers may comment was the owner's switch alone; now one side proposing changes
     * nothing, and the owner, who proposed it for Kommune, cannot add the other key.
     */
    @Test
    void whether_observers_may_comment_changes_only_when_every_side_confirmed_never_by_the_owner_alone() {
        assertThat(details().observersMayComment()).as("off by default").isFalse();
        long allow = as(f.owner, () -> governance.proposeObserversMayComment(f.workspaceId, true));
        assertThat(details().observersMayComment()).as("only Kommune has agreed").isFalse();
        assertThat(as(f.observer, () -> governance.pending(f.workspaceId))).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ProposalKind.OBSERVERS_MAY_COMMENT);
            assertThat(p.waitingFor()).containsExactly(f.civilSideId);
        });
        assertThat(refusal(f.owner, () -> governance.confirm(f.workspaceId, allow)))
                .isEqualTo("error.proposal.alreadyConfirmed");
        assertThat(refusal(f.otherModerator, () -> governance.proposeObserversMayComment(f.workspaceId, false)))
                .isEqualTo("error.proposal.nothingToChange");
        assertThat(refusal(f.participant, () -> governance.proposeObserversMayComment(f.workspaceId, true)))
                .isEqualTo("error.permission.moderator");
        assertThat(refusal(f.observer, () -> governance.proposeObserversMayComment(f.workspaceId, true)))
                .isEqualTo("error.permission.moderator");
        assertThat(details().observersMayComment()).isFalse();

        run(f.otherModerator, () -> governance.confirm(f.workspaceId, allow));
        assertThat(details().observersMayComment()).isTrue();

        long stop = as(f.otherModerator, () -> governance.proposeObserversMayComment(f.workspaceId, false));
        assertThat(details().observersMayComment()).as("only Civilsamfund has agreed").isTrue();
        run(f.owner, () -> governance.confirm(f.workspaceId, stop));
        assertThat(details().observersMayComment()).isFalse();

        List<String> kinds = kinds();
        assertThat(kinds).containsOnlyOnce("workspace.observersMayComment", "workspace.observersMayNotComment");
        assertThat(kinds).filteredOn("workspace.proposalAdopted"::equals).hasSize(2);
        for (java.util.Locale language : List.of(Messages.ENGLISH, Messages.DANISH)) {
            for (String key : List.of("error.proposal.nothingToChange", "error.permission.moderator",
                    "error.proposal.alreadyConfirmed", ProposalKind.OBSERVERS_MAY_COMMENT.messageKey(),
                    ProposalKind.OBSERVERS_MAY_NOT_COMMENT.messageKey(),
                    "history.kind.workspace.observersMayComment", "history.kind.workspace.observersMayNotComment")) {
                assertThat(Messages.get(language, key)).as(key + " in " + language).doesNotStartWith("!");
            }
        }
        assertThat(Messages.get(Messages.DANISH, ProposalKind.OBSERVERS_MAY_COMMENT.messageKey()))
                .isNotEqualTo(Messages.get(Messages.ENGLISH, ProposalKind.OBSERVERS_MAY_COMMENT.messageKey()));
    }

    @Test
    void a_confirmation_counts_only_while_its_giver_still_moderates_the_side() {
        run(f.owner, () -> workspaces.assign(f.workspaceId, f.participant.id(), Role.MODERATOR, f.municipalSideId));
        long id = as(f.owner, () -> governance.proposeDefaultRule(f.workspaceId, DefaultRule.DOUBLE_MAJORITY));
        run(f.participant, () -> workspaces.assign(f.workspaceId, f.owner.id(), Role.PARTICIPANT, f.municipalSideId));
        run(f.otherModerator, () -> governance.confirm(f.workspaceId, id));
        assertThat(details().defaultRule()).as("Kommune's key was the owner's, who no longer moderates")
                .isEqualTo(DefaultRule.SIDE_PARITY);
        assertThat(as(f.observer, () -> governance.pending(f.workspaceId)).getFirst().waitingFor())
                .containsExactly(f.municipalSideId);
        run(f.participant, () -> governance.confirm(f.workspaceId, id));
        assertThat(details().defaultRule()).isEqualTo(DefaultRule.DOUBLE_MAJORITY);
    }

    @Test
    void sides_are_added_renamed_and_removed_only_with_every_side() {
        long add = as(f.otherModerator, () -> governance.proposeAddSide(f.workspaceId, "Borgere", "#1E7A4C"));
        assertThat(details().sides()).hasSize(2);
        run(f.owner, () -> governance.confirm(f.workspaceId, add));
        long borgere = details().sides().get(2).id();
        long rename = as(f.owner, () -> governance.proposeRenameSide(f.workspaceId, f.civilSideId, "Foreninger"));
        run(f.otherModerator, () -> governance.withdraw(f.workspaceId, rename));
        assertThat(details().sides().get(1).name()).isEqualTo("Civilsamfund");
        long remove = as(f.owner, () -> governance.proposeRemoveSide(f.workspaceId, borgere));
        run(f.otherModerator, () -> governance.confirm(f.workspaceId, remove));
        assertThat(details().sides()).hasSize(2);
        assertThat(kinds()).contains("workspace.proposalWithdrawn", "side.added", "side.removed");
    }

    @Test
    void handing_over_and_deleting_need_every_side() {
        long handOver = as(f.owner, () -> governance.proposeHandOver(f.workspaceId, f.otherModerator.id()));
        assertThat(member(f.owner).owner()).isTrue();
        run(f.otherModerator, () -> governance.confirm(f.workspaceId, handOver));
        assertThat(member(f.otherModerator).owner()).isTrue();
        assertThat(member(f.owner).owner()).isFalse();
        assertThat(kinds()).contains("workspace.handedOver");

        long delete = as(f.owner, () -> governance.proposeDelete(f.workspaceId));
        assertThat(as(f.participant, () -> workspaces.details(f.workspaceId))).isNotNull();
        run(f.otherModerator, () -> governance.confirm(f.workspaceId, delete));
        assertThat(keyOf(() -> as(f.owner, () -> workspaces.details(f.workspaceId))))
                .isEqualTo("error.notFoundOrNoAccess");
        assertThat(as(f.participant, () -> workspaces.mine())).isEmpty();
    }

    @Test
    void no_side_is_removed_and_the_workspace_is_not_deleted_while_a_round_is_under_way() {
        long round = openRound();
        long borgere = f.addSide(governance, workspaces, "Borgere", "#1E7A4C");
        String before = details().toString();
        List<String> historyBefore = kinds();
        assertThat(refusal(f.owner, () -> governance.proposeRemoveSide(f.workspaceId, borgere)))
                .isEqualTo("error.round.openNoRemoval");
        assertThat(refusal(f.otherModerator, () -> governance.proposeDelete(f.workspaceId)))
                .isEqualTo("error.round.openNoRemoval");
        // Voting has ended, the round still waits for its confirmations: still under way.
        jdbc.update("update decision_round set voting_ended_at = current_timestamp where id = ?", round);
        assertThat(refusal(f.owner, () -> governance.proposeDelete(f.workspaceId)))
                .isEqualTo("error.round.openNoRemoval");
        assertThat(details().toString()).isEqualTo(before);
        assertThat(as(f.owner, () -> governance.pending(f.workspaceId))).isEmpty();
        assertThat(kinds()).isEqualTo(historyBefore);

        run(f.owner, () -> rounds.cancel(f.workspaceId, round, "Not now"));
        run(f.otherModerator, () -> rounds.cancel(f.workspaceId, round, "Agreed, not now"));
        long remove = as(f.owner, () -> governance.proposeRemoveSide(f.workspaceId, borgere));
        run(f.otherModerator, () -> governance.confirm(f.workspaceId, remove));
        assertThat(details().sides()).hasSize(2);
    }

    @Test
    void a_round_opened_after_a_deletion_was_proposed_stops_it_at_the_last_confirmation() {
        long delete = as(f.owner, () -> governance.proposeDelete(f.workspaceId));
        long round = openRound();
        String before = details().toString();
        List<String> historyBefore = kinds();
        assertThat(refusal(f.otherModerator, () -> governance.confirm(f.workspaceId, delete)))
                .isEqualTo("error.round.openNoRemoval");
        assertThat(details().toString()).isEqualTo(before);
        assertThat(kinds()).isEqualTo(historyBefore);
        ProposalView pending = as(f.otherModerator, () -> governance.pending(f.workspaceId)).getFirst();
        assertThat(pending.id()).isEqualTo(delete);
        assertThat(pending.waitingFor()).containsExactly(f.civilSideId);
        assertThat(pending.canConfirm()).isTrue();
        assertThat(as(f.otherModerator, () -> rounds.get(f.workspaceId, round)).state()).isEqualTo(RoundState.OPEN);

        run(f.owner, () -> rounds.cancel(f.workspaceId, round, "The workspace goes"));
        run(f.otherModerator, () -> rounds.cancel(f.workspaceId, round, "Yes, it goes"));
        run(f.otherModerator, () -> governance.confirm(f.workspaceId, delete));
        assertThat(keyOf(() -> as(f.owner, () -> workspaces.details(f.workspaceId))))
                .isEqualTo("error.notFoundOrNoAccess");
    }

    /**
     * The last confirmation of a deletion and the opening of a round at the same instant, on two
     * real threads, five times: one wins and the other is refused, never both (a deleted workspace
     * with a round open in it, which nobody could end). Both take the workspace's chain lock.
     */
    @Test
    void a_deletion_confirmed_while_a_round_opens_lets_only_one_of_them_through() throws Exception {
        for (int i = 0; i < 5; i++) {
            f = new WorkspaceFixture(accounts, workspaces, invitations);
            long delete = as(f.owner, () -> governance.proposeDelete(f.workspaceId));
            long p = as(f.owner, () -> priorities.propose(f.workspaceId, "One", "", Set.of(ValueLens.EFFICIENCY)));
            long q = as(f.owner, () -> priorities.propose(f.workspaceId, "Two", "", Set.of(ValueLens.ADVOCACY)));
            long round = as(f.owner, () -> rounds.create(f.workspaceId, RoundDraft.dots("Race", List.of(p, q), 10, 5,
                    1)));
            WorkspaceFixture race = f;
            List<String> outcomes = dk.ligevaerd.support.Racing.race(List.of(
                    () -> as(race.otherModerator, () -> {
                        governance.confirm(race.workspaceId, delete);
                        return null;
                    }),
                    () -> as(race.owner, () -> {
                        rounds.open(race.workspaceId, round);
                        return null;
                    })));

            assertThat(outcomes).as("one of deletion and opening, never both").containsOnlyOnce(
                    dk.ligevaerd.support.Racing.STORED);
            if (outcomes.getFirst().equals(dk.ligevaerd.support.Racing.STORED)) {
                assertThat(outcomes.get(1)).isEqualTo("error.notFoundOrNoAccess");
                assertThat(jdbc.queryForObject("select state from decision_round where id = ?", String.class, round))
                        .isEqualTo("DRAFT");
            } else {
                assertThat(outcomes.getFirst()).isEqualTo("error.round.openNoRemoval");
                assertThat(as(f.owner, () -> rounds.get(f.workspaceId, round)).state()).isEqualTo(RoundState.OPEN);
                assertThat(as(f.owner, () -> governance.pending(f.workspaceId))).extracting(ProposalView::id)
                        .containsExactly(delete);
            }
        }
    }

    @Test
    void the_owner_keeps_the_workspaces_language_danish_or_english() {
        assertThat(details().language()).isEqualTo("da");
        run(f.owner, () -> workspaces.setLanguage(f.workspaceId, "en"));
        assertThat(details().language()).isEqualTo("en");
        assertThat(refusal(f.owner, () -> workspaces.setLanguage(f.workspaceId, "fr")))
                .isEqualTo("error.workspace.language");
        assertThat(refusal(f.otherModerator, () -> workspaces.setLanguage(f.workspaceId, "da")))
                .isEqualTo("error.permission.owner");
        assertThat(details().language()).isEqualTo("en");
        assertThat(kinds()).containsOnlyOnce("workspace.languageChanged");
    }

    /** A dot-voting round on two fresh priorities, opened by the owner. */
    private long openRound() {
        long p = as(f.owner, () -> priorities.propose(f.workspaceId, "One " + System.nanoTime(), "",
                Set.of(ValueLens.EFFICIENCY)));
        long q = as(f.owner, () -> priorities.propose(f.workspaceId, "Two " + System.nanoTime(), "",
                Set.of(ValueLens.ADVOCACY)));
        long id = as(f.owner, () -> rounds.create(f.workspaceId, RoundDraft.dots("Which first?", List.of(p, q), 10,
                5, 1)));
        run(f.owner, () -> rounds.open(f.workspaceId, id));
        return id;
    }
}
