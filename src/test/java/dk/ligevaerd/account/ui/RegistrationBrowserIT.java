package dk.ligevaerd.account.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dk.ligevaerd.testing.DemoUsers.KOMMUNE1;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dk.ligevaerd.account.domain.UserAccount;
import dk.ligevaerd.browser.BrowserSupport;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.testing.RunningDemoApp;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The first minutes in a real browser: an account is ready to use at once, and a mistyped password costs no retyping. */
@RunningDemoApp
class RegistrationBrowserIT {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @LocalServerPort
    int port;

    @Test
    void a_new_person_is_signed_in_as_soon_as_the_account_exists() {
        String username = "ny-" + UUID.randomUUID().toString().substring(0, 8);
        Page page = browser.newContext(base()).newPage();
        page.navigate("/register");
        page.locator("#register-username input").fill(username);
        page.locator("#register-display-name input").fill("Nanna Ny");
        page.locator("#register-password input").fill("bla-hest-tromme-7");
        page.locator("#register-repeat input").fill("bla-hest-tromme-7");
        page.locator("#register-submit").click();

        assertThat(page.locator("#workspace-list")).isVisible();
        assertThat(page).not().hasURL(Pattern.compile(".*(login|register|username=).*"));
        assertThat(page.locator("#current-user")).hasText("Nanna Ny");
        // The name to log in with next time, drawn number included, stays on screen until closed.
        assertThat(page.locator("#new-username")).hasText(Pattern.compile(username + "\\.\\d{4}"));
    }

    @Test
    void a_wrong_password_keeps_the_username_in_the_field() {
        Page page = browser.newContext(base()).newPage();
        page.navigate("/login");
        page.locator("vaadin-login-form input[name='username']").fill(KOMMUNE1);
        page.locator("vaadin-login-form input[name='password']").fill("not-the-password");
        page.locator("vaadin-login-form vaadin-button[slot='submit']").click();

        assertThat(page).hasURL(Pattern.compile(".*/login\\?error$"));
        assertThat(page.locator("vaadin-login-form")).containsText(Messages.get(Messages.DANISH, "login.error.title"));
        assertThat(page.locator("vaadin-login-form input[name='username']")).hasValue(KOMMUNE1);
    }

    @Test
    void a_limited_field_counts_while_typing_and_stops_visibly_at_its_limit() {
        Page page = browser.newContext(base()).newPage();
        page.navigate("/register");
        Locator field = page.locator("#register-username input");
        Locator counter = page.locator("#register-username .length-counter");
        int max = UserAccount.REQUESTED_USERNAME_MAX_LENGTH;
        assertThat(counter).hasText(Messages.get(Messages.DANISH, "field.counter", 0, max));

        field.pressSequentially("anna");

        assertThat(counter).hasText(Messages.get(Messages.DANISH, "field.counter", 4, max));
        assertThat(counter).not().hasClass(Pattern.compile(".*at-limit.*"));

        field.pressSequentially("x".repeat(max));

        assertThat(field).hasValue("anna" + "x".repeat(max - 4));
        assertThat(counter).hasText(Messages.get(Messages.DANISH, "field.counter.full", max, max));
        assertThat(counter).hasClass(Pattern.compile(".*at-limit.*"));
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
