package dk.ligevaerd.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dk.ligevaerd.testing.DemoUsers.CIVIL2;
import static dk.ligevaerd.testing.DemoUsers.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import dk.ligevaerd.browser.BrowserSupport;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.testing.RunningDemoApp;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Nobody is stranded on a bare error: an unknown address and a bad invitation link show the app's
 * own page inside its frame, with a way on that fits whoever is looking.
 */
@RunningDemoApp
class NotFoundBrowserIT {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @LocalServerPort
    int port;

    @Test
    void a_logged_in_person_at_an_unknown_address_gets_the_not_found_page_in_the_frame() {
        Page page = BrowserSupport.login(browser.newContext(base()), CIVIL2, PASSWORD);

        Response response = page.navigate("/nonexistent-page");

        // Vaadin serves its start page and then draws the not-found view into it.
        assertThat(response.status()).isLessThan(400);
        assertThat(page.locator("#not-found h1")).hasText(text("error.notFoundOrNoAccess.title"));
        assertInFrame(page);
        assertThat(page.locator("#logout")).isVisible();
        assertThat(page.locator("#not-found-home")).hasText(text("nav.backToWorkspaces"));
        assertThat(page.locator("#not-found-login")).hasCount(0);

        page.locator("#logout").click();
        assertThat(page).hasURL(Pattern.compile(".*/login.*"));
    }

    @Test
    void an_anonymous_visitor_at_an_unknown_address_gets_the_same_page_and_is_offered_to_sign_in() {
        Page page = browser.newContext(base()).newPage();

        Response response = page.navigate("/nonexistent-page");

        // Vaadin serves its start page and then draws the not-found view into it.
        assertThat(response.status()).isLessThan(400);
        assertThat(page).hasURL(Pattern.compile(".*/nonexistent-page$"));
        assertThat(page.locator("#not-found h1")).hasText(text("error.notFoundOrNoAccess.title"));
        assertInFrame(page);
        assertThat(page.locator("#logout")).hasCount(0);
        assertThat(page.locator("#not-found-home")).hasCount(0);
        assertThat(page.locator("#not-found-login")).hasText(text("nav.login"));
        assertThat(page.locator("#not-found-register")).hasText(text("nav.register"));

        page.locator("#language-en").click();
        assertThat(page.locator("#not-found h1")).hasText(Messages.get(Messages.ENGLISH, "error.notFoundOrNoAccess.title"));
    }

    @Test
    void an_anonymous_visitor_with_a_bad_invitation_keeps_the_frame_and_is_offered_to_sign_in() {
        Page page = browser.newContext(base()).newPage();

        page.navigate("/invite/abc");

        assertThat(page.locator("#invitation-refused")).hasText(text("error.invitation.invalid"));
        assertInFrame(page);
        assertThat(page.locator("#invitation-home")).hasCount(0);
        assertThat(page.locator("#invitation-login")).hasText(text("nav.login"));
        assertThat(page.locator("#invitation-register")).hasText(text("nav.register"));
    }

    @Test
    void a_logged_in_person_with_a_bad_invitation_keeps_the_frame_and_goes_back_to_the_workspaces() {
        Page page = BrowserSupport.login(browser.newContext(base()), CIVIL2, PASSWORD);

        page.navigate("/invite/abc");

        assertThat(page.locator("#invitation-refused")).hasText(text("error.invitation.invalid"));
        assertInFrame(page);
        assertThat(page.locator("#logout")).isVisible();
        assertThat(page.locator("#invitation-login")).hasCount(0);
        page.locator("#invitation-home").click();
        assertThat(page.locator("#workspace-list")).isVisible();
    }

    /** The app's header with its name and the language choice, not a bare page. */
    private static void assertInFrame(Page page) {
        assertThat(page.locator(".app-header a.app-name")).isVisible();
        assertThat(page.locator(".app-header #language-da")).isVisible();
        assertThat(page.locator(".app-header #language-en")).isVisible();
    }

    private String base() {
        return "http://localhost:" + port;
    }

    /** The Danish text the page shows: the browsers here ask for Danish. */
    private static String text(String key) {
        return Messages.get(Messages.DANISH, key);
    }
}
