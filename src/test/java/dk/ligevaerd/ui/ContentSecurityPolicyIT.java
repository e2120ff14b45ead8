package dk.ligevaerd.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dk.ligevaerd.testing.DemoUsers.KOMMUNE3;
import static dk.ligevaerd.testing.DemoUsers.PASSWORD;
import static dk.ligevaerd.testing.DemoUsers.WORKSPACE;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import dk.ligevaerd.browser.BrowserSupport;
import dk.ligevaerd.testing.RunningDemoApp;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Content-Security-Policy is strict enough to mean something and loose enough for Vaadin: a
 * real browser meets no violation on the main pages, the live editor and the decision record
 * included, while the policy is really in force.
 */
@RunningDemoApp
class ContentSecurityPolicyIT {

    /** Collects what the browser reports, from the first script of every page on. */
    private static final String LISTEN = """
            window.__csp = [];
            document.addEventListener('securitypolicyviolation',
                e => window.__csp.push(e.violatedDirective + ' blocked ' + e.blockedURI));
            """;

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @LocalServerPort
    int port;

    private final List<String> console = new CopyOnWriteArrayList<>();

    @Test
    void the_main_pages_run_under_the_policy_without_a_single_violation() {
        BrowserContext person = browser.newContext("http://localhost:" + port, "da-DK");
        person.addInitScript(LISTEN);
        Page page = person.newPage();
        page.onConsoleMessage(m -> console.add(m.type() + ": " + m.text()));
        page.onPageError(e -> console.add("pageerror: " + e));

        Response login = page.navigate("/login");
        assertThat(login.headers().get("content-security-policy")).contains("frame-ancestors 'none'");
        assertThat(page.locator("vaadin-login-form")).isVisible();
        noViolations(page, "the login page");

        BrowserSupport.loginOn(page, KOMMUNE3, PASSWORD);
        assertThat(page.locator("#workspace-list")).containsText(WORKSPACE);
        noViolations(page, "the workspace list");

        page.locator("#workspace-list").getByText(WORKSPACE).click();
        assertThat(page.locator("#workspace-title")).hasText(WORKSPACE);
        Matcher id = Pattern.compile(".*/workspace/(\\d+).*").matcher(page.url());
        assertThat(id.matches()).as(page.url()).isTrue();
        page.locator("#tab-statement").click();
        assertThat(page.locator("ligevaerd-statement-editor .cm-content")).isVisible();
        page.locator("ligevaerd-statement-editor .cm-content").click();
        page.keyboard().type(" CSP");
        assertThat(page.locator("ligevaerd-statement-editor .cm-content")).containsText("CSP");
        noViolations(page, "the workspace's statement tab with the live editor");

        page.navigate("/workspace/" + id.group(1) + "/record/1");
        assertThat(page.locator("h1, h2").first()).isVisible();
        page.waitForTimeout(500);
        noViolations(page, "the decision record page");
    }

    @Test
    void the_policy_is_in_force_an_inline_foreign_script_is_blocked_and_reported() {
        BrowserContext person = browser.newContext("http://localhost:" + port, "da-DK");
        person.addInitScript(LISTEN);
        Page page = person.newPage();
        page.navigate("/login");
        assertThat(page.locator("vaadin-login-form")).isVisible();

        page.evaluate("""
                () => { const s = document.createElement('script');
                        s.src = 'https://example.invalid/evil.js'; document.head.appendChild(s); }""");
        page.waitForFunction("() => window.__csp.length > 0");

        assertThat(page.evaluate("() => window.__csp.join('\\n')").toString()).contains("script-src");
    }

    private void noViolations(Page page, String where) {
        page.waitForLoadState();
        Object reported = page.evaluate("() => window.__csp.join('\\n')");
        assertThat(reported.toString()).as("CSP violations on " + where).isEmpty();
        assertThat(console).as("console messages about the policy on " + where)
                .noneMatch(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy"));
    }
}
