package dk.ligevaerd.workspace.ui;

import static dk.ligevaerd.testing.DemoUsers.CIVIL1;
import static dk.ligevaerd.testing.DemoUsers.KOMMUNE1;
import static dk.ligevaerd.testing.DemoUsers.OBSERVER1;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.server.VaadinSession;
import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.testing.DemoAppContext;
import dk.ligevaerd.testing.RunAs;
import dk.ligevaerd.workspace.GovernanceService;
import dk.ligevaerd.workspace.InvitationService;
import dk.ligevaerd.workspace.MemberView;
import dk.ligevaerd.workspace.ProposalKind;
import dk.ligevaerd.workspace.ProposalView;
import dk.ligevaerd.workspace.Role;
import dk.ligevaerd.workspace.WorkspaceService;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/** What the workspace page shows of shared governance: the forming notice and pending proposals. */
@DemoAppContext
@ViewPackages(packages = "dk.ligevaerd")
class GovernanceViewIT extends SpringBrowserlessTest {

    @Autowired WorkspaceService workspaces;
    @Autowired InvitationService invitations;
    @Autowired GovernanceService governance;
    @Autowired AccountService accounts;

    /** A workspace of KOMMUNE1's with CIVIL1 as civil society's moderator, and a proposal from Kommune. */
    private long workspaceWithProposal(String name) {
        return RunAs.user(accounts, KOMMUNE1, () -> {
            long id = workspaces.create(name, "", List.of("Kommune", "Civilsamfund"), 0);
            long civil = workspaces.details(id).sides().get(1).id();
            String token = invitations.create(id, civil, Role.MODERATOR, Duration.ofDays(1)).token();
            RunAs.user(accounts, CIVIL1, () -> invitations.accept(token));
            return id;
        });
    }

    @Test
    @WithUserDetails(KOMMUNE1)
    void a_forming_workspace_says_which_side_still_needs_a_moderator() {
        long id = workspaces.create("Endnu ikke dannet", "", List.of("Kommune", "Civilsamfund"), 0);
        navigate("workspace/" + id + "/people", WorkspaceView.class);
        assertThat($(Paragraph.class).id("forming-notice").getText())
                .isEqualTo(Messages.get(Messages.DANISH, "workspace.forming", "Civilsamfund"));
    }

    @Test
    @WithUserDetails(CIVIL1)
    void the_other_sides_moderator_sees_what_waits_for_their_side_and_confirms_it() {
        long id = workspaceWithProposal("Fælles styring");
        long proposal = RunAs.user(accounts, KOMMUNE1, () -> governance.proposeJointClosingOff(id));
        navigate("workspace/" + id + "/settings", WorkspaceView.class);

        assertThat($(Tab.class).all().stream().map(t -> t.getId().orElse("")).toList())
                .as("a side's moderator has the governance tabs, not only the owner")
                .contains("tab-sides", "tab-invitations", "tab-settings");
        Div card = $(Div.class).id("proposal-" + proposal);
        assertThat(card.getElement().getTextRecursively())
                .contains(Messages.get(Messages.DANISH, "proposal.kind.joint_closing_off"))
                .contains(Messages.get(Messages.DANISH, "proposal.waiting", "Civilsamfund"))
                .contains(Messages.get(Messages.DANISH, "proposal.confirmedBy", "Kommune",
                        accounts.findByUsername(KOMMUNE1).orElseThrow().displayName()));

        test($(Button.class).id("proposal-confirm-" + proposal)).click();
        VaadinSession session = VaadinSession.getCurrent();
        session.getService().runPendingAccessTasks(session);

        assertThat(workspaces.details(id).jointClosing()).isFalse();
        assertThat($(Div.class).withId("proposal-" + proposal).exists()).as("no longer pending").isFalse();
    }

    @Test
    @WithUserDetails(KOMMUNE1)
    void the_proposer_sees_who_still_has_to_confirm_and_can_withdraw_but_not_confirm_twice() {
        long id = workspaceWithProposal("Venter på civilsamfundet");
        long proposal = governance.proposeJointClosingOff(id);
        navigate("workspace/" + id + "/settings", WorkspaceView.class);

        Div card = $(Div.class).id("proposal-" + proposal);
        assertThat(card.getElement().getTextRecursively())
                .contains(Messages.get(Messages.DANISH, "proposal.waiting", "Civilsamfund"));
        assertThat($(Button.class).withId("proposal-confirm-" + proposal).exists()).isFalse();

        test($(Button.class).id("proposal-withdraw-" + proposal)).click();
        VaadinSession session = VaadinSession.getCurrent();
        session.getService().runPendingAccessTasks(session);
        assertThat($(Div.class).withId("proposal-" + proposal).exists()).isFalse();
        assertThat(workspaces.details(id).jointClosing()).isTrue();
    }

    /** OBSERVER1 joins the workspace as an observer, on no side; their user id. */
    private long withObserver(long workspaceId) {
        return RunAs.user(accounts, KOMMUNE1, () -> {
            String token = invitations.create(workspaceId, null, Role.OBSERVER, Duration.ofDays(1)).token();
            RunAs.user(accounts, OBSERVER1, () -> invitations.accept(token));
            return accounts.findByUsername(OBSERVER1).orElseThrow().id();
        });
    }

    private Role roleOf(long workspaceId, long userId) {
        return workspaces.details(workspaceId).members().stream().filter(m -> m.userId() == userId)
                .map(MemberView::role).findFirst().orElseThrow();
    }

    private void runPendingTasks() {
        VaadinSession session = VaadinSession.getCurrent();
        session.getService().runPendingAccessTasks(session);
    }

    @Test
    @WithUserDetails(CIVIL1)
    void one_sides_moderator_removing_an_observer_proposes_it_and_the_observer_stays_until_kommune_confirms() {
        long id = workspaceWithProposal("Observatøren bliver");
        long observer = withObserver(id);
        navigate("workspace/" + id + "/people", WorkspaceView.class);

        test($(Button.class).id("member-remove-" + observer)).click();
        ConfirmDialog dialog = $(ConfirmDialog.class).single();
        assertThat(test(dialog).getText()).isEqualTo(Messages.get(Messages.DANISH, "member.removeObserverExplanation"));
        test(dialog).confirm();
        runPendingTasks();

        assertThat(roleOf(id, observer)).as("still in the workspace, on no side").isEqualTo(Role.OBSERVER);
        ProposalView removal = governance.pending(id).getFirst();
        assertThat(removal.kind()).isEqualTo(ProposalKind.REMOVE_OBSERVER);
        navigate("workspace/" + id + "/people", WorkspaceView.class);
        String observerName = accounts.findByUsername(OBSERVER1).orElseThrow().displayName();
        assertThat($(Div.class).id("proposal-" + removal.id()).getElement().getTextRecursively())
                .contains(Messages.get(Messages.DANISH, "proposal.kind.remove_observer", "", "", observerName, ""))
                .contains(Messages.get(Messages.DANISH, "proposal.waiting", "Kommune"));
    }

    @Test
    @WithUserDetails(CIVIL1)
    void one_sides_moderator_taking_an_observer_into_their_side_proposes_it_and_the_observer_stays_on_no_side() {
        long id = workspaceWithProposal("Observatøren vælger ikke side");
        long observer = withObserver(id);
        navigate("workspace/" + id + "/people", WorkspaceView.class);

        test($(Button.class).id("member-change-" + observer)).click();
        assertThat($(Paragraph.class).all().stream().map(Paragraph::getText).toList())
                .contains(Messages.get(Messages.DANISH, "member.observerJoinsExplanation"));
        test($(Select.class).id("assign-role")).selectItem(Messages.get(Messages.DANISH, "role.participant"));
        test($(Select.class).id("assign-side")).selectItem("Civilsamfund");
        test($(Button.class).id("assign-save")).click();
        runPendingTasks();

        assertThat(roleOf(id, observer)).as("on no side until Kommune confirms").isEqualTo(Role.OBSERVER);
        ProposalView seat = governance.pending(id).getFirst();
        assertThat(seat.kind()).isEqualTo(ProposalKind.OBSERVER_JOINS_SIDE);
        assertThat(seat.role()).isEqualTo(Role.PARTICIPANT);
        assertThat(seat.targetSideId()).isEqualTo(workspaces.details(id).sides().get(1).id());
    }
}
