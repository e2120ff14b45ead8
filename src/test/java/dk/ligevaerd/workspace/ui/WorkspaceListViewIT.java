package dk.ligevaerd.workspace.ui;

import static dk.ligevaerd.testing.DemoUsers.CIVIL_SOCIETY;
import static dk.ligevaerd.testing.DemoUsers.KOMMUNE1;
import static dk.ligevaerd.testing.DemoUsers.MUNICIPALITY;
import static dk.ligevaerd.testing.DemoUsers.WORKSPACE;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.testing.DemoAppContext;
import dk.ligevaerd.workspace.WorkspaceService;
import dk.ligevaerd.workspace.WorkspaceSummary;
import dk.ligevaerd.workspace.domain.Workspace;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

@DemoAppContext
@ViewPackages(packages = "dk.ligevaerd")
@WithUserDetails(KOMMUNE1)
class WorkspaceListViewIT extends SpringBrowserlessTest {

    @Autowired
    WorkspaceService workspaces;

    @Test
    void the_owner_sees_the_demo_workspace_as_a_card() {
        navigate(WorkspaceListView.class);

        Div list = $(Div.class).id("workspace-list");
        List<String> names = $(H2.class).from(list).all().stream().map(H2::getText).toList();
        assertThat(names).contains(WORKSPACE);
        String card = $(Div.class).from(list).withClassName("workspace-card").all().stream()
                .map(c -> c.getElement().getTextRecursively()).filter(text -> text.contains(WORKSPACE))
                .findFirst().orElseThrow();
        assertThat(card).contains(MUNICIPALITY, CIVIL_SOCIETY,
                Messages.get(Messages.DANISH, "role.moderator"), Messages.get(Messages.DANISH, "role.owner"));
    }

    @Test
    void a_name_that_is_too_long_is_refused_with_a_translated_message_and_creates_nothing() {
        List<WorkspaceSummary> before = workspaces.mine();
        navigate(WorkspaceListView.class);

        test($(Button.class).id("new-workspace")).click();
        // The browser stops typing at maxlength; a client that does not must still be refused.
        test($(TextField.class).id("workspace-name")).setValue("x".repeat(Workspace.NAME_MAX_LENGTH + 1));
        test($(Button.class).id("create-workspace")).click();

        Paragraph error = $(Paragraph.class).withClassName("form-error").single();
        assertThat(error.getText()).isEqualTo(Messages.get(Messages.DANISH, "error.length",
                Messages.key("field.workspaceName"), 1, Workspace.NAME_MAX_LENGTH));
        assertThat($(Dialog.class).single().isOpened()).isTrue();
        assertThat(getCurrentView()).isInstanceOf(WorkspaceListView.class);
        assertThat(workspaces.mine()).isEqualTo(before);
    }

    @Test
    void a_valid_name_creates_the_workspace_and_opens_it() {
        navigate(WorkspaceListView.class);

        test($(Button.class).id("new-workspace")).click();
        test($(TextField.class).id("workspace-name")).setValue("Fælles madklub");
        test($(Button.class).id("create-workspace")).click();

        assertThat(getCurrentView()).isInstanceOf(WorkspaceView.class);
        assertThat(workspaces.mine()).extracting(WorkspaceSummary::name).contains("Fælles madklub");
    }
}
