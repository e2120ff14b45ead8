package dk.ligevaerd.suggestion.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dk.ligevaerd.testing.DemoUsers.CIVIL2;
import static dk.ligevaerd.testing.DemoUsers.KOMMUNE2;
import static dk.ligevaerd.testing.DemoUsers.PASSWORD;
import static dk.ligevaerd.testing.DemoUsers.WORKSPACE;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dk.ligevaerd.browser.AxeCheck;
import dk.ligevaerd.browser.BrowserSupport;
import dk.ligevaerd.testing.RunningDemoApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A suggested change between two sides in two real browsers, on the demo workspace: a municipal
 * participant suggests it with a reason, the civil-society participant sees it arrive while the
 * editor is open, accepts it for her side, and both editors show the new text at once.
 */
@RunningDemoApp
class SuggestionBrowserIT {

    private static final String EDITOR = "ligevaerd-statement-editor";
    private static final String OLD = "bruge deres tid på besøgene";
    private static final String NEW = "bruge deres tid på besøgene og fællesskaberne";
    private static final String REASON = "Fællesskaberne er halvdelen af formålet.";

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @LocalServerPort
    int port;

    @Test
    void kommune2_suggests_civil2_sees_it_live_and_accepts_and_both_editors_show_the_new_text() {
        Page kommune = statementTab(KOMMUNE2);
        Page civil = statementTab(CIVIL2);

        kommune.locator("#suggestion-old input").fill(OLD);
        kommune.locator("#suggestion-new textarea").fill(NEW);
        kommune.locator("#suggestion-reason textarea").fill(REASON);
        kommune.locator("#suggestion-submit").click();

        Locator arrived = civil.locator(".suggestion-card[data-state=PENDING]").filter(
                new Locator.FilterOptions().setHasText(REASON));
        assertThat(arrived).isVisible();
        assertThat(arrived.locator("del")).containsText(OLD);
        assertThat(arrived.locator("ins")).containsText(NEW);
        assertThat(kommune.locator(".suggestion-card[data-state=PENDING]").filter(
                new Locator.FilterOptions().setHasText(REASON)).locator(".suggestion-accept")).hasCount(0);
        AxeCheck.assertNoSeriousViolations(civil, "the statement tab with a pending suggestion, other side");
        AxeCheck.assertNoSeriousViolations(kommune, "the statement tab with a pending suggestion, proposer");

        arrived.locator(".suggestion-accept").click();

        assertThat(civil.locator(EDITOR + " .cm-content")).containsText(NEW);
        assertThat(kommune.locator(EDITOR + " .cm-content")).containsText(NEW);
        assertThat(kommune.locator(".suggestion-card[data-state=APPLIED]").filter(
                new Locator.FilterOptions().setHasText(REASON))).isVisible();
        assertThat(civil.locator(".suggestion-card[data-state=APPLIED]").filter(
                new Locator.FilterOptions().setHasText(REASON))).isVisible();
        AxeCheck.assertNoSeriousViolations(civil, "the statement tab with an applied suggestion");
    }

    private Page statementTab(String username) {
        Page page = BrowserSupport.login(browser.newContext("http://localhost:" + port), username, PASSWORD);
        page.locator("#workspace-list").getByText(WORKSPACE).click();
        page.locator("#tab-statement").click();
        assertThat(page.locator(EDITOR + "[data-status=connected]")).hasCount(1);
        assertThat(page.locator("#suggestions")).isVisible();
        return page;
    }
}
