package dk.ligevaerd.account.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.QueryParameters;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.testing.DemoAppContext;
import org.junit.jupiter.api.Test;

@DemoAppContext
@ViewPackages(packages = "dk.ligevaerd")
class LoginViewIT extends SpringBrowserlessTest {

    @Test
    void the_login_form_posts_to_spring_security_in_danish_by_default() {
        navigate(LoginView.class);

        LoginForm form = $(LoginForm.class).single();
        assertThat(form.getAction()).isEqualTo("login");
        assertThat(form.isForgotPasswordButtonVisible()).isFalse();
        assertThat(form.isError()).isFalse();
        assertThat($(Paragraph.class).withClassName("tagline").single().getText())
                .isEqualTo(Messages.get(Messages.DANISH, "login.tagline"));
        assertThat($(Div.class).id("login-notice").getText()).isEmpty();
        // No organisation is configured in this application: no sign-in links for one.
        assertThat($(Div.class).withId("organisation-sign-in").all()).isEmpty();
        assertThat($(Anchor.class).withClassName("organisation-sign-in-link").all()).isEmpty();
    }

    @Test
    void a_failed_sign_in_with_an_organisation_says_so() {
        openLogin(QueryParameters.fromString("provider-error"));

        assertThat($(Div.class).id("login-notice").getText())
                .isEqualTo(Messages.get(Messages.DANISH, "login.providerError"));
        assertThat($(Div.class).id("login-notice").getElement().getAttribute("role")).isEqualTo("alert");
        assertThat($(LoginForm.class).single().isError()).isFalse();
    }

    @Test
    void a_failed_login_shows_the_error() {
        openLogin(QueryParameters.fromString("error"));

        assertThat($(LoginForm.class).single().isError()).isTrue();
    }

    @Test
    void a_new_account_is_told_to_log_in() {
        openLogin(QueryParameters.fromString("created&username=ny"));

        assertThat($(Div.class).id("login-notice").getText())
                .isEqualTo(Messages.get(Messages.DANISH, "login.accountCreated"));
    }

    @Test
    void a_new_account_is_told_the_username_it_was_given() {
        openLogin(QueryParameters.fromString("created&username=anna.4821"));

        assertThat($(Span.class).id("login-username").getText()).isEqualTo("anna.4821");
        assertThat($(Div.class).id("login-notice").getElement().getTextRecursively())
                .contains(Messages.get(Messages.DANISH, "login.yourUsername", "anna.4821"));
    }

    @Test
    void a_held_back_login_is_told_how_long_to_wait() {
        openLogin(QueryParameters.fromString("locked=7"));

        assertThat($(Div.class).id("login-notice").getText())
                .isEqualTo(Messages.get(Messages.DANISH, "login.locked", 7));
        assertThat($(Div.class).id("login-notice").getElement().getAttribute("role")).isEqualTo("alert");
    }

    @Test
    void an_anonymous_visitor_is_sent_to_the_login_page() {
        LoginView shown = navigate("", LoginView.class);

        assertThat(shown).isSameAs(getCurrentView());
    }

    /** The browserless {@code navigate(String)} takes a path only; query parameters go through the UI. */
    private void openLogin(QueryParameters parameters) {
        UI.getCurrent().navigate("login", parameters);
        assertThat(getCurrentView()).isInstanceOf(LoginView.class);
    }
}
