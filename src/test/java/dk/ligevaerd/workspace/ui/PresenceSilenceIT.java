package dk.ligevaerd.workspace.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dk.ligevaerd.testing.DemoUsers.CIVIL2;
import static dk.ligevaerd.testing.DemoUsers.KOMMUNE2;
import static dk.ligevaerd.testing.DemoUsers.PASSWORD;
import static dk.ligevaerd.testing.DemoUsers.WORKSPACE;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dk.ligevaerd.browser.BrowserSupport;
import dk.ligevaerd.testing.RunningDemoApp;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A page whose network is gone falls silent: it leaves the other's "Here now" once the page
 * timeout has passed without a heartbeat from it, and comes back when its network returns. The
 * same rule as with the product's settings (a heartbeat every 15 s, silence for 35 s), on a clock
 * that is seven times faster (a heartbeat every 2 s, silence for 5 s), so that the test does not
 * wait out the real timeout. The page timeout is still more than twice the heartbeat interval.
 */
@RunningDemoApp
@TestPropertySource(properties = {"vaadin.heartbeatInterval=2", "ligevaerd.presence.page-timeout=5s"})
class PresenceSilenceIT {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    /** Two heartbeats and the page timeout, with the same room as PresenceIT gave the real ones. */
    private static final Duration HEARTBEAT_WINDOW = Duration.ofSeconds(15);

    @LocalServerPort
    int port;

    @Test
    void a_lost_network_shows_the_person_gone_within_the_heartbeat_window_and_back_when_it_returns() {
        String base = "http://localhost:" + port;
        Page mette = BrowserSupport.login(browser.newContext(base), KOMMUNE2, PASSWORD);
        Page inge = BrowserSupport.login(browser.newContext(base), CIVIL2, PASSWORD);
        openDemoWorkspace(mette);
        openDemoWorkspace(inge);
        assertThat(online(inge, KOMMUNE2)).isVisible();

        mette.context().setOffline(true);

        assertThat(online(inge, KOMMUNE2)).hasCount(0, new LocatorAssertions.HasCountOptions()
                .setTimeout(HEARTBEAT_WINDOW.toMillis()));
        assertThat(memberRow(inge, KOMMUNE2)).hasAttribute("data-online", "false");

        mette.context().setOffline(false);
        assertThat(online(inge, KOMMUNE2)).isVisible(new LocatorAssertions.IsVisibleOptions()
                .setTimeout(HEARTBEAT_WINDOW.toMillis()));
        assertThat(inge.evaluate("() => window.loadedOnce === true")).as("the page was not reloaded").isEqualTo(true);
    }

    /** Opens the workspace and marks the loaded document, so that a reload would show. */
    private static void openDemoWorkspace(Page page) {
        page.locator("#workspace-list").getByText(WORKSPACE).click();
        assertThat(page.locator("#workspace-title")).hasText(WORKSPACE);
        page.evaluate("() => { window.loadedOnce = true; }");
    }

    private static Locator online(Page page, String username) {
        return page.locator("#online-panel .online-person[data-user='" + username + "']");
    }

    private static Locator memberRow(Page page, String username) {
        return page.locator("#people-panel .member-row[data-user='" + username + "']");
    }
}
