package dk.ligevaerd.workspace.ui;

import static dk.ligevaerd.testing.DemoUsers.CIVIL1;
import static dk.ligevaerd.testing.DemoUsers.KOMMUNE1;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.testing.DemoAppContext;
import dk.ligevaerd.testing.RunAs;
import dk.ligevaerd.workspace.GovernanceService;
import dk.ligevaerd.workspace.InvitationService;
import dk.ligevaerd.workspace.ProposalView;
import dk.ligevaerd.workspace.RetentionRule;
import dk.ligevaerd.workspace.Role;
import dk.ligevaerd.workspace.WorkspaceService;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/** The retention rule on the settings tab, and what an archived workspace's pages offer. */
@DemoAppContext
@ViewPackages(packages = "dk.ligevaerd")
class RetentionViewIT extends SpringBrowserlessTest {

    @Autowired WorkspaceService workspaces;
    @Autowired InvitationService invitations;
    @Autowired GovernanceService governance;
    @Autowired AccountService accounts;
    @Autowired JdbcTemplate jdbc;

    /** A workspace of KOMMUNE1's with CIVIL1 as civil society's moderator. */
    private long workspace(String name) {
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
    void a_moderator_proposes_a_retention_rule_that_waits_for_the_other_side_and_reads_in_words() {
        long id = workspace("Opbevaring");
        navigate("workspace/" + id + "/settings", WorkspaceView.class);
        assertThat($(Paragraph.class).id("settings-retention-current").getText())
                .isEqualTo(Messages.get(Messages.DANISH, "settings.retention.current",
                        Messages.get(Messages.DANISH, "retention.none")));

        $(IntegerField.class).id("settings-retention-idle").setValue(12);
        $(IntegerField.class).id("settings-retention-delete").setValue(24);
        test($(Button.class).id("settings-propose-retention")).click();

        List<ProposalView> pending = RunAs.user(accounts, CIVIL1, () -> governance.pending(id));
        assertThat(pending).singleElement().satisfies(p -> assertThat(p.text()).isEqualTo("idle=12;delete=24"));
        assertThat($(Div.class).id("proposal-" + pending.getFirst().id()).getElement().getTextRecursively())
                .contains("Fastsæt opbevaringsreglen: arkivér efter 12 måneder uden aktivitet; "
                        + "slet 24 måneder efter arkiveringen");
        assertThat(workspaces.details(id).retention()).as("Civilsamfund has not agreed").isEqualTo(RetentionRule.NONE);
    }

    @Test
    @WithUserDetails(KOMMUNE1)
    void an_archived_workspace_says_so_and_offers_no_editing() {
        long id = workspace("Arkiveret");
        jdbc.update("update workspace set archived_at = current_timestamp, version = version + 1 where id = ?", id);

        navigate("workspace/" + id + "/priorities", WorkspaceView.class);
        Div banner = $(Div.class).id("workspace-archived");
        assertThat(banner.isVisible()).isTrue();
        assertThat(banner.getElement().getAttribute("role")).isEqualTo("status");
        assertThat(banner.getElement().getTextRecursively()).startsWith("Arkiveret, skrivebeskyttet siden");
        assertThat($(Button.class).withId("propose-priority").exists()).as("no visible propose button").isFalse();

        navigate("workspace/" + id + "/settings", WorkspaceView.class);
        assertThat($(Button.class).withId("settings-propose-retention").exists()).isFalse();
        assertThat($(Button.class).withId("settings-propose-delete").exists()).isFalse();
        assertThat($(Button.class).withId("settings-save").exists()).as("no visible save button").isFalse();
        test($(Button.class).id("settings-propose-unarchive")).click();
        assertThat(RunAs.user(accounts, CIVIL1, () -> governance.pending(id))).singleElement()
                .satisfies(p -> assertThat(p.canConfirm()).isTrue());
    }
}
