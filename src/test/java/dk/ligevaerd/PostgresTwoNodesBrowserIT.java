package dk.ligevaerd;

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
import dk.ligevaerd.support.Postgres;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two people in real browsers, each on another application node (as a load balancer with sticky
 * sessions would place them), both nodes on one PostgreSQL database: they see each other arrive and
 * leave, and see each other write, pushed into the open page without a reload.
 */
@ExtendWith(Postgres.class)
class PostgresTwoNodesBrowserIT {

    private static final String EDITOR = "ligevaerd-statement-editor";
    /** The demo's names of {@code kommune2} and {@code civil2}. */
    private static final String METTE = "Mette Lund";
    private static final String INGE = "Inge Sørensen";

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;

    @BeforeAll
    static void two_nodes_on_one_database() {
        String url = Postgres.freshDatabase();
        // Node A builds the demo workspace on the empty database; B finds it there.
        a = node(url, "web-a", true);
        b = node(url, "web-b", false);
    }

    @AfterAll
    static void stop() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    private static ConfigurableApplicationContext node(String url, String nodeId, boolean demo) {
        return new SpringApplicationBuilder(Application.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + Postgres.user(),
                "--spring.datasource.password=" + Postgres.password(),
                "--spring.datasource.hikari.maximum-pool-size=5",
                "--ligevaerd.demo.enabled=" + demo,
                "--ligevaerd.cluster.node-id=" + nodeId,
                "--vaadin.devmode.devTools.enabled=false");
    }

    private static String base(ConfigurableApplicationContext node) {
        return "http://localhost:" + node.getEnvironment().getProperty("local.server.port");
    }

    private static Page openDemoWorkspace(ConfigurableApplicationContext node, String username) {
        Page page = BrowserSupport.login(browser.newContext(base(node)), username, PASSWORD);
        page.locator("#workspace-list").getByText(WORKSPACE).click();
        assertThat(page.locator("#workspace-title")).hasText(WORKSPACE);
        page.evaluate("() => { window.loadedOnce = true; }");
        return page;
    }

    @Test
    void a_person_on_each_node_sees_the_other_arrive_and_leave_without_reloading() {
        Page mette = openDemoWorkspace(a, KOMMUNE2);
        Page inge = openDemoWorkspace(b, CIVIL2);

        assertThat(online(mette, CIVIL2)).isVisible();
        assertThat(online(inge, KOMMUNE2)).isVisible();

        inge.locator("a.app-name").click();
        assertThat(inge.locator("#workspace-list")).isVisible();

        assertThat(online(mette, CIVIL2)).hasCount(0);
        assertThat(online(mette, KOMMUNE2)).isVisible();
        assertNotReloaded(mette);
        mette.context().close();
        inge.context().close();
    }

    @Test
    void a_person_who_closes_their_browser_on_one_node_leaves_the_other_node_s_page_within_seconds() {
        Page mette = openDemoWorkspace(a, KOMMUNE2);
        Page inge = openDemoWorkspace(b, CIVIL2);
        assertThat(online(mette, CIVIL2)).isVisible();

        // No unload handler runs: node B hears of it from the closed push connection and tells A.
        inge.context().close();

        // Within 15 s: room for a loaded machine, yet below every silence fallback in these nodes'
        // settings, so only the fast path passes. A page counts for 35 s after it was last seen (it
        // is seen at every 15 s heartbeat), and node A holds B's word that she is here for 30 s after
        // B last repeated it (every 10 s): either gives her up no sooner than 20 s after she left.
        assertThat(online(mette, CIVIL2)).hasCount(0, new LocatorAssertions.HasCountOptions().setTimeout(15_000));
        assertThat(online(mette, KOMMUNE2)).isVisible();
        assertNotReloaded(mette);
        mette.context().close();
    }

    @Test
    void text_typed_on_one_node_appears_in_the_editor_on_the_other() {
        Page mette = openStatement(a, KOMMUNE2);
        Page inge = openStatement(b, CIVIL2);
        String start = text(mette);

        caretToEnd(inge);
        inge.keyboard().type(" Skrevet på B.");
        awaitText(mette, start + " Skrevet på B.");
        caretToEnd(mette);
        mette.keyboard().type(" Svar fra A.");

        String both = start + " Skrevet på B. Svar fra A.";
        awaitText(inge, both);
        awaitText(mette, both);
        assertNotReloaded(mette);
        assertNotReloaded(inge);
        mette.context().close();
        inge.context().close();
    }

    @Test
    void the_editor_shows_who_writes_on_the_other_node_and_their_caret_until_they_leave() {
        Page mette = openStatement(a, KOMMUNE2);
        Page inge = openStatement(b, CIVIL2);

        // Each editor's list of who is here names the person on the other node.
        assertThat(peer(mette, INGE)).isVisible();
        assertThat(peer(inge, METTE)).isVisible();
        caretToEnd(inge);
        inge.keyboard().type(" B");
        assertThat(mette.locator(EDITOR + " .cm-remote-caret-label", new Page.LocatorOptions().setHasText(INGE)))
                .isVisible();

        inge.context().close();

        assertThat(peer(mette, INGE)).hasCount(0);
        assertThat(peer(mette, METTE)).isVisible();
        mette.context().close();
    }

    private static Locator peer(Page page, String name) {
        return page.locator(EDITOR + " .peer", new Page.LocatorOptions().setHasText(name));
    }

    private static Page openStatement(ConfigurableApplicationContext node, String username) {
        Page page = openDemoWorkspace(node, username);
        page.locator("#tab-statement").click();
        page.locator(EDITOR + "[data-status=connected]").waitFor();
        return page;
    }

    private static String text(Page page) {
        return (String) page.evalOnSelector(EDITOR, "e => e.value");
    }

    private static void caretToEnd(Page page) {
        page.locator(EDITOR + " .cm-content").click();
        page.keyboard().press("Control+End");
    }

    /** Until the editor has sent all its own changes and shows exactly {@code text}. */
    private static void awaitText(Page page, String text) {
        page.waitForFunction("([sel, t]) => { const e = document.querySelector(sel);"
                + " return e && e.dataset.pending === '0' && e.value === t; }", List.of(EDITOR, text),
                new Page.WaitForFunctionOptions().setTimeout(BrowserSupport.TIMEOUT.toMillis()));
    }

    private static void assertNotReloaded(Page page) {
        assertThat(page.evaluate("() => window.loadedOnce === true")).as("the page was not reloaded").isEqualTo(true);
    }

    private static Locator online(Page page, String username) {
        return page.locator("#online-panel .online-person[data-user='" + username + "']");
    }
}
