package dk.ligevaerd.workspace.ui;

import static dk.ligevaerd.testing.DemoUsers.CIVIL1;
import static dk.ligevaerd.testing.DemoUsers.KOMMUNE1;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.server.VaadinSession;
import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.testing.DemoAppContext;
import dk.ligevaerd.testing.RunAs;
import dk.ligevaerd.workspace.GovernanceService;
import dk.ligevaerd.workspace.InvitationService;
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
}
