package dk.ligevaerd.ui;

import static dk.ligevaerd.testing.DemoUsers.KOMMUNE1;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.html.Anchor;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.testing.DemoAppContext;
import dk.ligevaerd.workspace.ui.WorkspaceListView;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;

/** Without a configured accessibility statement the footer has no link to one. */
@DemoAppContext
@ViewPackages(packages = "dk.ligevaerd")
@WithUserDetails(KOMMUNE1)
class AccessibilityStatementAbsentIT extends SpringBrowserlessTest {

    @Test
    void without_a_configured_statement_there_is_no_link() {
        navigate(WorkspaceListView.class);
        assertThat($(Anchor.class).withId("accessibility-statement").all()).isEmpty();
    }
}
