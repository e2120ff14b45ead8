package dk.ligevaerd.workspace;

import static dk.ligevaerd.support.Acting.as;
import static dk.ligevaerd.support.Refusals.keyOf;
import static org.assertj.core.api.Assertions.assertThat;

import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.account.UserSummary;
import dk.ligevaerd.history.HistoryItem;
import dk.ligevaerd.history.HistoryService;
import dk.ligevaerd.shared.DomainException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(properties = {"ligevaerd.demo.enabled=false",
        "spring.datasource.url=jdbc:h2:file:./target/test-db/workspaces-${random.uuid}"})
class WorkspaceServiceIT {

    @Autowired AccountService accounts;
    @Autowired WorkspaceService workspaces;
    @Autowired InvitationService invitations;
    @Autowired HistoryService history;
    @Autowired GovernanceService governance;

    WorkspaceFixture f;

    @BeforeEach
    void fixture() {
        f = new WorkspaceFixture(accounts, workspaces, invitations);
    }


    private WorkspaceDetails ownerView() {
        return as(f.owner, () -> workspaces.details(f.workspaceId));
    }

    @Test
    void the_creator_owns_the_workspace_and_moderates_the_chosen_side() {
        WorkspaceDetails d = ownerView();
        assertThat(d.sides()).extracting(SideView::name).containsExactly("Kommune", "Civilsamfund");
        assertThat(d.me().owner()).isTrue();
        assertThat(d.me().role()).isEqualTo(Role.MODERATOR);
        assertThat(d.me().sideId()).isEqualTo(f.municipalSideId);
    }

    @Test
    void every_members_page_keeps_one_shared_list_of_members_until_someone_joins() {
        List<MemberView> owners = ownerView().members();
        List<MemberView> observers = as(f.observer, () -> workspaces.details(f.workspaceId)).members();
        assertThat(observers).isSameAs(owners);

        UserSummary newcomer = accounts.register("nyt-medlem-" + System.nanoTime() % 100000, "Nyt Medlem",
                "bla-hest-tromme-7");
        String token = as(f.otherModerator, () -> invitations.create(f.workspaceId, f.civilSideId,
                Role.PARTICIPANT, java.time.Duration.ofDays(1)).token());
        as(newcomer, () -> invitations.accept(token));

        List<MemberView> after = as(f.observer, () -> workspaces.details(f.workspaceId)).members();
        assertThat(after).isNotSameAs(owners).extracting(MemberView::userId).contains(newcomer.id());
        assertThat(ownerView().members()).isSameAs(after);
    }

    /** Changed with shared governance: switching joint closing off now needs both sides' moderators. */
    @Test
    void joint_closing_goes_off_when_both_sides_agreed_and_the_history_says_so_once() {
        assertThat(as(f.observer, () -> workspaces.details(f.workspaceId).jointClosing())).isTrue();
        f.jointClosingOff(governance);
        assertThat(keyOf(() -> as(f.owner, () -> governance.proposeJointClosingOff(f.workspaceId))))
                .isEqualTo("error.proposal.nothingToChange");
        assertThat(as(f.observer, () -> workspaces.details(f.workspaceId).jointClosing())).isFalse();
        assertThat(as(f.observer, () -> history.timeline(f.workspaceId))).filteredOn(e -> e.kind()
                .startsWith("workspace.jointClosing")).singleElement()
                .satisfies(e -> assertThat(e.kind()).isEqualTo("workspace.jointClosingOff"));
    }

    @Test
    void a_member_sees_only_their_own_workspaces() {
        assertThat(as(f.participant, () -> workspaces.mine())).extracting(WorkspaceSummary::id)
                .containsExactly(f.workspaceId);
        assertThat(as(f.outsider, () -> workspaces.mine())).isEmpty();
        assertThat(keyOf(() -> as(f.participant, () -> workspaces.details(f.otherWorkspaceId))))
                .isEqualTo("error.notFoundOrNoAccess");
        assertThat(keyOf(() -> as(f.participant, () -> workspaces.details(Long.MAX_VALUE))))
                .isEqualTo("error.notFoundOrNoAccess");
    }

    @Test
    void bad_workspace_names_are_refused_and_nothing_is_created() {
        for (String bad : List.of("", "   ")) {
            assertThat(keyOf(() -> as(f.outsider, () -> workspaces.create(bad, "", List.of("A", "B"), 0))))
                    .isEqualTo("error.missing.workspaceName");
        }
        assertThat(keyOf(() -> as(f.outsider, () -> workspaces.create("x".repeat(121), "", List.of("A", "B"), 0))))
                .isEqualTo("error.length");
        assertThat(keyOf(() -> as(f.outsider, () -> workspaces.create("Fine", "", List.of("A", "a"), 0))))
                .isEqualTo("error.side.nameTaken");
        assertThat(keyOf(() -> as(f.outsider, () -> workspaces.create("Fine", "", List.of("A"), 0))))
                .isEqualTo("error.side.tooFew");
        assertThat(as(f.outsider, () -> workspaces.mine())).isEmpty();
    }

    @Test
    void a_side_with_members_cannot_be_deleted_but_an_empty_third_side_can() {
        assertThat(keyOf(() -> as(f.owner, () -> governance.proposeRemoveSide(f.workspaceId, f.civilSideId))))
                .isEqualTo("error.side.hasMembers");
        long borgere = f.addSide(governance, workspaces, "Borgere", "#1E7A4C");
        assertThat(ownerView().sides()).hasSize(3);
        assertThat(keyOf(() -> as(f.owner, () -> governance.proposeAddSide(f.workspaceId, "borgere", "#1E7A4C"))))
                .isEqualTo("error.side.nameTaken");
        f.agree(governance, g -> g.proposeRemoveSide(f.workspaceId, borgere));
        assertThat(ownerView().sides()).extracting(SideView::name).containsExactly("Kommune", "Civilsamfund");
    }

    @Test
    void renaming_a_side_to_a_taken_or_too_long_name_changes_nothing() {
        assertThat(keyOf(() -> as(f.owner, () -> governance.proposeRenameSide(f.workspaceId, f.civilSideId,
                "KOMMUNE")))).isEqualTo("error.side.nameTaken");
        assertThat(keyOf(() -> as(f.owner, () -> governance.proposeRenameSide(f.workspaceId, f.civilSideId,
                "x".repeat(41))))).isEqualTo("error.length");
        assertThat(as(f.owner, () -> governance.pending(f.workspaceId))).isEmpty();
        assertThat(ownerView().sides().get(1).name()).isEqualTo("Civilsamfund");
    }

    @Test
    void role_and_side_changes_and_removals_are_recorded_with_actor_and_time() {
        as(f.owner, () -> workspaces.assign(f.workspaceId, f.participant.id(), Role.MODERATOR, f.municipalSideId));
        // An observer is on no side: both sides agree to their removal.
        f.agree(governance, g -> g.proposeRemoveObserver(f.workspaceId, f.observer.id()).orElseThrow());
        List<HistoryItem> timeline = as(f.owner, () -> history.timeline(f.workspaceId));
        HistoryItem changed = timeline.stream().filter(i -> i.kind().equals("member.changed")).findFirst().orElseThrow();
        assertThat(changed.actorId()).isEqualTo(f.owner.id());
        assertThat(changed.actorSideId()).isEqualTo(f.municipalSideId);
        assertThat(changed.subjectUserId()).isEqualTo(f.participant.id());
        assertThat(changed.detail()).contains("oldRole=PARTICIPANT", "newRole=MODERATOR",
                "newSide=" + f.municipalSideId);
        assertThat(changed.occurredAt()).isNotNull();
        HistoryItem removed = timeline.stream().filter(i -> i.kind().equals("member.removed")).findFirst().orElseThrow();
        assertThat(removed.subjectUserId()).isEqualTo(f.observer.id());
        assertThat(timeline).extracting(HistoryItem::kind).contains("workspace.created", "member.joined",
                "invitation.created");
        assertThat(keyOf(() -> as(f.observer, () -> workspaces.details(f.workspaceId))))
                .isEqualTo("error.notFoundOrNoAccess");
    }

    @Test
    void the_owner_cannot_be_removed() {
        assertThat(keyOf(() -> as(f.owner, () -> {
            workspaces.remove(f.workspaceId, f.owner.id());
            return null;
        }))).isEqualTo("error.member.ownerCannotBeRemoved");
    }

    @Test
    void registering_a_taken_name_answers_as_for_a_free_one_with_a_drawn_number() {
        UserSummary first = accounts.register("unique-anna", "Anna", "bla-hest-tromme-7");
        UserSummary second = accounts.register("Unique-Anna", "Anna 2", "bla-hest-tromme-7");

        assertThat(first.username()).matches("unique-anna\\.\\d{4}");
        assertThat(second.username()).matches("unique-anna\\.\\d{4}").isNotEqualTo(first.username());
        assertThat(keyOf(() -> accounts.register("short-pw", "Anna", "1234567")))
                .isEqualTo("error.password.length");
    }
}
