package dk.ligevaerd.history.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dk.ligevaerd.support.Acting.as;
import static dk.ligevaerd.support.Acting.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.account.UserSummary;
import dk.ligevaerd.browser.AxeCheck;
import dk.ligevaerd.browser.BrowserSupport;
import dk.ligevaerd.priority.PriorityService;
import dk.ligevaerd.priority.ValueLens;
import dk.ligevaerd.round.RoundDraft;
import dk.ligevaerd.round.RoundService;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.statement.CollabService;
import dk.ligevaerd.statement.StatementService;
import dk.ligevaerd.testing.RunningDemoApp;
import dk.ligevaerd.workspace.InvitationService;
import dk.ligevaerd.workspace.Role;
import dk.ligevaerd.workspace.SideView;
import dk.ligevaerd.workspace.WorkspaceService;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A committee member with an observer's seat reviews how a workspace decided, in a real browser:
 * the history, a comparison of two versions of the purpose, the decision record and its PDF, and
 * the equality view, which warns because the municipality proposed every priority. Each page is
 * also checked with axe-core. In Danish and in English.
 */
@RunningDemoApp
class HistoryObserverIT {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    private static final String PASSWORD = "bla-hest-tromme-7";

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired WorkspaceService workspaces;
    @Autowired InvitationService invitations;
    @Autowired PriorityService priorities;
    @Autowired RoundService rounds;
    @Autowired StatementService statements;
    @Autowired CollabService collab;

    String name;
    long workspaceId;
    long roundId;
    UserSummary observer;

    /**
     * A workspace where the municipality does all the proposing: three priorities from Kommune,
     * none from Civilsamfund; two saved versions of the purpose; one round closed jointly.
     */
    @BeforeEach
    void aWorkspaceWhereOneSideDominates() {
        String n = "obs" + System.nanoTime() % 1_000_000;
        UserSummary owner = accounts.register(n + "-k", "Karin Kommune", PASSWORD);
        UserSummary civil = accounts.register(n + "-c", "Cecilie Civil", PASSWORD);
        observer = accounts.register(n + "-o", "Ole Observatør", PASSWORD);
        name = "Gadeliv " + n;
        workspaceId = as(owner, () -> workspaces.create(name, "", List.of("Kommune", "Civilsamfund"), 0));
        List<SideView> sides = as(owner, () -> workspaces.details(workspaceId).sides());
        join(owner, civil, sides.get(1).id(), Role.MODERATOR);
        join(owner, observer, null, Role.OBSERVER);

        as(owner, () -> collab.edit(workspaceId, "k", 0, 0, "Flere trygge gader."));
        run(owner, () -> statements.saveVersion(workspaceId, "Første udkast"));
        as(civil, () -> collab.edit(workspaceId, "c", 19, 19, " Naboer mødes."));
        run(civil, () -> statements.saveVersion(workspaceId, "Med naboerne"));

        long a = as(owner, () -> priorities.propose(workspaceId, "Bedre lys", "", Set.of(ValueLens.SERVICE_QUALITY)));
        long b = as(owner, () -> priorities.propose(workspaceId, "Færre klager", "", Set.of(ValueLens.EFFICIENCY)));
        as(owner, () -> priorities.propose(workspaceId, "Gadefest", "", Set.of(ValueLens.SHARED_VALUES)));
        roundId = as(owner, () -> rounds.create(workspaceId, RoundDraft.dots("Hvad først?", List.of(a, b), 10, 10, 1)
                .withSecret(false)));
        run(owner, () -> {
            rounds.open(workspaceId, roundId);
            rounds.castDots(workspaceId, roundId, Map.of(a, 10));
            rounds.confirmClosing(workspaceId, roundId);
        });
        run(civil, () -> {
            rounds.castDots(workspaceId, roundId, Map.of(b, 10));
            rounds.confirmClosing(workspaceId, roundId);
        });
    }

    private void join(UserSummary owner, UserSummary user, Long sideId, Role role) {
        String token = as(owner, () -> invitations.create(workspaceId, sideId, role, Duration.ofDays(1)).token());
        as(user, () -> invitations.accept(token));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"da-DK", "en-GB"})
    void an_observer_reviews_history_versions_record_and_equality(String language) throws Exception {
        Locale locale = Locale.forLanguageTag(language);
        Page page = BrowserSupport.login(browser.newContext("http://localhost:" + port, language),
                observer.username(), PASSWORD);

        // The history, with the closed round's record among its entries.
        page.navigate("/workspace/" + workspaceId + "/history");
        assertThat(page.locator("#history-list")).containsText(Messages.get(locale, "history.openRecord", 1));
        AxeCheck.assertNoSeriousViolations(page, "the history (" + language + ")");

        // Compare the two saved versions, word by word.
        page.locator("#tab-statement").click();
        BrowserSupport.choose(page, "compare-from", "Første udkast");
        BrowserSupport.choose(page, "compare-to", "Med naboerne");
        page.locator("#compare-button").click();
        assertThat(page.locator("#version-diff ins")).containsText("Naboer mødes.");
        assertThat(page.locator("#version-diff")).containsText("Flere trygge gader.");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/workspace/" + workspaceId + "/statement$"));

        // Open the decision record from the history.
        page.locator("#tab-activity").click();
        page.locator(".history-record-link").first().click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/workspace/" + workspaceId + "/record/1$"));
        assertThat(page.locator("#record-page-title")).hasText(Messages.get(locale, "record.title", 1));
        assertThat(page.locator("#record-page")).containsText("Hvad først?");
        AxeCheck.assertNoSeriousViolations(page, "the decision record page (" + language + ")");

        // Download its PDF and read it back.
        Download download = page.waitForDownload(() -> page.locator("#record-download-pdf-" + roundId).click());
        byte[] pdf = Files.readAllBytes(download.path());
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String text = new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1);
        assertThat(text).contains(name).contains("Hvad først?").contains(Messages.get(locale, "record.title", 1));
        assertThat(download.suggestedFilename()).endsWith(".pdf");

        // The equality view warns: Kommune proposed all three priorities.
        page.locator("#record-page-workspace").click();
        page.locator("#tab-equality").click();
        assertThat(page.locator("#equality-warnings .equality-warning[data-measure='proposed']")).isVisible();
        assertThat(page.locator("#equality-warnings")).containsText("Kommune");
        assertThat(page.locator("#equality-shares-chart")).isVisible();
        AxeCheck.assertNoSeriousViolations(page, "the equality view (" + language + ")");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"da-DK", "en-GB"})
    void a_history_line_leads_to_the_priority_round_record_or_version_itself_marked_and_in_view(String language) {
        Locale locale = Locale.forLanguageTag(language);
        Page page = BrowserSupport.login(browser.newContext("http://localhost:" + port, language),
                observer.username(), PASSWORD);
        String history = "/workspace/" + workspaceId + "/history";

        // The priority: its card, marked, in view; not merely the Priorities tab.
        page.navigate(history);
        Locator proposed = page.locator(".activity-item[data-kind='priority.proposed']")
                .filter(new Locator.FilterOptions().setHasText("Gadefest"));
        assertThat(proposed.locator(".history-thing-link")).hasText(Messages.get(locale, "history.open.priority"));
        proposed.locator(".history-thing-link").click();
        assertThat(page).hasURL(Pattern.compile(".*/workspace/" + workspaceId + "/priorities\\?priority=\\d+$"));
        Locator marked = page.locator(".priority-card.linked-item");
        assertThat(marked).hasCount(1);
        assertThat(marked).containsText("Gadefest");
        assertThat(marked).hasAttribute("aria-current", "true");
        assertThat(marked).isInViewport();

        // The round: its card.
        page.navigate(history);
        Locator opened = page.locator(".activity-item[data-kind='round.opened']");
        assertThat(opened).containsText("Hvad først?");
        opened.locator(".history-thing-link").click();
        assertThat(page).hasURL(Pattern.compile(".*/workspace/" + workspaceId + "/rounds\\?round=" + roundId + "$"));
        assertThat(page.locator("#round-" + roundId)).hasClass(Pattern.compile(".*\\blinked-item\\b.*"));
        assertThat(page.locator(".round-card.linked-item")).hasCount(1);
        assertThat(page.locator("#round-" + roundId)).isInViewport();

        // The closed round's line: its record's own page.
        page.navigate(history);
        page.locator(".activity-item[data-kind='round.closed'] .history-record-link").click();
        assertThat(page).hasURL(Pattern.compile(".*/workspace/" + workspaceId + "/record/1$"));
        assertThat(page.locator("#record-page")).containsText("Hvad først?");

        // A saved version, named in its line: the version in the statement's list of versions.
        page.navigate(history);
        Locator saved = page.locator(".activity-item[data-kind='statement.versionSaved']")
                .filter(new Locator.FilterOptions().setHasText("Første udkast"));
        assertThat(saved).hasCount(1);
        saved.locator(".history-thing-link").click();
        assertThat(page).hasURL(Pattern.compile(".*/workspace/" + workspaceId + "/statement\\?version=\\d+$"));
        Locator version = page.locator(".statement-version.linked-item");
        assertThat(version).hasCount(1);
        assertThat(version.locator(".statement-version-name")).hasText("Første udkast");
        assertThat(version).isInViewport();
    }
}
