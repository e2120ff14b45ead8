package dk.ligevaerd.workspace.ui;

import static dk.ligevaerd.testing.DemoUsers.CIVIL1;
import static dk.ligevaerd.testing.DemoUsers.KOMMUNE1;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;
import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.testing.DemoAppContext;
import dk.ligevaerd.testing.RunAs;
import dk.ligevaerd.workspace.GovernanceService;
import dk.ligevaerd.workspace.InvitationService;
import dk.ligevaerd.workspace.ProposalView;
import dk.ligevaerd.workspace.Role;
import dk.ligevaerd.workspace.WorkspaceService;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * Whoever makes a proposal sees it among the pending ones on their own page as soon as the click
 * is answered, not when the live event that tells every other page comes round.
 */
@DemoAppContext
@ViewPackages(packages = "dk.ligevaerd")
class ProposalShownAtOnceIT extends SpringBrowserlessTest {

    @Autowired WorkspaceService workspaces;
    @Autowired InvitationService invitations;
    @Autowired GovernanceService governance;
    @Autowired AccountService accounts;

    @Test
    @WithUserDetails(KOMMUNE1)
    void a_proposed_new_side_is_listed_as_waiting_on_the_proposer_s_page_when_the_click_is_answered() {
        long id = RunAs.user(accounts, KOMMUNE1, () -> {
            long created = workspaces.create("Nye sider", "", List.of("Kommune", "Civilsamfund"), 0);
            long civil = workspaces.details(created).sides().get(1).id();
            String token = invitations.create(created, civil, Role.MODERATOR, Duration.ofDays(1)).token();
            RunAs.user(accounts, CIVIL1, () -> invitations.accept(token));
            return created;
        });
        navigate("workspace/" + id + "/sides", WorkspaceView.class);

        $(TextField.class).id("new-side-name").setValue("Erhvervsliv");
        test($(Button.class).id("add-side")).click();

        List<ProposalView> pending = governance.pending(id);
        assertThat(pending).singleElement();
        assertThat($(Div.class).id("proposal-" + pending.getFirst().id()).getElement().getTextRecursively())
                .contains("Erhvervsliv");
    }
}
