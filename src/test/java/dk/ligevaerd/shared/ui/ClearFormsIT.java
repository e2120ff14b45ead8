package dk.ligevaerd.shared.ui;

import static dk.ligevaerd.testing.DemoUsers.KOMMUNE1;
import static dk.ligevaerd.testing.DemoUsers.WORKSPACE;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.account.ui.RegisterView;
import dk.ligevaerd.priority.domain.Priority;
import dk.ligevaerd.round.RoundService;
import dk.ligevaerd.round.domain.DecisionRound;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.testing.DemoAppContext;
import dk.ligevaerd.workspace.WorkspaceService;
import dk.ligevaerd.workspace.WorkspaceSummary;
import dk.ligevaerd.workspace.ui.WorkspaceListView;
import dk.ligevaerd.workspace.ui.WorkspaceView;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * Forms say what is missing in plain words, all of it at once, and a field with a length limit
 * counts towards it and shows when it is reached.
 */
@DemoAppContext
@ViewPackages(packages = "dk.ligevaerd")
class ClearFormsIT extends SpringBrowserlessTest {

    @Autowired WorkspaceService workspaces;
    @Autowired AccountService accounts;
    @Autowired RoundService rounds;

    @Test
    void an_empty_registration_names_every_missing_field_at_once() {
        navigate(RegisterView.class);

        test($(Button.class).id("register-submit")).click();

        TextField username = $(TextField.class).id("register-username");
        TextField displayName = $(TextField.class).id("register-display-name");
        PasswordField password = $(PasswordField.class).id("register-password");
        PasswordField repeat = $(PasswordField.class).id("register-repeat");
        assertThat(List.of(username.isInvalid(), displayName.isInvalid(), password.isInvalid(), repeat.isInvalid()))
                .containsOnly(true);
        assertThat(username.getErrorMessage()).isEqualTo(da("error.missing.username"));
        assertThat(displayName.getErrorMessage()).isEqualTo(da("error.missing.displayName"));
        assertThat(password.getErrorMessage()).isEqualTo(da("error.missing.password"));
        assertThat(repeat.getErrorMessage()).isEqualTo(da("error.missing.passwordRepeat"));
    }

    @Test
    @WithUserDetails(KOMMUNE1)
    void a_new_workspace_without_names_names_every_missing_one() {
        int before = workspaces.mine().size();
        navigate(WorkspaceListView.class);
        test($(Button.class).id("new-workspace")).click();
        test($(TextField.class).id("side-1")).setValue("");
        test($(TextField.class).id("side-2")).setValue("");

        test($(Button.class).id("create-workspace")).click();

        assertThat($(TextField.class).id("workspace-name").getErrorMessage())
                .isEqualTo(da("error.missing.workspaceName"));
        assertThat($(TextField.class).id("side-1").getErrorMessage()).isEqualTo(da("error.missing.sideName"));
        assertThat($(TextField.class).id("side-2").getErrorMessage()).isEqualTo(da("error.missing.sideName"));
        assertThat(workspaces.mine()).hasSize(before);
    }

    @Test
    @WithUserDetails(KOMMUNE1)
    void a_new_round_without_title_or_priorities_names_both() {
        int before = rounds.list(demo()).size();
        openTab("tab-rounds");
        $(Button.class).id("round-new").click();

        test($(Button.class).id("round-save")).click();

        TextField title = $(TextField.class).id("round-title");
        @SuppressWarnings("unchecked")
        CheckboxGroup<Object> chosen = $(CheckboxGroup.class).id("round-priorities");
        assertThat(title.isInvalid()).isTrue();
        assertThat(title.getErrorMessage()).isEqualTo(da("error.missing.roundTitle"));
        assertThat(chosen.isInvalid()).isTrue();
        assertThat(chosen.getErrorMessage()).isEqualTo(da("error.missing.roundPriorities", DecisionRound.MIN_OPTIONS));
        assertThat(rounds.list(demo())).hasSize(before);
    }

    @Test
    @WithUserDetails(KOMMUNE1)
    void a_priority_title_counts_towards_its_limit_and_says_when_it_is_reached() {
        openTab("tab-priorities");
        $(Button.class).id("propose-priority").click();
        TextField title = $(TextField.class).id("priority-title");

        assertThat(title.getElement().getProperty("maxlength", 0)).isEqualTo(Priority.TITLE_MAX_LENGTH);
        assertThat(counter(title).getText()).isEqualTo(da("field.counter", 0, Priority.TITLE_MAX_LENGTH));
        test(title).setValue("Flere besøgsvenner");
        assertThat(counter(title).getText()).isEqualTo(da("field.counter", 18, Priority.TITLE_MAX_LENGTH));
        assertThat(counter(title).hasClassName("at-limit")).isFalse();
        test(title).setValue("x".repeat(Priority.TITLE_MAX_LENGTH));
        assertThat(counter(title).getText())
                .isEqualTo(da("field.counter.full", Priority.TITLE_MAX_LENGTH, Priority.TITLE_MAX_LENGTH));
        assertThat(counter(title).hasClassName("at-limit")).isTrue();

        test(title).setValue("");
        test($(Button.class).id("priority-save")).click();
        assertThat(title.getErrorMessage()).isEqualTo(da("error.missing.priorityTitle"));
        assertThat($(CheckboxGroup.class).id("priority-lenses").isInvalid()).as("the lenses were missing too")
                .isTrue();
    }

    private Span counter(TextField field) {
        return $(Span.class).from(field).withClassName("length-counter").single();
    }

    private long demo() {
        return workspaces.mine().stream().filter(w -> w.name().equals(WORKSPACE)).findFirst()
                .map(WorkspaceSummary::id).orElseThrow();
    }

    private void openTab(String tabId) {
        navigate(WorkspaceView.class, Map.of("workspaceId", String.valueOf(demo())));
        $(TabSheet.class).single().setSelectedTab($(Tab.class).id(tabId));
    }

    private static String da(String key, Object... arguments) {
        return Messages.get(Messages.DANISH, key, arguments);
    }
}
