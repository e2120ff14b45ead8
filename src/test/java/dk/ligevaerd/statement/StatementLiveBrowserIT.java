package dk.ligevaerd.statement;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dk.ligevaerd.support.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.account.UserSummary;
import dk.ligevaerd.workspace.InvitationService;
import dk.ligevaerd.workspace.WorkspaceFixture;
import dk.ligevaerd.workspace.WorkspaceService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The live editor in real browsers: a municipal participant, a civil-society participant and an
 * observer, each in a Chromium context of their own, on one statement.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ligevaerd.demo.enabled=false", "spring.datasource.url=jdbc:h2:file:./target/test-db/live-browser-${random.uuid}"})
class StatementLiveBrowserIT {

    private static final String EDITOR = "ligevaerd-statement-editor";
    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired WorkspaceService workspaces;
    @Autowired InvitationService invitations;
    @Autowired CollabService collab;

    WorkspaceFixture f;
    final List<BrowserContext> contexts = new ArrayList<>();

    @BeforeAll
    static void launch() throws Exception {
        Path chromium = Path.of(System.getenv().getOrDefault("LIGEVAERD_CHROMIUM", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            String reason = "SKIPPED: the live editor's browser tests need Chromium at " + chromium
                    + " (set LIGEVAERD_CHROMIUM, or apt-get install chromium)";
            if ("true".equalsIgnoreCase(System.getenv("LIGEVAERD_REQUIRE_BROWSER"))) {
                throw new IllegalStateException("LIGEVAERD_REQUIRE_BROWSER is set but " + reason);
            }
            System.err.println("*** " + reason);
            Assumptions.abort(reason);
        }
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(java.util.Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(chromium)
                .setHeadless(true).setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                        "--no-first-run", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync")));
        // The assertions on the page wait as long as its actions do (the contexts' default below),
        // not Playwright's 5 s, whichever test class ran before in this JVM.
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void fixture() {
        f = new WorkspaceFixture(accounts, workspaces, invitations);
        as(f.owner, () -> collab.edit(f.workspaceId, "setup", 0, 0, "Formål: "));
    }

    @AfterEach
    void closeContexts() {
        contexts.forEach(BrowserContext::close);
    }

    private String base() {
        return "http://localhost:" + port;
    }

    /** A browser of its own, logged in through the login form's endpoint, on the statement tab. */
    private Page open(UserSummary user) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en-GB"));
        context.setDefaultTimeout(30_000);
        contexts.add(context);
        // The login form's POST needs the page's CSRF token (login CSRF is closed).
        String loginPage = context.request().get(base() + "/login").text();
        var csrf = java.util.regex.Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(loginPage);
        assertThat(csrf.find()).as("the login page carries a CSRF token").isTrue();
        var login = context.request().post(base() + "/login", RequestOptions.create()
                .setForm(FormData.create().set("username", user.username()).set("password", "bla-hest-tromme-7")
                        .set("_csrf", csrf.group(1)))
                .setMaxRedirects(0));
        assertThat(login.status()).isEqualTo(302);
        assertThat(login.headers().get("location")).doesNotContain("error");
        Page page = context.newPage();
        // The browser's own complaints end up in the test report, where a failure is read.
        page.onConsoleMessage(m -> System.out.println("[" + user.username() + " console] " + m.text()));
        page.onPageError(e -> System.out.println("[" + user.username() + " page error] " + e));
        page.onResponse(r -> {
            if (r.status() >= 400) {
                System.out.println("[" + user.username() + " http " + r.status() + "] " + r.url());
            }
        });
        page.navigate(base() + "/workspace/" + f.workspaceId);
        page.locator("#tab-statement").click();
        try {
            page.locator(EDITOR + "[data-status=connected]").waitFor();
        } catch (RuntimeException e) {
            System.out.println("DEBUG " + page.evaluate("() => [!!customElements.get('" + EDITOR + "'), document.querySelector('" + EDITOR + "')?.outerHTML?.slice(0, 300), document.querySelector('" + EDITOR + "')?.shadowRoot?.innerHTML?.slice(0, 500)]"));
            throw e;
        }
        return page;
    }

    /** The entry for {@code user} in the editor's list of who is there. */
    private static Locator peer(Page page, UserSummary user) {
        return page.locator(EDITOR + " .peer", new Page.LocatorOptions().setHasText(user.displayName()));
    }

    private static Locator content(Page page) {
        return page.locator(EDITOR + " .cm-content");
    }

    private static String text(Page page) {
        return (String) page.evalOnSelector(EDITOR, "e => e.value");
    }

    /** Waits until this editor has sent everything and shows {@code length} characters. */
    private static void awaitSettled(Page page, int length) {
        page.waitForFunction("([sel, n]) => { const e = document.querySelector(sel);"
                + " return e && e.dataset.pending === '0' && e.dataset.status === 'connected' && e.value.length === n; }",
                List.of(EDITOR, length));
    }

    private static void assertInOrder(String text, String typed) {
        int at = -1;
        for (char c : typed.toCharArray()) {
            int next = text.indexOf(c, at + 1);
            assertThat(next).as("'%s' after position %d in %s", c, at, text).isGreaterThan(at);
            at = next;
        }
    }

    /** For people reviewing the look: target/screenshots/. */
    private static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(Path.of("target", "screenshots", name + ".png")));
    }

    private static void caretToEnd(Page page) {
        content(page).click();
        page.keyboard().press("Control+End");
    }

    @Test
    void two_participants_typing_in_the_same_paragraph_at_once_end_with_the_same_text_as_the_observer() {
        Page municipal = open(f.participant);
        Page civil = open(f.otherModerator);
        Page observer = open(f.observer);
        caretToEnd(municipal);
        caretToEnd(civil);
        String byMunicipal = "kommunen vil have faste besøg";
        String byCivil = "FORENINGERNE VIL HAVE FÆLLESSKAB";

        // Alternating keystrokes: each one goes out before the other's has come back.
        for (int i = 0; i < Math.max(byMunicipal.length(), byCivil.length()); i++) {
            if (i < byMunicipal.length()) {
                municipal.keyboard().type(String.valueOf(byMunicipal.charAt(i)));
            }
            if (i < byCivil.length()) {
                civil.keyboard().type(String.valueOf(byCivil.charAt(i)));
            }
        }

        int length = "Formål: ".length() + byMunicipal.length() + byCivil.length();
        for (Page page : List.of(municipal, civil, observer)) {
            awaitSettled(page, length);
        }
        String result = text(municipal);
        assertThat(text(civil)).isEqualTo(result);
        assertThat(text(observer)).isEqualTo(result);
        assertThat(as(f.owner, () -> collab.snapshot(f.workspaceId)).text()).isEqualTo(result);
        assertThat(result).startsWith("Formål: ");
        assertInOrder(result, byMunicipal);
        assertInOrder(result, byCivil);

        // Everyone sees who is there, and the others' carets with their names.
        // The list of who is there comes in a presence message of its own, after the text.
        assertThat(peer(municipal, f.otherModerator)).hasCount(1);
        assertThat(peer(municipal, f.observer)).hasCount(1);
        municipal.locator(EDITOR + " .cm-remote-caret-label", new Page.LocatorOptions()
                .setHasText(f.otherModerator.displayName())).first().waitFor();

        municipal.locator("#authorship-toggle").click();
        municipal.locator(EDITOR + " .cm-authored").first().waitFor();
        screenshot(municipal, "statement-live-laptop");
        municipal.setViewportSize(390, 844);
        screenshot(municipal, "statement-live-phone");

        // The observer's copy follows live but takes no typing.
        content(observer).click();
        observer.keyboard().type("observatøren");
        assertThat(text(observer)).isEqualTo(result);
        assertThat(as(f.owner, () -> collab.snapshot(f.workspaceId)).text()).isEqualTo(result);
    }

    @Test
    void a_participant_who_loses_the_connection_keeps_typing_and_is_merged_on_return() {
        Page municipal = open(f.participant);
        Page civil = open(f.otherModerator);
        caretToEnd(municipal);
        caretToEnd(civil);

        civil.context().setOffline(true);
        civil.locator(EDITOR + ":not([data-status=connected])").waitFor();
        civil.keyboard().type("skrevet uden net");
        municipal.keyboard().type("skrevet online");
        awaitSettled(municipal, "Formål: skrevet online".length());
        assertThat(civil.evalOnSelector(EDITOR, "e => e.dataset.pending")).isNotEqualTo("0");
        assertThat(as(f.owner, () -> collab.snapshot(f.workspaceId)).text()).doesNotContain("uden net");

        civil.context().setOffline(false);

        int length = "Formål: skrevet online".length() + "skrevet uden net".length();
        awaitSettled(civil, length);
        awaitSettled(municipal, length);
        String result = text(civil);
        assertThat(text(municipal)).isEqualTo(result);
        assertThat(result).contains("skrevet uden net").contains("skrevet online");
        assertThat(as(f.owner, () -> collab.snapshot(f.workspaceId)).text()).isEqualTo(result);
    }

    @Test
    void versions_can_be_saved_and_compared_word_by_word() {
        Page municipal = open(f.participant);
        caretToEnd(municipal);
        municipal.keyboard().type("faste besøg");
        awaitSettled(municipal, "Formål: faste besøg".length());
        municipal.locator("#version-name input").fill("Første udkast");
        municipal.locator("#save-version").click();
        municipal.locator("#version-list .statement-version").first().waitFor();
        municipal.keyboard().press("Control+End");
        content(municipal).click();
        municipal.keyboard().press("Control+End");
        for (int i = 0; i < "besøg".length(); i++) {
            municipal.keyboard().press("Backspace");
        }
        municipal.keyboard().type("fællesskaber");
        awaitSettled(municipal, "Formål: faste fællesskaber".length());

        municipal.locator("#compare-button").click();

        Locator diff = municipal.locator("#version-diff");
        assertThat(diff.locator("del")).containsText("besøg");
        assertThat(diff.locator("ins")).containsText("fællesskaber");
        assertThat(diff.locator("ins .visually-hidden").first()).containsText("inserted");
        municipal.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(com.microsoft.playwright.options.ColorScheme.DARK));
        municipal.evaluate("() => document.documentElement.setAttribute('theme', 'dark')");
        diff.scrollIntoViewIfNeeded();
        diff.screenshot(new Locator.ScreenshotOptions().setPath(Path.of("target", "screenshots", "statement-diff-dark.png")));
        screenshot(municipal, "statement-versions-dark");
    }

    @Test
    void text_that_cannot_be_saved_is_shown_plainly_and_offered_to_copy() {
        // Room for one more character: whichever key comes first may be saved, every later one is
        // refused, whether it was typed before or after the editor started again.
        String nearlyFull = "x".repeat(20_000 - "Formål: ".length() - 1);
        as(f.owner, () -> collab.edit(f.workspaceId, "setup", 8, 8, nearlyFull));
        Page municipal = open(f.participant);
        caretToEnd(municipal);

        municipal.keyboard().type("abcdefgh");

        Locator unsaved = municipal.locator(EDITOR + " #unsaved");
        unsaved.waitFor();
        // Settled: the refused changes were replaced by the saved text.
        municipal.waitForFunction("([sel]) => document.querySelector(sel).dataset.pending === '0'", List.of(EDITOR));
        String kept = (String) municipal.evalOnSelector(EDITOR, "e => e.shadowRoot.querySelector('#unsaved textarea').value");
        assertThat(unsaved).containsText("at most 20,000 characters");
        assertThat(kept).isNotEmpty();
        assertThat(unsaved.locator("button").first()).hasText("Copy the text");
        // The editor starts again from the saved text, which never went over the limit.
        String server = as(f.owner, () -> collab.snapshot(f.workspaceId)).text();
        assertThat(server.length()).isLessThanOrEqualTo(20_000);
        assertThat(text(municipal)).isEqualTo(server);
        // Every keystroke was either saved or is in the box to copy, never both, in the order typed.
        // Keys that arrive after the editor has started again from the saved text are refused as a
        // piece of their own, on a line of its own; on a busy machine that can happen within
        // "abcdefgh". (With room for three, a key typed while the restart was on its way was once
        // sent as well: saved, and in the box too, "ahbcdefgh"; the editor now sends nothing then.)
        assertThat(server.substring(nearlyFull.length() + "Formål: ".length()) + kept.replace("\n", ""))
                .isEqualTo("abcdefgh");
    }
}
