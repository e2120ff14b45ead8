package dk.ligevaerd.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dk.ligevaerd.support.Acting.as;
import static dk.ligevaerd.testing.DemoUsers.CIVIL1;
import static dk.ligevaerd.testing.DemoUsers.KOMMUNE1;
import static dk.ligevaerd.testing.DemoUsers.OBSERVER1;
import static dk.ligevaerd.testing.DemoUsers.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.account.UserSummary;
import dk.ligevaerd.browser.AxeCheck;
import dk.ligevaerd.browser.BrowserSupport;
import dk.ligevaerd.round.RoundService;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.testing.ProductionDemoApp;
import dk.ligevaerd.workspace.InvitationService;
import dk.ligevaerd.workspace.Role;
import dk.ligevaerd.workspace.WorkspaceService;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * axe-core finds nothing serious or critical on any page, as users get the application: production
 * mode, no developer tools, and the footer with the accessibility statement link on every page,
 * the login page included. Each workspace tab is checked as the owner sees it (the fullest), and an
 * archived workspace as well.
 */
@ProductionDemoApp
class ProductionAccessibilityIT {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    /** Each tab by its part of the address and the id of its tab button. */
    private static final java.util.Map<String, String> WORKSPACE_TABS = new java.util.LinkedHashMap<>();

    static {
        for (String slug : List.of("people", "statement", "priorities", "rounds", "equality", "sides", "invitations",
                "settings", "outbox")) {
            WORKSPACE_TABS.put(slug, "tab-" + slug);
        }
        WORKSPACE_TABS.put("history", "tab-activity");
    }

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired WorkspaceService workspaces;
    @Autowired InvitationService invitations;
    @Autowired RoundService rounds;
    @Autowired JdbcTemplate jdbc;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"da-DK", "en-GB"})
    void the_pages_before_logging_in_have_no_serious_violations_and_link_the_statement(String language) {
        Page page = person(language).newPage();
        for (String path : List.of("/login", "/register", "/privacy", "/invite/no-such-link", "/no-such-page")) {
            page.navigate(path);
            assertThat(page.locator("#accessibility-statement")).hasAttribute("href", ProductionDemoApp.STATEMENT_URL);
            assertThat(page.locator("#accessibility-statement"))
                    .hasText(text(language, "footer.accessibilityStatement"));
            assertProductionMode(page);
            AxeCheck.assertNoSeriousViolations(page, path + " (" + language + ")");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"da-DK", "en-GB"})
    void every_page_of_a_logged_in_person_has_no_serious_violations(String language) {
        Page page = BrowserSupport.login(person(language), KOMMUNE1, PASSWORD);
        long workspaceId = workspaceId();
        for (String path : List.of("/", "/account", "/my-data", "/notifications", "/privacy")) {
            page.navigate(path);
            page.locator("#accessibility-statement").waitFor();
            AxeCheck.assertNoSeriousViolations(page, path + " (" + language + ")");
        }
        for (var tab : WORKSPACE_TABS.entrySet()) {
            page.navigate("/workspace/" + workspaceId + "/" + tab.getKey());
            assertThat(page.locator("#" + tab.getValue())).hasAttribute("aria-selected", "true");
            assertThat(page.locator("#accessibility-statement")).isVisible();
            AxeCheck.assertNoSeriousViolations(page, "the workspace, " + tab.getKey() + " (" + language + ")");
        }
        long seq = as(user(KOMMUNE1), () -> rounds.recordNumbers(workspaceId)).getFirst();
        page.navigate("/workspace/" + workspaceId + "/record/" + seq);
        assertThat(page.locator("#record-page-title")).isVisible();
        AxeCheck.assertNoSeriousViolations(page, "a decision record's page (" + language + ")");
    }

    @Test
    void an_observer_and_a_person_with_an_invitation_see_no_serious_violations() {
        long workspaceId = workspaceId();
        Page observer = BrowserSupport.login(person("da-DK"), OBSERVER1, PASSWORD);
        observer.navigate("/workspace/" + workspaceId + "/rounds");
        assertThat(observer.locator("#tab-rounds")).hasAttribute("aria-selected", "true");
        AxeCheck.assertNoSeriousViolations(observer, "the workspace as an observer sees it");

        String token = as(user(KOMMUNE1), () -> invitations.create(workspaceId, null, Role.OBSERVER,
                Duration.ofDays(1)).token());
        UserSummary newcomer = accounts.register("axe-" + System.nanoTime(), "Newcomer", "bla-hest-tromme-7");
        Page invited = BrowserSupport.login(person("en-GB"), newcomer.username(), "bla-hest-tromme-7");
        invited.navigate("/invite/" + token);
        assertThat(invited.locator("#accessibility-statement")).isVisible();
        AxeCheck.assertNoSeriousViolations(invited, "an invitation as its receiver sees it");
    }

    @Test
    void an_archived_workspace_shows_that_it_is_read_only_and_has_no_serious_violations() {
        UserSummary owner = user(KOMMUNE1);
        long archived = as(owner, () -> workspaces.create("Archived " + System.nanoTime(), "",
                List.of("Kommune", "Civilsamfund"), 0));
        long civilSide = as(owner, () -> workspaces.details(archived).sides().get(1).id());
        String token = as(owner, () -> invitations.create(archived, civilSide, Role.MODERATOR, Duration.ofDays(1))
                .token());
        as(user(CIVIL1), () -> invitations.accept(token));
        // As the retention worker archives (WorkspaceRetentionIT runs the worker itself).
        jdbc.update("update workspace set archived_at = current_timestamp, version = version + 1 where id = ?",
                archived);

        Page page = BrowserSupport.login(person("en-GB"), KOMMUNE1, PASSWORD);
        page.navigate("/workspace/" + archived + "/settings");
        assertThat(page.locator("#workspace-archived")).containsText("Archived, read-only since");
        assertThat(page.locator("#workspace-archived")).hasAttribute("role", "status");
        assertThat(page.locator("#settings-propose-unarchive")).isVisible();
        assertThat(page.locator("#settings-save")).isHidden();
        assertThat(page.locator("#settings-propose-delete")).hasCount(0);
        AxeCheck.assertNoSeriousViolations(page, "an archived workspace's settings");

        page.locator("#settings-propose-unarchive").click();
        assertThat(page.locator(".proposal-card")).containsText("Reopen the archived workspace");

        page.navigate("/workspace/" + archived + "/priorities");
        assertThat(page.locator("#tab-priorities")).hasAttribute("aria-selected", "true");
        assertThat(page.locator("#workspace-archived")).isVisible();
        AxeCheck.assertNoSeriousViolations(page, "an archived workspace's priorities");
    }

    /** Production mode: no development-mode flag in the page, no developer tools. */
    private static void assertProductionMode(Page page) {
        assertThat((Boolean) page.evaluate("() => !!(window.Vaadin && window.Vaadin.developmentMode)")).isFalse();
        assertThat(page.locator("vaadin-dev-tools")).hasCount(0);
    }

    private long workspaceId() {
        return as(user(KOMMUNE1), () -> workspaces.mine()).stream()
                .filter(w -> w.name().equals(dk.ligevaerd.testing.DemoUsers.WORKSPACE)).findFirst().orElseThrow().id();
    }

    private UserSummary user(String username) {
        return accounts.findByUsername(username).orElseThrow();
    }

    private BrowserContext person(String language) {
        return browser.newContext("http://localhost:" + port, language);
    }

    private static String text(String language, String key) {
        return Messages.get(Locale.forLanguageTag(language), key);
    }
}
