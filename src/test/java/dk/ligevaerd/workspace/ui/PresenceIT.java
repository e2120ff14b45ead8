package dk.ligevaerd.workspace.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dk.ligevaerd.testing.DemoUsers.CIVIL1;
import static dk.ligevaerd.testing.DemoUsers.CIVIL2;
import static dk.ligevaerd.testing.DemoUsers.CIVIL_SOCIETY;
import static dk.ligevaerd.testing.DemoUsers.KOMMUNE2;
import static dk.ligevaerd.testing.DemoUsers.PASSWORD;
import static dk.ligevaerd.testing.DemoUsers.WORKSPACE;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.account.UserSummary;
import dk.ligevaerd.browser.BrowserSupport;
import dk.ligevaerd.testing.RunAs;
import dk.ligevaerd.testing.RunningDemoApp;
import dk.ligevaerd.workspace.InvitationService;
import dk.ligevaerd.workspace.Role;
import dk.ligevaerd.workspace.WorkspaceService;
import dk.ligevaerd.workspace.WorkspaceSummary;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Two people on different sides open the same workspace and see each other arrive and leave, live,
 * without reloading. Presence follows open pages: whoever closes their browser, hides the page,
 * logs out or loses their network leaves the other's "Here now" within the time promised (the lost
 * network in {@link PresenceSilenceIT}, on a faster heartbeat).
 */
@RunningDemoApp
class PresenceIT {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @LocalServerPort
    int port;

    @Autowired AccountService accounts;
    @Autowired WorkspaceService workspaces;
    @Autowired InvitationService invitations;

    /**
     * How long another page may take to show someone gone who closed the tab or browser, hid the
     * page or logged out. Room for a loaded machine, yet below the silence fallback: in this
     * application's settings a page counts for 35 s ({@code ligevaerd.presence.page-timeout})
     * after it was last seen, and it is seen at every heartbeat (every 15 s), so a page that only
     * fell silent leaves no sooner than 20 s after its last moment. Gone within 15 s is thus the
     * fast path's doing (the closed push connection, the page-hide beacon, the logout), never the
     * silence's.
     */
    private static final Duration CLOSED_TAB = Duration.ofSeconds(15);
    private static final Duration LOGGED_OUT = Duration.ofSeconds(15);

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

    @Test
    void closing_the_whole_browser_shows_the_person_gone_within_seconds() {
        assertThat(online(inge, KOMMUNE2)).isVisible();

        // Closing a browser profile runs no unload handler: only the push connection tells.
        mette.context().close();

        assertThat(online(inge, KOMMUNE2)).hasCount(0, within(CLOSED_TAB));
        assertThat(memberRow(inge, KOMMUNE2)).hasAttribute("data-online", "false");
        assertNotReloaded(inge);
    }

    @Test
    void a_hidden_page_leaves_at_once_and_comes_back_when_shown_again() {
        assertThat(online(inge, KOMMUNE2)).isVisible();

        // What the browser does when a tab is closed or put away on a phone.
        mette.evaluate("() => window.dispatchEvent(new PageTransitionEvent('pagehide', {persisted: true}))");
        assertThat(online(inge, KOMMUNE2)).hasCount(0, within(CLOSED_TAB));

        mette.evaluate("() => window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}))");
        assertThat(online(inge, KOMMUNE2)).isVisible(new LocatorAssertions.IsVisibleOptions()
                .setTimeout(CLOSED_TAB.toMillis()));
        assertNotReloaded(inge);
    }

    @Test
    void the_page_hide_beacon_alone_makes_the_person_absent() {
        assertThat(online(inge, KOMMUNE2)).isVisible();

        // What the page's own page-hide listener sends, without the rest of what a hidden page does.
        // Then the page is frozen as a hidden page is, so that no heartbeat of it (every 15 s) can
        // count it again before the other page has shown it gone; its push connection stays open.
        Object sent = mette.evaluate("() => navigator.sendBeacon('presence/hidden', window.ligevaerdPresence.token)");
        assertThat(sent).isEqualTo(true);
        JsonObject frozen = new JsonObject();
        frozen.addProperty("state", "frozen");
        mette.context().newCDPSession(mette).send("Page.setWebLifecycleState", frozen);

        assertThat(online(inge, KOMMUNE2)).hasCount(0, within(CLOSED_TAB));
        assertNotReloaded(inge);
    }

    @Test
    void logging_out_shows_the_person_gone_at_once() {
        assertThat(online(inge, KOMMUNE2)).isVisible();

        mette.locator("#logout").click();
        assertThat(mette).hasURL(java.util.regex.Pattern.compile(".*/login.*"));

        assertThat(online(inge, KOMMUNE2)).hasCount(0, within(LOGGED_OUT));
        assertThat(memberRow(inge, KOMMUNE2)).hasAttribute("data-online", "false");
    }

    @Test
    void accepting_an_invitation_counts_only_while_the_newcomer_s_page_is_open() {
        UserSummary nina = accounts.register("nina" + System.nanoTime() % 100_000, "Nina Nybegynder",
                "bla-hest-tromme-7");
        String invitation = RunAs.user(accounts, CIVIL1, () -> {
            long id = workspaces.mine().stream().filter(w -> w.name().equals(WORKSPACE)).findFirst()
                    .map(WorkspaceSummary::id).orElseThrow();
            long civil = workspaces.details(id).sides().stream().filter(side -> side.name().equals(CIVIL_SOCIETY))
                    .findFirst().orElseThrow().id();
            return invitations.create(id, civil, Role.PARTICIPANT, Duration.ofDays(1)).path();
        });
        Page newcomer = BrowserSupport.login(browser.newContext("http://localhost:" + port), nina.username(),
                "bla-hest-tromme-7");
        newcomer.navigate("/" + invitation);
        newcomer.locator("#join").click();
        assertThat(newcomer.locator("#workspace-title")).hasText(WORKSPACE);
        assertThat(online(mette, nina.username())).isVisible();

        newcomer.context().close();

        assertThat(online(mette, nina.username())).hasCount(0, within(CLOSED_TAB));
        assertThat(memberRow(mette, nina.username())).hasAttribute("data-online", "false");
    }

    private static LocatorAssertions.HasCountOptions within(Duration limit) {
        return new LocatorAssertions.HasCountOptions().setTimeout(limit.toMillis());
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
