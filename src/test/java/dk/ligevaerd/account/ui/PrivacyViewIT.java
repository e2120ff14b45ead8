package dk.ligevaerd.account.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.server.VaadinSession;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.testing.DemoAppContext;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** The privacy notice: open to visitors, linked from the login page, the controller's details from configuration. */
@DemoAppContext
@TestPropertySource(properties = {"ligevaerd.privacy.controller-name=Vestby Kommune",
        "ligevaerd.privacy.controller-address=Rådhuspladsen 1, 9999 Vestby",
        "ligevaerd.privacy.controller-email=persondata@vestby.example",
        "ligevaerd.privacy.dpo-contact=dpo@vestby.example"})
@ViewPackages(packages = "dk.ligevaerd")
class PrivacyViewIT extends SpringBrowserlessTest {

    @Test
    void a_visitor_reaches_the_notice_from_the_login_page_and_reads_the_configured_controller_in_both_languages() {
        navigate(LoginView.class);
        Anchor link = $(Anchor.class).id("privacy-link");
        assertThat(link.getHref()).isEqualTo("privacy");
        assertThat(link.getText()).isEqualTo(Messages.get(Messages.DANISH, "privacy.title"));

        for (Locale locale : new Locale[] {Messages.DANISH, Messages.ENGLISH}) {
            UI.getCurrent().setLocale(locale);
            VaadinSession.getCurrent().setLocale(locale);
            // Away and back, so the page is built anew in the new language.
            navigate(LoginView.class);
            navigate(PrivacyView.class);
            assertThat($(H1.class).single().getText()).isEqualTo(Messages.get(locale, "privacy.title"));
            String controller = $(DescriptionList.class).id("privacy-controller").getElement().getTextRecursively();
            assertThat(controller).contains(Messages.get(locale, "privacy.controller.name"), "Vestby Kommune",
                    "Rådhuspladsen 1, 9999 Vestby", "persondata@vestby.example",
                    Messages.get(locale, "privacy.controller.dpo"), "dpo@vestby.example")
                    .doesNotContain(Messages.get(locale, "privacy.notSet"));
            assertThat($(Anchor.class).id("privacy-my-data").getHref()).isEqualTo("my-data");
        }
    }
}
