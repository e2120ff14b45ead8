package dk.ligevaerd.workspace.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dk.ligevaerd.testing.DemoUsers.KOMMUNE2;
import static dk.ligevaerd.testing.DemoUsers.PASSWORD;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dk.ligevaerd.browser.BrowserSupport;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.testing.RunningDemoApp;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The first minutes after creating a workspace, in a real browser: the next step is on the page. */
@RunningDemoApp
class StartChecklistBrowserIT {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    private static final String EDITOR = "ligevaerd-statement-editor";

    @LocalServerPort
    int port;

    @Test
    void a_new_workspace_offers_the_other_sides_first_moderator_link_at_the_top() {
        Page page = BrowserSupport.login(browser.newContext("http://localhost:" + port), KOMMUNE2, PASSWORD);
        String name = "Nyt rum " + UUID.randomUUID().toString().substring(0, 6);
        page.locator("#new-workspace").click();
        page.locator("#workspace-name input").fill(name);
        page.locator("#create-workspace").click();
        assertThat(page.locator("#workspace-title")).hasText(name);

        Locator checklist = page.locator("#start-checklist");
        assertThat(checklist).isVisible();
        assertThat(checklist.locator(".start-step")).hasCount(3);
        String civil = Messages.get(Messages.DANISH, "side.default.civil");
        Locator invite = checklist.locator(".start-step[data-step='invite']");
        assertThat(invite).containsText(Messages.get(Messages.DANISH, "start.invite", civil));
        assertThat(invite).not().hasClass(Pattern.compile(".*\\bdone\\b.*"));
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "start-checklist.png")));

        invite.locator(".start-invite").click();

        assertThat(page.locator("#invitation-link input")).hasValue(Pattern.compile("^http.*/invite/[A-Za-z0-9_-]{43}$"));
        page.locator("#close-invitation").click();
        assertThat(invite).hasClass(Pattern.compile(".*\\bdone\\b.*"));
        assertThat(invite).containsText(Messages.get(Messages.DANISH, "start.invite.waiting"));
    }

    @Test
    void a_first_draft_ticks_its_step_at_once_on_the_writers_page_and_on_another_open_page() {
        BrowserContext person = browser.newContext("http://localhost:" + port);
        Page writer = BrowserSupport.login(person, KOMMUNE2, PASSWORD);
        String name = "Udkast " + UUID.randomUUID().toString().substring(0, 6);
        writer.locator("#new-workspace").click();
        writer.locator("#workspace-name input").fill(name);
        writer.locator("#create-workspace").click();
        assertThat(writer.locator("#workspace-title")).hasText(name);
        // The address follows the new page a moment after it is drawn.
        assertThat(writer).hasURL(Pattern.compile(".*/workspace/\\d+$"));
        Page other = person.newPage();
        other.navigate(writer.url());
        assertThat(other.locator("#workspace-title")).hasText(name);
        String draft = ".start-step[data-step='statement']";
        assertThat(writer.locator(draft)).not().hasClass(Pattern.compile(".*\\bdone\\b.*"));
        assertThat(other.locator(draft)).not().hasClass(Pattern.compile(".*\\bdone\\b.*"));

        writer.locator("#start-open-statement").click();
        writer.locator(EDITOR + "[data-status=connected]").waitFor();
        writer.locator(EDITOR + " .cm-content").click();
        writer.keyboard().type("Flere besøgsvenner");

        // No reload and no other tab: the step ticks where it was written and on the other page.
        assertThat(writer.locator(draft)).hasClass(Pattern.compile(".*\\bdone\\b.*"));
        assertThat(other.locator(draft)).hasClass(Pattern.compile(".*\\bdone\\b.*"));
        assertThat(writer).hasURL(Pattern.compile(".*/statement$"));
    }
}
