package dk.ligevaerd.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dk.ligevaerd.support.Acting.as;
import static dk.ligevaerd.support.Acting.run;
import static dk.ligevaerd.testing.DemoUsers.CIVIL1;
import static dk.ligevaerd.testing.DemoUsers.KOMMUNE1;
import static dk.ligevaerd.testing.DemoUsers.KOMMUNE2;
import static dk.ligevaerd.testing.DemoUsers.OBSERVER1;
import static dk.ligevaerd.testing.DemoUsers.PASSWORD;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.account.UserSummary;
import dk.ligevaerd.browser.BrowserSupport;
import dk.ligevaerd.priority.PriorityService;
import dk.ligevaerd.priority.PriorityView;
import dk.ligevaerd.round.RoundDraft;
import dk.ligevaerd.round.RoundService;
import dk.ligevaerd.testing.ProductionDemoApp;
import dk.ligevaerd.workspace.WorkspaceService;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What changes while a page is open is told to screen readers: the rounds tab has one polite live
 * region, and its text follows a round opening (clicked in a second browser), each new ballot count
 * and the closing (by other people's sessions), as an observer's page shows them.
 */
@ProductionDemoApp
class LiveAnnouncementsBrowserIT {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired WorkspaceService workspaces;
    @Autowired PriorityService priorities;
    @Autowired RoundService rounds;

    @Test
    void a_round_opening_each_ballot_count_and_the_closing_are_told_in_a_polite_live_region() {
        UserSummary kommune1 = user(KOMMUNE1);
        UserSummary kommune2 = user(KOMMUNE2);
        UserSummary civil1 = user(CIVIL1);
        long workspaceId = as(kommune1, () -> workspaces.mine()).stream()
                .filter(w -> w.name().equals(dk.ligevaerd.testing.DemoUsers.WORKSPACE)).findFirst().orElseThrow().id();
        List<Long> options = as(kommune1, () -> priorities.list(workspaceId)).stream().map(PriorityView::id)
                .limit(2).toList();
        long roundId = as(kommune1, () -> rounds.create(workspaceId,
                RoundDraft.dots("Told aloud", options, 5, 5, 1).withSecret(false)));

        Page observer = BrowserSupport.login(browser.newContext(base(), "en-GB"), OBSERVER1, PASSWORD);
        observer.navigate("/workspace/" + workspaceId + "/rounds");
        assertThat(observer.locator("#round-state-" + roundId)).hasText("Draft");
        Locator region = observer.locator("#rounds-announcer");
        assertThat(region).hasAttribute("aria-live", "polite");
        assertThat(region).hasAttribute("role", "status");
        assertThat(region).isAttached();
        assertThat(region).hasText("");

        Page moderator = BrowserSupport.login(browser.newContext(base(), "en-GB"), KOMMUNE1, PASSWORD);
        moderator.navigate("/workspace/" + workspaceId + "/rounds");
        moderator.locator("#round-open-" + roundId).click();
        assertThat(region).hasText("Round “Told aloud” is open for voting.");

        run(kommune2, () -> rounds.castDots(workspaceId, roundId, Map.of(options.getFirst(), 2)));
        assertThat(region).hasText("Round “Told aloud”: 1 ballot cast.");
        run(civil1, () -> rounds.castDots(workspaceId, roundId, Map.of(options.getLast(), 3)));
        assertThat(region).hasText("Round “Told aloud”: 2 ballots cast.");

        as(kommune1, () -> rounds.confirmClosing(workspaceId, roundId));
        as(civil1, () -> rounds.confirmClosing(workspaceId, roundId));
        assertThat(observer.locator("#round-state-" + roundId)).hasText("Closed");
        assertThat(region).hasText("Round “Told aloud” has closed.");
    }

    private UserSummary user(String username) {
        return accounts.findByUsername(username).orElseThrow();
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
