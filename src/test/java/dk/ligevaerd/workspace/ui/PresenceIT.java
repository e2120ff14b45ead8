package dk.ligevaerd.workspace.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dk.ligevaerd.testing.DemoUsers.CIVIL2;
import static dk.ligevaerd.testing.DemoUsers.KOMMUNE2;
import static dk.ligevaerd.testing.DemoUsers.PASSWORD;
import static dk.ligevaerd.testing.DemoUsers.WORKSPACE;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dk.ligevaerd.browser.BrowserSupport;
import dk.ligevaerd.testing.RunningDemoApp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Two people on different sides open the same workspace and see each other arrive and leave, live,
 * without reloading.
 */
@RunningDemoApp
class PresenceIT {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @LocalServerPort
    int port;

    private Page mette;
    private Page inge;

    @BeforeEach
    void both_open_the_demo_workspace() {
        String base = "http://localhost:" + port;
        mette = BrowserSupport.login(browser.newContext(base), KOMMUNE2, PASSWORD);
        inge = BrowserSupport.login(browser.newContext(base), CIVIL2, PASSWORD);
        openDemoWorkspace(mette);
        openDemoWorkspace(inge);
    }

    @Test
    void each_sees_the_other_arrive_without_reloading() {
        assertThat(online(mette, CIVIL2)).isVisible();
        assertThat(online(inge, KOMMUNE2)).isVisible();
        assertThat(memberRow(mette, CIVIL2)).hasAttribute("data-online", "true");
        assertThat(memberRow(inge, KOMMUNE2)).hasAttribute("data-online", "true");
        assertNotReloaded(mette);
        assertNotReloaded(inge);
    }

    @Test
    void navigating_away_shows_the_person_gone_for_the_other() {
        assertThat(online(mette, CIVIL2)).isVisible();

        inge.locator("a.app-name").click();
        assertThat(inge.locator("#workspace-list")).isVisible();

        assertThat(online(mette, CIVIL2)).hasCount(0);
        assertThat(memberRow(mette, CIVIL2)).hasAttribute("data-online", "false");
        assertThat(online(mette, KOMMUNE2)).isVisible();
        assertNotReloaded(mette);
    }

    @Test
    void closing_the_page_shows_the_person_gone_for_the_other() {
        assertThat(online(inge, KOMMUNE2)).isVisible();

        mette.close(new Page.CloseOptions().setRunBeforeUnload(true));

        assertThat(online(inge, KOMMUNE2)).hasCount(0);
        assertThat(memberRow(inge, KOMMUNE2)).hasAttribute("data-online", "false");
        assertNotReloaded(inge);
    }

    /** Opens the workspace and marks the loaded document, so that a reload would show. */
    private static void openDemoWorkspace(Page page) {
        page.locator("#workspace-list").getByText(WORKSPACE).click();
        assertThat(page.locator("#workspace-title")).hasText(WORKSPACE);
        page.evaluate("() => { window.loadedOnce = true; }");
    }

    /** The change arrived by push into the same document: nothing reloaded the page. */
    private static void assertNotReloaded(Page page) {
        assertThat(page.evaluate("() => window.loadedOnce === true")).as("the page was not reloaded").isEqualTo(true);
    }

    private static Locator online(Page page, String username) {
        return page.locator("#online-panel .online-person[data-user='" + username + "']");
    }

    private static Locator memberRow(Page page, String username) {
        return page.locator("#people-panel .member-row[data-user='" + username + "']");
    }
}
