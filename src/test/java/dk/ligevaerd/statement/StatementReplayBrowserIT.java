package dk.ligevaerd.statement;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dk.ligevaerd.testing.DemoUsers.KOMMUNE1;
import static dk.ligevaerd.testing.DemoUsers.OBSERVER1;
import static dk.ligevaerd.testing.DemoUsers.PASSWORD;
import static dk.ligevaerd.testing.DemoUsers.WORKSPACE;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dk.ligevaerd.browser.AxeCheck;
import dk.ligevaerd.browser.BrowserSupport;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.testing.RunAs;
import dk.ligevaerd.testing.RunningDemoApp;
import dk.ligevaerd.workspace.WorkspaceService;
import java.util.List;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The replay in a real browser: the slider and the buttons move through the demo's history, Play
 * reaches the latest change by server push alone, nothing on the tab is seriously inaccessible, and
 * the panel fits a phone. Screenshots at laptop and phone width land in {@code target/screenshots}.
 */
@RunningDemoApp
class StatementReplayBrowserIT {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @LocalServerPort
    int port;

    @Autowired AccountService accounts;
    @Autowired WorkspaceService workspaces;
    @Autowired CollabService collab;

    private static final Locale ENGLISH = Locale.ENGLISH;

    private Page statementTab() {
        Page page = BrowserSupport.login(browser.newContext("http://localhost:" + port, "en-GB"), OBSERVER1, PASSWORD);
        page.locator("#workspace-list").getByText(WORKSPACE).click();
        page.locator("#tab-statement").click();
        assertThat(page.locator("#replay-caption")).isVisible();
        return page;
    }

    @Test
    void an_observer_steps_scrubs_and_plays_the_history_to_the_latest_change() {
        Page page = statementTab();
        Locator caption = page.locator("#replay-caption");
        assertThat(caption).containsText(Pattern.compile("Change (\\d+) of \\1 · "));

        page.locator("#replay-first").click();
        assertThat(caption).hasText(Pattern.compile("^The start · \\d+ changes follow$"));
        page.locator("#replay-next").click();
        assertThat(caption).containsText("Change 1 of ");
        assertThat(page.locator("#replay-text mark.replay-inserted")).containsText("Besøgsvenner i Vestbyen");

        page.locator("#replay-slider").fill("2");
        assertThat(caption).containsText("Change 2 of ");
        assertThat(page.locator("#replay-text del.replay-removed")).containsText("hver uge.");
        assertThat(page.locator("#replay-summary")).containsText(Messages.get(ENGLISH, "statement.replay.savedAs",
                "Første udkast"));

        page.locator("#replay-play").click();
        assertThat(page.locator("#replay-play")).hasText(Messages.get(ENGLISH, "statement.replay.pause"));
        assertThat(caption).containsText(Pattern.compile("Change (\\d+) of \\1 · "),
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions()
                        .setTimeout(Duration.ofSeconds(40).toMillis()));
        assertThat(page.locator("#replay-play")).hasText(Messages.get(ENGLISH, "statement.replay.play"));
        assertThat(page.locator("#replay-next")).isDisabled();
    }

    @Test
    void the_statement_tab_with_its_replay_has_no_serious_violations_and_fits_a_phone() {
        Page page = statementTab();
        page.locator("#replay-slider").fill("4");
        assertThat(page.locator("#replay-caption")).containsText("Change 4 of ");
        AxeCheck.assertNoSeriousViolations(page, "the statement tab with its replay");
        page.locator("#replay-panel").screenshot(new Locator.ScreenshotOptions()
                .setPath(Path.of("target", "screenshots", "replay-laptop.png")));

        page.setViewportSize(390, 844);
        page.locator("#replay-panel").scrollIntoViewIfNeeded();
        page.locator("#replay-panel").screenshot(new Locator.ScreenshotOptions()
                .setPath(Path.of("target", "screenshots", "replay-phone.png")));
        Object overflow = page.evaluate("() => document.querySelector('#replay-panel').scrollWidth"
                + " - document.querySelector('#replay-panel').clientWidth");
        org.assertj.core.api.Assertions.assertThat(((Number) overflow).intValue()).as("sideways overflow")
                .isLessThanOrEqualTo(0);
    }

    /** Adds single-character changes at the end of the text, as typing does. */
    private void type(long ws, int changes) {
        RunAs.user(accounts, KOMMUNE1, () -> {
            int at = collab.snapshot(ws).text().length();
            for (int i = 0; i < changes; i++) {
                collab.edit(ws, "typist", at + i, at + i, i % 6 == 5 ? " " : "x");
            }
            return null;
        });
    }

    @Test
    void the_thumb_stands_where_the_caption_says_past_a_hundred_changes_and_as_the_text_grows() {
        long ws = RunAs.user(accounts, KOMMUNE1, () -> workspaces.create("Over hundrede ændringer", "",
                List.of("Kommune", "Civilsamfund"), 0));
        type(ws, 130);
        Page page = BrowserSupport.login(browser.newContext("http://localhost:" + port, "en-GB"), KOMMUNE1, PASSWORD);
        page.navigate("/workspace/" + ws);
        page.locator("#tab-statement").click();
        Locator caption = page.locator("#replay-caption");
        Locator slider = page.locator("#replay-slider");
        assertThat(caption).containsText("Change 130 of 130 · ");
        // The browser's own idea of the thumb: a value beyond the range it had stops at its end.
        thumbAt(page, 130, 130);

        type(ws, 12);
        assertThat(caption).containsText("Change 142 of 142 · ");
        thumbAt(page, 142, 142);

        page.locator("#replay-unit").getByText(Messages.get(ENGLISH, "statement.replay.unitWord")).click();
        // Words of five letters and a space (one of nine where the two batches meet): 23 steps, the
        // last one changes 137–142.
        assertThat(caption).containsText(Messages.get(ENGLISH, "statement.replay.wordValueRange", 23, 23, 137, 142, 142));
        thumbAt(page, 23, 23);
        assertThat(slider).hasAttribute("aria-valuetext",
                Messages.get(ENGLISH, "statement.replay.wordValueRange", 23, 23, 137, 142, 142));
    }

    /** Waits until the browser's own slider stands at {@code value} of {@code max}, and says where it is if not. */
    private static void thumbAt(Page page, int value, int max) {
        String place = "const s = document.querySelector('#replay-slider');"
                + " const at = 'value ' + Number(s.value) + ' of ' + Number(s.max);";
        String where = "() => { " + place + " return at; }";
        try {
            page.waitForFunction("expected => { " + place + " return at === expected; }",
                    "value " + value + " of " + max);
        } catch (com.microsoft.playwright.TimeoutError e) {
            org.assertj.core.api.Assertions.assertThat(page.evaluate(where).toString()).as("the slider's thumb")
                    .isEqualTo("value " + value + " of " + max);
        }
    }
}
