package dk.ligevaerd.workspace.ui;

import static dk.ligevaerd.testing.DemoUsers.KOMMUNE1;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dk.ligevaerd.priority.PriorityService;
import dk.ligevaerd.priority.ValueLens;
import dk.ligevaerd.round.RoundDraft;
import dk.ligevaerd.round.RoundService;
import dk.ligevaerd.round.RoundState;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.statement.StatementService;
import dk.ligevaerd.testing.DemoAppContext;
import dk.ligevaerd.workspace.GovernanceService;
import dk.ligevaerd.workspace.WorkspaceService;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * Forms of one required field say what is missing under the field itself, at once, as the larger
 * forms do, and send nothing: the version's name, a side's name (new or renamed), the reason for
 * cancelling a round and the workspace's name in its settings.
 */
@DemoAppContext
@ViewPackages(packages = "dk.ligevaerd")
class SingleFieldFormsIT extends SpringBrowserlessTest {

    @Autowired WorkspaceService workspaces;
    @Autowired GovernanceService governance;
    @Autowired StatementService statements;
    @Autowired PriorityService priorities;
    @Autowired RoundService rounds;

    private long workspaceId;
    private String name;

    private void create() {
        name = "Felter " + UUID.randomUUID().toString().substring(0, 6);
        workspaceId = workspaces.create(name, "", List.of("Kommune", "Civilsamfund"), 0);
    }

    @Test
    @WithUserDetails(KOMMUNE1)
    void an_empty_version_name_is_marked_under_the_field_and_no_version_is_saved() {
        create();
        open("statement");

        $(Button.class).id("save-version").click();

        TextField field = $(TextField.class).id("version-name");
        assertThat(field.isInvalid()).isTrue();
        assertThat(field.getErrorMessage()).isEqualTo(da("error.missing.versionName"));
        assertThat(statements.versions(workspaceId)).isEmpty();
    }

    @Test
    @WithUserDetails(KOMMUNE1)
    void an_empty_name_for_a_new_side_or_a_renamed_one_is_marked_under_the_field_and_nothing_is_proposed() {
        create();
        open("sides");

        $(Button.class).id("add-side").click();

        TextField added = $(TextField.class).id("new-side-name");
        assertThat(added.isInvalid()).isTrue();
        assertThat(added.getErrorMessage()).isEqualTo(da("error.missing.sideName"));
        assertThat($(Paragraph.class).id("new-side-error").getText()).isEmpty();

        long sideId = workspaces.details(workspaceId).sides().getFirst().id();
        TextField renamed = $(TextField.class).id("side-name-" + sideId);
        renamed.setValue("   ");
        $(Button.class).id("side-rename-" + sideId).click();

        assertThat(renamed.isInvalid()).isTrue();
        assertThat(renamed.getErrorMessage()).isEqualTo(da("error.missing.sideName"));
        assertThat(governance.pending(workspaceId)).isEmpty();
    }

    @Test
    @WithUserDetails(KOMMUNE1)
    void an_empty_reason_for_cancelling_a_round_is_marked_under_the_field_and_the_round_stays() {
        create();
        long a = priorities.propose(workspaceId, "Flere bænke", "", Set.of(ValueLens.PARTICIPATION));
        long b = priorities.propose(workspaceId, "Mere lys", "", Set.of(ValueLens.PARTICIPATION));
        long roundId = rounds.create(workspaceId, RoundDraft.dots("Hvad først?", List.of(a, b), 5, 5, 1));
        open("rounds");

        $(Button.class).id("round-cancel-" + roundId).click();
        $(Button.class).id("round-cancel-confirm").click();

        TextArea reason = $(TextArea.class).id("round-cancel-reason");
        assertThat(reason.isInvalid()).isTrue();
        assertThat(reason.getErrorMessage()).isEqualTo(da("error.missing.cancelReason"));
        assertThat(rounds.get(workspaceId, roundId).state()).isEqualTo(RoundState.DRAFT);
    }

    @Test
    @WithUserDetails(KOMMUNE1)
    void an_emptied_workspace_name_in_the_settings_is_marked_under_the_field_and_not_saved() {
        create();
        open("settings");

        TextField field = $(TextField.class).id("settings-name");
        field.setValue("");
        $(Button.class).id("settings-save").click();

        assertThat(field.isInvalid()).isTrue();
        assertThat(field.getErrorMessage()).isEqualTo(da("error.missing.workspaceName"));
        assertThat($(Paragraph.class).id("settings-error").getText()).isEmpty();
        assertThat(workspaces.details(workspaceId).name()).isEqualTo(name);
    }

    private void open(String section) {
        navigate(WorkspaceView.class, Map.of("workspaceId", String.valueOf(workspaceId), "section", section));
    }

    private static String da(String key) {
        return Messages.get(Messages.DANISH, key);
    }
}
