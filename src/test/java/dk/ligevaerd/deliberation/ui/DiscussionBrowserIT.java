package dk.ligevaerd.deliberation.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dk.ligevaerd.support.Acting.as;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.account.UserSummary;
import dk.ligevaerd.browser.AxeCheck;
import dk.ligevaerd.deliberation.CommentService;
import dk.ligevaerd.deliberation.ThreadView;
import dk.ligevaerd.statement.CollabService;
import dk.ligevaerd.workspace.InvitationService;
import dk.ligevaerd.workspace.WorkspaceFixture;
import dk.ligevaerd.workspace.WorkspaceService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
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
 * The discussion in real browsers, one Chromium context per person: a municipal participant starts
 * a thread on a passage of the statement, a civil-society moderator sees it arrive without
 * reloading and replies, and the first sees the reply; an observer on another tab sees the count
 * of news on the discussion tab. axe finds no serious or critical violation on the discussion.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ligevaerd.demo.enabled=false",
        "spring.datasource.url=jdbc:h2:file:./target/test-db/discussion-browser-${random.uuid}"})
class DiscussionBrowserIT {

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired WorkspaceService workspaces;
    @Autowired InvitationService invitations;
    @Autowired CollabService collab;
    @Autowired CommentService comments;

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
        as(f.owner, () -> collab.edit(f.workspaceId, "setup", 0, 0, "Formål: flere besøg i Vestbyen."));
    }

    @AfterEach
    void closeContexts() {
        contexts.forEach(BrowserContext::close);
    }

    private String base() {
        return "http://localhost:" + port;
    }

    /** A browser of its own, logged in through the login form's endpoint, on the given tab. */
    private Page open(UserSummary user, @Nullable String tab) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en-GB"));
        context.setDefaultTimeout(30_000);
        contexts.add(context);
        // The login form's POST needs the page's CSRF token (login CSRF is closed).
        String loginPage = context.request().get(base() + "/login").text();
        var csrf = java.util.regex.Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(loginPage);
        org.assertj.core.api.Assertions.assertThat(csrf.find()).as("the login page carries a CSRF token").isTrue();
        var login = context.request().post(base() + "/login", RequestOptions.create()
                .setForm(FormData.create().set("username", user.username()).set("password", "bla-hest-tromme-7")
                        .set("_csrf", csrf.group(1)))
                .setMaxRedirects(0));
        org.assertj.core.api.Assertions.assertThat(login.status()).isEqualTo(302);
        org.assertj.core.api.Assertions.assertThat(login.headers().get("location")).doesNotContain("error");
        Page page = context.newPage();
        // The browser's own complaints end up in the test report, where a failure is read.
        page.onConsoleMessage(m -> System.out.println("[" + user.username() + " console] " + m.text()));
        page.onPageError(e -> System.out.println("[" + user.username() + " page error] " + e));
        page.onResponse(r -> {
            if (r.status() >= 400) {
                System.out.println("[" + user.username() + " http " + r.status() + "] " + r.url());
            }
        });
        page.navigate(base() + "/workspace/" + f.workspaceId + (tab == null ? "" : "/" + tab));
        page.locator("#workspace-title").waitFor();
        return page;
    }

    private static void fill(Locator field, String value) {
        field.fill(value);
        field.press("Tab");
    }

    @Test
    void a_thread_and_its_reply_reach_the_other_side_live() {
        Page municipal = open(f.participant, "discussion");
        Page civil = open(f.otherModerator, "discussion");
        Page observer = open(f.observer, null);
        assertThat(civil.locator("#thread-list .thread-empty")).isVisible();

        fill(municipal.locator("#comment-quote input"), "flere besøg");
        fill(municipal.locator("#comment-body textarea"), "Hvor mange er flere? <b>ikke fed</b>");
        municipal.locator("#comment-start").click();

        Locator arrived = civil.locator("#thread-list .thread-card");
        assertThat(arrived).hasCount(1);
        assertThat(arrived.locator(".thread-passage")).hasText("“flere besøg”");
        assertThat(arrived.locator(".comment-body")).hasText("Hvor mange er flere? <b>ikke fed</b>");
        assertThat(observer.locator("#tab-discussion .tab-unread")).hasText("1");

        fill(arrived.locator(".thread-reply textarea"), "Mindst hver uge.");
        arrived.locator(".thread-send").click();

        Locator mine = municipal.locator("#thread-list .thread-card");
        assertThat(mine.locator(".comment-body")).hasText(new String[] {
                "Hvor mange er flere? <b>ikke fed</b>", "Mindst hver uge."});
        assertThat(observer.locator("#tab-discussion .tab-unread")).hasText("2");
        ThreadView stored = as(f.owner, () -> comments.threads(f.workspaceId)).getFirst();
        org.assertj.core.api.Assertions.assertThat(stored.comments()).extracting(c -> c.authorSideId())
                .containsExactly(f.municipalSideId, f.civilSideId);

        AxeCheck.assertNoSeriousViolations(municipal, "the discussion tab with a thread (en)");
        observer.locator("#tab-discussion").click();
        assertThat(observer.locator("#tab-discussion .tab-unread")).hasCount(0);
        assertThat(observer.locator("#thread-list .thread-card .comment-body")).hasCount(2);
        assertThat(observer.locator("#comment-start")).isHidden();
        AxeCheck.assertNoSeriousViolations(observer, "the discussion tab as an observer (en)");
    }
}
