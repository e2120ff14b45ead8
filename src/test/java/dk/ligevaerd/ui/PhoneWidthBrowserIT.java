package dk.ligevaerd.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dk.ligevaerd.testing.DemoUsers.KOMMUNE3;
import static dk.ligevaerd.testing.DemoUsers.PASSWORD;
import static dk.ligevaerd.testing.DemoUsers.WORKSPACE;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dk.ligevaerd.browser.BrowserSupport;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.testing.RunningDemoApp;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The workspace, a round and a decision record on a phone (390 × 844 CSS pixels), in Danish and in
 * English: nothing makes the page scroll sideways, no result table needs sideways scrolling, the
 * workspace's first tab starts on the first screen, and the record's heading is not cut off.
 * Screenshots of each page are saved under {@code target/screenshots/phone-*}.
 */
@RunningDemoApp
class PhoneWidthBrowserIT {

    private static final int WIDTH = 390;
    private static final int HEIGHT = 844;
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** Elements (by a short description) that are wider than the screen or scroll sideways inside. */
    private static final String SIDEWAYS = """
            () => {
              const wide = [];
              const describe = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                  + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
              for (const table of document.querySelectorAll('table')) {
                if (!table.offsetParent) continue;
                const box = table.getBoundingClientRect();
                const holder = table.parentElement;
                if (box.right > window.innerWidth + 1 || holder.scrollWidth > holder.clientWidth + 1) {
                  wide.push(describe(table) + ' ' + Math.round(box.width) + 'px');
                }
              }
              return wide;
            }""";

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"da-DK", "en-GB"})
    void the_workspace_a_round_and_a_record_fit_a_phone_screen(String language) {
        Locale locale = Locale.forLanguageTag(language.substring(0, 2));
        String tag = locale.getLanguage();
        BrowserContext person = browser.newContext("http://localhost:" + port, language);
        person.newPage().setViewportSize(WIDTH, HEIGHT);
        Page page = BrowserSupport.login(person, KOMMUNE3, PASSWORD);

        page.locator("#workspace-list").getByText(WORKSPACE).click();
        assertThat(page.locator("#workspace-title")).hasText(WORKSPACE);
        Matcher id = Pattern.compile(".*/workspace/(\\d+).*").matcher(page.url());
        assertThat(id.matches()).as(page.url()).isTrue();
        long workspaceId = Long.parseLong(id.group(1));
        assertThat(page.locator("vaadin-tabsheet > [tab]:not([hidden])").first()).isVisible();
        page.waitForTimeout(300);
        shoot(page, "phone-workspace-" + tag);
        noSidewaysScrolling(page, "the workspace");
        double contentTop = page.locator("vaadin-tabsheet > [tab]:not([hidden])").first().boundingBox().y;
        assertThat(contentTop).as("where the first tab's content starts on the workspace page (px from the top)")
                .isLessThan(HEIGHT / 2.0);

        page.navigate("/workspace/" + workspaceId + "/rounds");
        assertThat(page.locator(".round-card").first()).isVisible();
        page.locator(".round-card").first().scrollIntoViewIfNeeded();
        page.waitForTimeout(300);
        shoot(page, "phone-round-" + tag);
        noSidewaysScrolling(page, "the rounds tab");

        page.navigate("/workspace/" + workspaceId + "/record/1");
        assertThat(page.locator("#record-page-title")).hasText(Messages.get(locale, "record.title", 1));
        page.waitForTimeout(300);
        shoot(page, "phone-record-" + tag);
        noSidewaysScrolling(page, "the record page");
        Object clipped = page.locator("#record-page-title").evaluate("""
                h => h.scrollWidth > h.clientWidth + 1 || h.getBoundingClientRect().left < 0
                     || h.getBoundingClientRect().right > window.innerWidth + 1""");
        assertThat(clipped).as("the record heading is cut off").isEqualTo(false);
    }

    /**
     * Notes, from the first moment of every document, whether the workspace header's disclosure
     * was ever open: a header drawn open and folded afterwards flashes on the phone.
     */
    private static final String WATCH_HEADER = """
            window.__aboutWasOpen = false;
            new MutationObserver(() => {
              const about = document.getElementById('workspace-about');
              if (about && about.open) window.__aboutWasOpen = true;
            }).observe(document, {subtree: true, childList: true, attributes: true, attributeFilter: ['open']});
            """;

    @ParameterizedTest
    @ValueSource(strings = {"da-DK", "en-GB"})
    void on_a_phone_the_workspace_header_is_folded_from_the_first_drawing_and_never_flashes_open(String language) {
        BrowserContext person = browser.newContext("http://localhost:" + port, language);
        person.addInitScript(WATCH_HEADER);
        person.newPage().setViewportSize(WIDTH, HEIGHT);
        Page page = BrowserSupport.login(person, KOMMUNE3, PASSWORD);

        // Arriving from the list of workspaces, within the running page.
        page.locator("#workspace-list").getByText(WORKSPACE).click();
        assertThat(page.locator("#workspace-title")).hasText(WORKSPACE);
        assertThat(page.locator("vaadin-tabsheet > [tab]:not([hidden])").first()).isVisible();
        assertThat(page.locator("#workspace-about-summary")).isVisible();
        assertThat(page.locator("#workspace-about").evaluate("e => e.open")).isEqualTo(false);
        assertThat(page.evaluate("() => window.__aboutWasOpen")).as("the header was drawn open").isEqualTo(false);

        // Opening the workspace's address afresh.
        page.reload();
        assertThat(page.locator("#workspace-title")).hasText(WORKSPACE);
        assertThat(page.locator("vaadin-tabsheet > [tab]:not([hidden])").first()).isVisible();
        assertThat(page.locator("#workspace-about").evaluate("e => e.open")).isEqualTo(false);
        assertThat(page.evaluate("() => window.__aboutWasOpen")).as("the header was drawn open on a fresh load")
                .isEqualTo(false);

        // The folded header still opens on a tap.
        page.locator("#workspace-about-summary").click();
        assertThat(page.locator("#workspace-about .my-place")).isVisible();
    }

    private static void noSidewaysScrolling(Page page, String where) {
        Object pageWidth = page.evaluate("() => document.scrollingElement.scrollWidth");
        Object innerWidth = page.evaluate("() => window.innerWidth");
        assertThat(((Number) pageWidth).intValue()).as("the width of " + where + " at " + innerWidth + " px")
                .isLessThanOrEqualTo(((Number) innerWidth).intValue());
        @SuppressWarnings("unchecked")
        List<Object> wide = (List<Object>) page.evaluate(SIDEWAYS);
        assertThat(wide).as("tables on " + where + " that scroll sideways").isEmpty();
    }

    private static void shoot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + "-first-screen.png")));
    }
}
