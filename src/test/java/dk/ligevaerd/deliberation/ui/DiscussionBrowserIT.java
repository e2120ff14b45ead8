package dk.ligevaerd.deliberation.ui;

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
import dk.ligevaerd.deliberation.ThreadView;
import dk.ligevaerd.statement.CollabService;
import dk.ligevaerd.workspace.InvitationService;
import dk.ligevaerd.workspace.WorkspaceFixture;
import dk.ligevaerd.workspace.WorkspaceService;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
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

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired WorkspaceService workspaces;
    @Autowired InvitationService invitations;
    @Autowired CollabService collab;
    @Autowired CommentService comments;
    @Autowired dk.ligevaerd.priority.PriorityService priorities;

    WorkspaceFixture f;

    @BeforeEach
    void fixture() {
        f = new WorkspaceFixture(accounts, workspaces, invitations);
        as(f.owner, () -> collab.edit(f.workspaceId, "setup", 0, 0, "Formål: flere besøg i Vestbyen."));
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

        String reply = "Mindst hver uge, @" + f.participant.displayName() + ".";
        fill(arrived.locator(".thread-reply textarea"), reply);
        arrived.locator(".thread-send").click();

        Locator mine = municipal.locator("#thread-list .thread-card");
        assertThat(mine.locator(".comment-body")).hasText(new String[] {
                "Hvor mange er flere? <b>ikke fed</b>", reply});
        // The reply names the participant: their thread is marked for them, and only for them.
        assertThat(mine).hasClass(java.util.regex.Pattern.compile(".*\\bmentions-me\\b.*"));
        assertThat(mine.locator(".thread-mentions-me")).hasText("Mentions you");
        assertThat(mine.locator(".comment-entry.mentions-me .comment-body")).hasText(reply);
        assertThat(arrived.locator(".thread-mentions-me")).hasCount(0);
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

    @Test
    void a_priority_leads_to_the_discussion_with_the_form_on_it_and_the_history_leads_back_to_the_thread() {
        long priority = as(f.otherModerator, () -> priorities.propose(f.workspaceId, "Fællesspisning", "",
                java.util.Set.of(dk.ligevaerd.priority.ValueLens.SHARED_VALUES)));
        Page municipal = open(f.participant, "priorities");
        // Every card has such a link: its accessible name says which priority.
        assertThat(municipal.locator("#priority-list .priority-discuss")).hasAttribute("aria-label",
                "Discuss: “Fællesspisning”");
        municipal.locator("#priority-list .priority-discuss").click();
        assertThat(municipal.locator("#comment-item")).containsText("Fællesspisning");
        fill(municipal.locator("#comment-body textarea"), "Hvem laver maden?");
        municipal.locator("#comment-start").click();
        Locator card = municipal.locator("#thread-list .thread-card");
        assertThat(card.locator(".thread-title")).hasText("Fællesspisning");
        long thread = as(f.owner, () -> comments.threads(f.workspaceId)).getFirst().id();
        org.assertj.core.api.Assertions.assertThat(as(f.owner, () -> comments.thread(f.workspaceId, thread))
                .targetId()).isEqualTo(priority);

        municipal.locator("#tab-activity").click();
        municipal.locator(".history-thing-link[href$='discussion?thread=" + thread + "']").first().click();
        assertThat(municipal.locator("#thread-list .thread-card.linked-item")).hasCount(1);
        assertThat(municipal).hasURL(java.util.regex.Pattern.compile(".*/discussion\\?thread=" + thread));

        Page danish = open(f.otherModerator, "discussion", "da-DK");
        assertThat(danish.locator("#thread-list .thread-card .thread-kind")).hasText("Prioritet");
        AxeCheck.assertNoSeriousViolations(danish, "the discussion tab (da)");
    }
}
