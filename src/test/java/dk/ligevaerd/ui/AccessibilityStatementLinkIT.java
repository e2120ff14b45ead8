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
import org.springframework.test.context.TestPropertySource;

/** The footer links to the organisation's accessibility statement when it is configured. */
@DemoAppContext
@TestPropertySource(properties = "ligevaerd.accessibility-statement-url=https://www.was.digst.dk/ligevaerd-example-dk")
@ViewPackages(packages = "dk.ligevaerd")
@WithUserDetails(KOMMUNE1)
class AccessibilityStatementLinkIT extends SpringBrowserlessTest {

    @Test
    void a_configured_statement_is_linked_in_the_footer_in_the_page_language() {
        navigate(WorkspaceListView.class);
        Anchor link = $(Anchor.class).id("accessibility-statement");
        assertThat(link.getHref()).isEqualTo("https://www.was.digst.dk/ligevaerd-example-dk");
        assertThat(link.getText()).isEqualTo(Messages.get(Messages.DANISH, "footer.accessibilityStatement"));
        assertThat(link.getElement().getParent().getTag()).isEqualTo("footer");
    }
}
