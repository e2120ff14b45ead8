package dk.ligevaerd.statement.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dk.ligevaerd.support.Acting.as;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.account.UserSummary;
import dk.ligevaerd.browser.AxeCheck;
import dk.ligevaerd.browser.BrowserSupport;
import dk.ligevaerd.deliberation.CommentService;
import dk.ligevaerd.statement.CollabService;
import dk.ligevaerd.workspace.InvitationService;
import dk.ligevaerd.workspace.WorkspaceFixture;
import dk.ligevaerd.workspace.WorkspaceService;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Comments and suggested changes in the editor itself, in two real browsers: a municipal participant
 * selects words in the editor (by keyboard) and comments on them; the civil-society moderator sees
 * the words marked at once, types before them, and the mark stays on the same words in both
 * editors; a change suggested from a selection shows as a tracked change (old struck, new after
 * it) in both editors. axe finds no serious or critical violation with the marks shown. The
 * threads on the text are listed beside the editor and a mark opens its thread there, by mouse or
 * keyboard; a suggestion whose words are changed shows at once that it no longer fits.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ligevaerd.demo.enabled=false",
        "spring.datasource.url=jdbc:h2:file:./target/test-db/editor-marks-browser-${random.uuid}"})
class EditorMarksBrowserIT {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired WorkspaceService workspaces;
    @Autowired InvitationService invitations;
    @Autowired CollabService collab;
    @Autowired CommentService comments;

    WorkspaceFixture f;

    @BeforeEach
    void fixture() {
        f = new WorkspaceFixture(accounts, workspaces, invitations);
        as(f.owner, () -> collab.edit(f.workspaceId, "setup", 0, 0, "Formål: flere besøg i Vestbyen og færre skemaer."));
    }

    private String base() {
        return "http://localhost:" + port;
    }

    /** A browser of its own, logged in through the login form's endpoint, on the given tab. */
    private Page open(UserSummary user, @Nullable String tab) {
        return open(user, tab, "en-GB");
    }

    private Page open(UserSummary user, @Nullable String tab, String locale) {
        BrowserContext context = browser.loggedIn(base(), locale, user.username(), "bla-hest-tromme-7");
        context.setDefaultTimeout(30_000);
        Page page = context.newPage();
        BrowserSupport.echo(page, user.username());
        page.navigate(base() + "/workspace/" + f.workspaceId + (tab == null ? "" : "/" + tab));
        page.locator("#workspace-title").waitFor();
        return page;
    }

    private static void fill(Locator field, String value) {
        field.fill(value);
        field.press("Tab");
    }

    private static final String EDITOR = "ligevaerd-statement-editor";

    /** Selects {@code words} in the editor with the keyboard, as a person without a mouse would. */
    private static void select(Page page, String words) {
        Locator content = page.locator(EDITOR + " .cm-content");
        content.focus();
        int at = ((Number) page.locator(EDITOR).evaluate("(e, w) => e.value.indexOf(w)", words)).intValue();
        org.assertj.core.api.Assertions.assertThat(at).as("the words are in the text").isNotNegative();
        page.keyboard().press("Control+Home");
        for (int i = 0; i < at; i++) {
            page.keyboard().press("ArrowRight");
        }
        for (int i = 0; i < words.length(); i++) {
            page.keyboard().press("Shift+ArrowRight");
        }
    }

    /** Waits until the elements of {@code selector} in the editor read, together, {@code words}. */
    private static void marked(Page page, String selector, String words) {
        // Other editors' caret labels may stand inside a mark: their names are not the mark's words.
        page.waitForFunction("([s, w]) => [...document.querySelector('" + EDITOR + "').shadowRoot"
                + ".querySelectorAll(s)].map(e => { const c = e.cloneNode(true);"
                + " c.querySelectorAll('.cm-remote-caret').forEach(x => x.remove()); return c.textContent; })"
                + ".join('') === w", List.of(selector, words));
    }

    /** Waits until the editor's text (without the other editors' caret labels) is {@code text}. */
    private static void reads(Page page, String text) {
        page.waitForFunction("t => document.querySelector('" + EDITOR + "').value === t", text);
    }

    @Test
    void a_comment_and_a_suggestion_made_from_a_selection_are_marked_in_both_editors_and_follow_the_text() {
        Page municipal = open(f.participant, "statement");
        Page civil = open(f.otherModerator, "statement");
        assertThat(municipal.locator(EDITOR + "[data-status=connected]")).hasCount(1);
        assertThat(civil.locator(EDITOR + "[data-status=connected]")).hasCount(1);
        assertThat(municipal.locator(EDITOR + " #action-comment")).isDisabled();

        select(municipal, "flere besøg");
        assertThat(municipal.locator(EDITOR + " #action-comment")).isEnabled();
        municipal.keyboard().press("Tab");
        assertThat(municipal.locator(EDITOR + " #action-comment")).isFocused();
        municipal.keyboard().press("Enter");
        assertThat(municipal.locator("#passage-comment-quote")).hasText("“flere besøg”");
        assertThat(municipal.locator("#passage-comment-body textarea")).isFocused();
        municipal.keyboard().type("Hvor mange er flere?");
        municipal.locator("#passage-comment-start").click();
        assertThat(municipal.locator("#passage-comment-form")).isHidden();

        marked(civil, ".cm-comment-mark", "flere besøg");
        marked(municipal, ".cm-comment-mark", "flere besøg");
        assertThat(civil.locator(EDITOR + " .cm-comment-mark").first()).hasAttribute("title",
                java.util.regex.Pattern.compile("^Commented by .+"));
        org.assertj.core.api.Assertions.assertThat(as(f.owner, () -> comments.threads(f.workspaceId)).getFirst()
                .passage().wording()).isEqualTo("flere besøg");

        // Typed before the passage, by the other side: the mark stays on the same words.
        civil.locator(EDITOR + " .cm-content").focus();
        civil.keyboard().press("Control+Home");
        civil.keyboard().type("Vores ");
        reads(municipal, "Vores Formål: flere besøg i Vestbyen og færre skemaer.");
        marked(civil, ".cm-comment-mark", "flere besøg");
        marked(municipal, ".cm-comment-mark", "flere besøg");

        select(municipal, "færre skemaer");
        municipal.locator(EDITOR + " #action-suggest").click();
        assertThat(municipal.locator("#suggestion-old input")).hasValue("færre skemaer");
        municipal.locator("#suggestion-new textarea").fill("færre blanketter");
        municipal.locator("#suggestion-reason textarea").fill("Det er blanketterne, der tager tiden.");
        municipal.locator("#suggestion-submit").click();

        for (Page page : List.of(civil, municipal)) {
            marked(page, ".cm-suggest-old", "færre skemaer");
            marked(page, ".cm-suggest-new", "færre blanketter");
            marked(page, ".cm-comment-mark", "flere besøg");
        }
        reads(civil, "Vores Formål: flere besøg i Vestbyen og færre skemaer.");
        AxeCheck.assertNoSeriousViolations(civil, "the statement tab with a comment and a suggestion marked");
        AxeCheck.assertNoSeriousViolations(municipal, "the statement tab with marks, after commenting");
    }

    @Test
    void a_mark_opens_its_thread_beside_the_editor_and_a_change_inside_a_suggestion_shows_it_no_longer_fits() {
        long thread = as(f.participant, () -> {
            var now = collab.snapshot(f.workspaceId);
            int at = now.text().indexOf("flere besøg");
            return comments.startOnPassage(f.workspaceId, now.version(), at, at + "flere besøg".length(),
                    "Hvor mange er flere?");
        });
        Page municipal = open(f.participant, "statement");
        Page civil = open(f.otherModerator, "statement", "da-DK");
        marked(civil, ".cm-comment-mark", "flere besøg");
        assertThat(civil.locator("#passage-threads-title")).hasText("Kommentarer til teksten (1)");
        assertThat(civil.locator("#passage-threads .passage-thread-line")).containsText("Hvor mange er flere?");
        assertThat(civil.locator("#passage-threads .passage-thread-line")).containsText("ingen svar");

        // A click on the marked words opens the thread beside the editor, focused, to be answered there.
        civil.locator(EDITOR + " .cm-comment-mark").first().click();
        Locator card = civil.locator("#passage-thread-" + thread);
        assertThat(card).isVisible();
        assertThat(card).isFocused();
        assertThat(civil.locator("#passage-threads .passage-thread-line").first()).hasAttribute("aria-expanded", "true");
        card.locator(".thread-reply textarea").fill("Mindst to om ugen.");
        card.locator(".thread-send").click();
        assertThat(card.locator(".comment-entry")).hasCount(2);
        assertThat(municipal.locator("#passage-threads .passage-thread-line")).containsText("1 reply");

        // By keyboard: with the caret in the marked words, a button beside the editor opens the thread.
        select(municipal, "besøg");
        municipal.keyboard().press("ArrowLeft");
        Locator show = municipal.locator(EDITOR + " button.mark-open");
        assertThat(show).hasText("Show the comment on these words");
        show.focus();
        municipal.keyboard().press("Enter");
        assertThat(municipal.locator("#passage-thread-" + thread)).isFocused();
        assertThat(municipal.locator("#passage-thread-" + thread + " .comment-entry").nth(1))
                .containsText("Mindst to om ugen.");

        // A suggestion, then a word typed inside its old words: both editors stop showing it as a
        // change that would apply, at once, and its card says it is outdated.
        select(municipal, "færre skemaer");
        municipal.locator(EDITOR + " #action-suggest").click();
        assertThat(municipal.locator("#suggestion-new textarea")).hasValue("færre skemaer");
        municipal.locator("#suggestion-new textarea").fill("færre blanketter");
        municipal.locator("#suggestion-reason textarea").fill("Det er blanketterne, der tager tiden.");
        municipal.locator("#suggestion-submit").click();
        marked(civil, ".cm-suggest-old", "færre skemaer");
        marked(civil, ".cm-suggest-new", "færre blanketter");
        select(civil, "skemaer");
        civil.keyboard().press("ArrowLeft");
        civil.keyboard().type("lange ");
        for (Page page : List.of(civil, municipal)) {
            reads(page, "Formål: flere besøg i Vestbyen og færre lange skemaer.");
            marked(page, ".cm-suggest-outdated", "færre lange skemaer");
            assertThat(page.locator(EDITOR + " .cm-suggest-new")).hasCount(0);
            assertThat(page.locator("#suggestions .suggestion-card[data-outdated=true]")).hasCount(1);
        }
        assertThat(civil.locator(EDITOR + " .cm-suggest-outdated").first()).hasAttribute("title",
                java.util.regex.Pattern.compile("^Ændringsforslag fra .+ passer ikke længere"));
        // Its mark still leads to its card.
        civil.locator(EDITOR + " .cm-suggest-outdated").first().click();
        assertThat(civil.locator("#suggestions .suggestion-card[data-outdated=true]")).isFocused();
        AxeCheck.assertNoSeriousViolations(civil, "a thread open beside the editor, an outdated suggestion (da)");
        AxeCheck.assertNoSeriousViolations(municipal, "a thread open beside the editor (en)");
    }

    @Test
    void a_long_margin_shows_its_first_lines_and_a_mark_further_down_still_opens_its_thread() {
        long last = as(f.participant, () -> {
            StringBuilder words = new StringBuilder(" ");
            for (int i = 0; i < 45; i++) {
                words.append("ord").append(i).append(' ');
            }
            int length = collab.snapshot(f.workspaceId).text().length();
            collab.edit(f.workspaceId, "setup", length, length, words.toString());
            var now = collab.snapshot(f.workspaceId);
            long id = -1;
            for (int i = 0; i < 45; i++) {
                int at = now.text().indexOf("ord" + i + " ");
                id = comments.startOnPassage(f.workspaceId, now.version(), at, at + ("ord" + i).length(),
                        "Hvad betyder ord" + i + "?");
            }
            return id;
        });
        Page civil = open(f.otherModerator, "statement");
        assertThat(civil.locator("#passage-threads-title")).hasText("Comments on the text (45)");
        assertThat(civil.locator("#passage-threads .passage-thread")).hasCount(40);
        assertThat(civil.locator("#passage-threads-more")).hasText("Show 5 more");

        civil.locator(EDITOR + " .cm-comment-mark[data-thread='" + last + "']").click();
        assertThat(civil.locator("#passage-thread-" + last)).isFocused();
        assertThat(civil.locator("#passage-threads .passage-thread")).hasCount(45);
        assertThat(civil.locator("#passage-threads-more")).isHidden();
    }
}
