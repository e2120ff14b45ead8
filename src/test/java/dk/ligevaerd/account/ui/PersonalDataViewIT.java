package dk.ligevaerd.account.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.PasswordField;
import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.account.UserSummary;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.support.Acting;
import dk.ligevaerd.testing.DemoAppContext;
import dk.ligevaerd.ui.MainLayout;
import dk.ligevaerd.workspace.ui.WorkspaceListView;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** The page "Your data and account": reached from the header, it downloads the data and erases the account. */
@DemoAppContext
@ViewPackages(packages = "dk.ligevaerd")
class PersonalDataViewIT extends SpringBrowserlessTest {

    @Autowired AccountService accounts;

    @Test
    void a_person_finds_the_page_in_the_header_is_told_a_wrong_confirmation_and_erases_with_their_username() {
        UserSummary me = accounts.registerDemoAccount("slet.mig." + System.nanoTime() % 100000, "Slet Mig",
                "bla-hest-tromme-7");
        Acting.as(me);
        // Under the workspace list (phones hide the name in the header) and in the header.
        navigate(WorkspaceListView.class);
        assertThat($(Anchor.class).id("footer-my-data").getHref()).isEqualTo("my-data");
        assertThat($(Anchor.class).id("footer-privacy").getHref()).isEqualTo("privacy");
        navigate(PersonalDataView.class);

        // The header's name leads to the account page, which leads here; this page offers the
        // download and the privacy notice.
        Anchor header = $(Anchor.class).id("current-user");
        assertThat(header.getText()).isEqualTo("Slet Mig");
        assertThat(header.getHref()).isEqualTo("account");
        navigate(AccountView.class);
        assertThat($(Anchor.class).id("my-data-link").getHref()).isEqualTo("my-data");
        navigate(PersonalDataView.class);
        assertThat($(MainLayout.class).all()).hasSize(1);
        assertThat($(Anchor.class).id("my-data-download").getText())
                .isEqualTo(Messages.get(Messages.DANISH, "myData.download.link"));
        assertThat($(Anchor.class).id("my-data-privacy").getHref()).isEqualTo("privacy");

        PasswordField confirmation = $(PasswordField.class).id("erase-confirmation");
        Button erase = $(Button.class).id("erase-account");
        test(confirmation).setValue("somebody-else");
        test(erase).click();
        assertThat($(Div.class).id("erase-error").getText())
                .isEqualTo(Messages.get(Messages.DANISH, "error.erase.confirmation"));
        assertThat(confirmation.isInvalid()).isTrue();
        assertThat(accounts.loadUserByUsername(me.username()).getUsername()).isEqualTo(me.username());

        test(confirmation).setValue(me.username());
        // The page logs out at once, which ends this login session under the test harness.
        assertThatThrownBy(() -> test(erase).click()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("invalidated");
        assertThatThrownBy(() -> accounts.loadUserByUsername(me.username()))
                .isInstanceOf(UsernameNotFoundException.class);
        assertThat(accounts.summaries(List.of(me.id())).get(me.id()).displayName()).startsWith("Tidligere medlem ");
    }
}
