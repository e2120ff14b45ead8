package dk.ligevaerd.priority;

import static dk.ligevaerd.support.Acting.as;
import static dk.ligevaerd.support.Refusals.keyOf;
import static org.assertj.core.api.Assertions.assertThat;

import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.history.HistoryItem;
import dk.ligevaerd.history.HistoryService;
import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.workspace.InvitationService;
import dk.ligevaerd.workspace.WorkspaceFixture;
import dk.ligevaerd.workspace.WorkspaceService;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(properties = {"ligevaerd.demo.enabled=false",
        "spring.datasource.url=jdbc:h2:file:./target/test-db/priorities-${random.uuid}"})
class PriorityServiceIT {

    @Autowired AccountService accounts;
    @Autowired WorkspaceService workspaces;
    @Autowired InvitationService invitations;
    @Autowired PriorityService priorities;
    @Autowired HistoryService history;

    WorkspaceFixture f;

    @BeforeEach
    void fixture() {
        f = new WorkspaceFixture(accounts, workspaces, invitations);
    }


    private long proposeAsParticipant(String title) {
        return as(f.participant, () -> priorities.propose(f.workspaceId, title, "why", Set.of(ValueLens.EFFICIENCY)));
    }

    private PriorityView find(long id) {
        return as(f.owner, () -> priorities.list(f.workspaceId)).stream().filter(p -> p.id() == id).findFirst()
                .orElseThrow();
    }

    @Test
    void a_proposal_carries_its_proposer_side_and_lenses() {
        long id = proposeAsParticipant("Weekly visits");
        PriorityView p = find(id);
        assertThat(p.state()).isEqualTo(PriorityState.PROPOSED);
        assertThat(p.sideId()).isEqualTo(f.municipalSideId);
        assertThat(p.lenses()).containsExactly(ValueLens.EFFICIENCY);
        assertThat(p.proposedBy(f.participant.id())).isTrue();
        List<HistoryItem> timeline = as(f.owner, () -> history.timeline(f.workspaceId));
        assertThat(timeline.getFirst().kind()).isEqualTo("priority.proposed");
        assertThat(timeline.getFirst().actorSideId()).isEqualTo(f.municipalSideId);
    }

    @Test
    void bad_proposals_are_refused_and_nothing_is_stored() {
        assertThat(keyOf(() -> as(f.participant, () -> priorities.propose(f.workspaceId, "x".repeat(201), "",
                Set.of(ValueLens.EFFICIENCY))))).isEqualTo("error.length");
        assertThat(keyOf(() -> as(f.participant, () -> priorities.propose(f.workspaceId, "Ok", "d".repeat(2001),
                Set.of(ValueLens.EFFICIENCY))))).isEqualTo("error.length");
        assertThat(keyOf(() -> as(f.participant, () -> priorities.propose(f.workspaceId, "Ok", "", Set.of()))))
                .isEqualTo("error.priority.lensRequired");
        assertThat(keyOf(() -> as(f.participant, () -> priorities.propose(f.workspaceId, "Gratis \u202Eevird", "",
                Set.of(ValueLens.EFFICIENCY))))).isEqualTo("error.forbiddenCharacter");
        assertThat(keyOf(() -> as(f.participant, () -> priorities.propose(f.workspaceId, "Ok", "half \uD83D",
                Set.of(ValueLens.EFFICIENCY))))).isEqualTo("error.forbiddenCharacter");
        assertThat(as(f.owner, () -> priorities.list(f.workspaceId))).isEmpty();
    }

    @Test
    void observers_and_outsiders_cannot_propose() {
        assertThat(keyOf(() -> as(f.observer, () -> priorities.propose(f.workspaceId, "Ok", "",
                Set.of(ValueLens.ADVOCACY))))).isEqualTo("error.permission.contributor");
        assertThat(keyOf(() -> as(f.outsider, () -> priorities.propose(f.workspaceId, "Ok", "",
                Set.of(ValueLens.ADVOCACY))))).isEqualTo("error.notFoundOrNoAccess");
        assertThat(keyOf(() -> as(f.otherWorkspaceOwner, () -> priorities.list(f.workspaceId))))
                .isEqualTo("error.notFoundOrNoAccess");
    }

    @Test
    void only_a_proposer_may_edit_or_withdraw() {
        long id = proposeAsParticipant("Weekly visits");
        assertThat(keyOf(() -> as(f.otherModerator, () -> {
            priorities.edit(f.workspaceId, id, "Hijacked", "", Set.of(ValueLens.ADVOCACY));
            return null;
        }))).isEqualTo("error.priority.notProposer");
        assertThat(keyOf(() -> as(f.owner, () -> {
            priorities.withdraw(f.workspaceId, id);
            return null;
        }))).isEqualTo("error.priority.notProposer");
        as(f.participant, () -> {
            priorities.edit(f.workspaceId, id, "Weekly visits for the loneliest", "", Set.of(ValueLens.SERVICE_QUALITY));
            return null;
        });
        assertThat(find(id).title()).isEqualTo("Weekly visits for the loneliest");
        as(f.participant, () -> {
            priorities.withdraw(f.workspaceId, id);
            return null;
        });
        assertThat(find(id).state()).isEqualTo(PriorityState.WITHDRAWN);
        assertThat(keyOf(() -> as(f.participant, () -> {
            priorities.edit(f.workspaceId, id, "Again", "", Set.of(ValueLens.SERVICE_QUALITY));
            return null;
        }))).isEqualTo("error.priority.notProposed");
    }

    @Test
    void a_moderator_merges_duplicates_and_the_kept_one_has_both_proposers() {
        long mine = proposeAsParticipant("Visits");
        long theirs = as(f.otherModerator, () -> priorities.propose(f.workspaceId, "Visiting friends", "",
                Set.of(ValueLens.PARTICIPATION)));
        assertThat(keyOf(() -> as(f.participant, () -> {
            priorities.merge(f.workspaceId, mine, theirs);
            return null;
        }))).isEqualTo("error.permission.moderator");
        as(f.otherModerator, () -> {
            priorities.merge(f.workspaceId, mine, theirs);
            return null;
        });
        PriorityView kept = find(theirs);
        assertThat(kept.proposers()).extracting(PriorityView.ProposerView::userId)
                .containsExactly(f.otherModerator.id(), f.participant.id());
        assertThat(kept.lenses()).containsExactlyInAnyOrder(ValueLens.PARTICIPATION, ValueLens.EFFICIENCY);
        assertThat(find(mine).state()).isEqualTo(PriorityState.MERGED);
        assertThat(find(mine).mergedInto()).isEqualTo(theirs);
        assertThat(keyOf(() -> as(f.otherModerator, () -> {
            priorities.merge(f.workspaceId, theirs, theirs);
            return null;
        }))).isEqualTo("error.priority.mergeSelf");
    }
}
