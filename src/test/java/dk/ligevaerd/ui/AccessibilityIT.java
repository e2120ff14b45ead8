package dk.ligevaerd.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dk.ligevaerd.testing.DemoUsers.KOMMUNE1;
import static dk.ligevaerd.testing.DemoUsers.PASSWORD;
import static dk.ligevaerd.testing.DemoUsers.WORKSPACE;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dk.ligevaerd.browser.AxeCheck;
import dk.ligevaerd.browser.BrowserSupport;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.testing.RunningDemoApp;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * axe-core finds nothing serious or critical on the pages everyone meets first, in Danish and in
 * English. The workspace is checked as its owner sees it, which is the fullest version of it.
 */
@RunningDemoApp
class AccessibilityIT {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"da-DK", "en-GB"})
    void the_login_page_has_no_serious_violations(String language) {
        Page page = person(language).newPage();
        page.navigate("/login");
        assertThat(page.locator("vaadin-login-form")).containsText(text(language, "login.title"));

        AxeCheck.assertNoSeriousViolations(page, "the login page (" + language + ")");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"da-DK", "en-GB"})
    void the_registration_page_has_no_serious_violations(String language) {
        Page page = person(language).newPage();
        page.navigate("/register");
        assertThat(page.locator("h1")).hasText(text(language, "register.title"));

        AxeCheck.assertNoSeriousViolations(page, "the registration page (" + language + ")");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"da-DK", "en-GB"})
    void the_workspace_list_has_no_serious_violations(String language) {
        Page page = BrowserSupport.login(person(language), KOMMUNE1, PASSWORD);
        assertThat(page.locator("h1")).hasText(text(language, "workspaces.title"));
        assertThat(page.locator("#workspace-list")).containsText(WORKSPACE);

        AxeCheck.assertNoSeriousViolations(page, "the workspace list (" + language + ")");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"da-DK", "en-GB"})
    void the_workspace_page_has_no_serious_violations(String language) {
        Page page = BrowserSupport.login(person(language), KOMMUNE1, PASSWORD);
        page.locator("#workspace-list").getByText(WORKSPACE).click();
        assertThat(page.locator("#workspace-title")).hasText(WORKSPACE);
        assertThat(page.locator("#online-panel .online-person[data-user='" + KOMMUNE1 + "']")).isVisible();
        assertThat(page.locator("#tab-people")).hasText(text(language, "workspace.tab.people"));

        AxeCheck.assertNoSeriousViolations(page, "the workspace, people tab (" + language + ")");

        page.locator("#tab-invitations").click();
        assertThat(page.locator("#invitation-grid")).isVisible();
        AxeCheck.assertNoSeriousViolations(page, "the workspace, invitations tab (" + language + ")");

        page.locator("#tab-outbox").click();
        assertThat(page.locator("#outbox-status")).hasText(text(language, "outbox.noServer"));
        AxeCheck.assertNoSeriousViolations(page, "the workspace, outbox tab (" + language + ")");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"da-DK", "en-GB"})
    void every_page_declares_the_language_it_is_written_in(String language) {
        String expected = Locale.forLanguageTag(language).getLanguage();
        Page page = person(language).newPage();
        page.navigate("/login");
        assertThat(page.locator("vaadin-login-form")).containsText(text(language, "login.title"));
        assertThat(page.locator("html")).hasAttribute("lang", expected);

        BrowserSupport.loginOn(page, KOMMUNE1, PASSWORD);
        assertThat(page.locator("h1")).hasText(text(language, "workspaces.title"));
        assertThat(page.locator("html")).hasAttribute("lang", expected);
    }

    @Test
    void choosing_english_on_a_danish_browser_changes_the_texts_and_the_declared_language() {
        Page page = person("da-DK").newPage();
        page.navigate("/login");
        assertThat(page.locator("html")).hasAttribute("lang", "da");

        page.locator("#language-en").click();

        assertThat(page.locator("vaadin-login-form")).containsText(text("en", "login.title"));
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(page.locator("#language-en")).hasAttribute("aria-pressed", "true");
    }

    private BrowserContext person(String language) {
        return browser.newContext("http://localhost:" + port, language);
    }

    private static String text(String language, String key) {
        return Messages.get(Locale.forLanguageTag(language), key);
    }
}
