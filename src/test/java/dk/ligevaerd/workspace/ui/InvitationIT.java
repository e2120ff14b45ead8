package dk.ligevaerd.workspace.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dk.ligevaerd.testing.DemoUsers.CIVIL1;
import static dk.ligevaerd.testing.DemoUsers.CIVIL2;
import static dk.ligevaerd.testing.DemoUsers.CIVIL_SOCIETY;
import static dk.ligevaerd.testing.DemoUsers.PASSWORD;
import static dk.ligevaerd.testing.DemoUsers.WORKSPACE;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dk.ligevaerd.browser.BrowserSupport;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.testing.RunningDemoApp;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An invitation link from the owner's screen to a stranger's browser: the stranger creates an
 * account, is signed in with it at once and brought back to the link, joins on the side the link fixes, and the link is used up.
 */
@RunningDemoApp
class InvitationIT {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_new_person_registers_through_a_link_joins_its_side_and_the_link_then_refuses_others() {
        // Civil society's own moderator invites into civil society (the owner may not).
        Page owner = BrowserSupport.login(browser.newContext(base()), CIVIL1, PASSWORD);
        openDemoWorkspace(owner);
        String link = createParticipantLink(owner, CIVIL_SOCIETY);
        assertThat(link).startsWith(base() + "/invite/");

        String username = "ny-" + UUID.randomUUID().toString().substring(0, 8);
        String displayName = "Nina Nyborg (Naboskabet)";
        String password = "hemmeligt-123";
        Page stranger = browser.newContext(base()).newPage();
        stranger.navigate(link);
        assertThat(stranger.locator("#invitation-offer")).containsText(WORKSPACE);
        assertThat(stranger.locator("#invitation-view")).containsText(CIVIL_SOCIETY);

        stranger.locator("#register-to-join").click();
        assertThat(stranger).hasURL(Pattern.compile(".*/register$"));
        stranger.locator("#register-username input").fill(username);
        stranger.locator("#register-display-name input").fill(displayName);
        stranger.locator("#register-password input").fill(password);
        stranger.locator("#register-repeat input").fill(password);
        stranger.locator("#register-submit").click();

        // Signed in at once and brought back to the link.
        assertThat(stranger).hasURL(link);
        stranger.locator("#join").click();

        assertThat(stranger).hasURL(Pattern.compile(".*/workspace/\\d+$"));
        assertThat(stranger.locator("#workspace-title")).hasText(WORKSPACE);
        assertThat(stranger.locator(".my-place .side-badge")).hasText(CIVIL_SOCIETY);
        assertThat(stranger.locator(".my-place")).containsText(text("role.participant"));
        Locator row = sideColumn(stranger, CIVIL_SOCIETY).locator(".member-row[data-user^='" + username + ".']");
        assertThat(row).containsText(displayName);
        assertThat(row).hasAttribute("data-user", Pattern.compile(username + "\\.\\d{4}"));
        assertThat(owner.locator("#invitation-grid"))
                .containsText(text("invitation.status.used") + " · " + displayName);

        Page latecomer = BrowserSupport.login(browser.newContext(base()), CIVIL2, PASSWORD);
        latecomer.navigate(link);
        assertThat(latecomer.locator("#invitation-refused")).hasText(text("error.invitation.used"));
        assertThat(latecomer.locator("#join")).hasCount(0);
    }

    @Test
    void an_invitation_with_an_address_and_a_note_is_mailed_with_the_same_link() {
        Page moderator = BrowserSupport.login(browser.newContext(base()), CIVIL1, PASSWORD);
        openDemoWorkspace(moderator);
        moderator.locator("#tab-invitations").click();
        moderator.locator("#invite-side").click();
        moderator.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(CIVIL_SOCIETY)).click();
        String address = "ny-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        moderator.locator("#invite-email input").fill(address);
        moderator.locator("#invite-note textarea").fill("Velkommen <b>til</b> os");
        moderator.locator("#create-invitation").click();

        Locator field = moderator.locator("#invitation-link input");
        assertThat(field).hasValue(Pattern.compile("^http.*/invite/[A-Za-z0-9_-]{43}$"));
        String link = field.inputValue();
        String token = link.substring(link.lastIndexOf('/') + 1);
        // No SMTP server in this application: the mail waits in the outbox, with the dialog's link.
        String mailText = jdbc.queryForObject("select body_text from mail_outbox where recipient = ?", String.class,
                address);
        assertThat(mailText).contains("/invite/" + token).contains("> Velkommen <b>til</b> os")
                .contains(text("mail.invitation.accept")).contains(CIVIL_SOCIETY);
        moderator.locator("#close-invitation").click();
        assertThat(moderator.locator("#invite-email input")).hasValue("");

        // The workspace's Outbox tab lists it as waiting and shows its text as text, the link's secret hidden.
        moderator.locator("#tab-outbox").click();
        assertThat(moderator.locator("#outbox-status")).hasText(text("outbox.noServer"));
        moderator.locator("#outbox-grid").getByText(address).click();
        assertThat(moderator.locator("#outbox-text-heading")).hasText(Messages.get(Messages.DANISH, "outbox.text", address));
        Locator shown = moderator.locator("#outbox-text");
        assertThat(shown).containsText("> Velkommen <b>til</b> os");
        assertThat(shown).containsText("/invite/[…]");
        assertThat(shown).not().containsText(token);
        assertThat(shown.locator("b")).hasCount(0);
    }

    @Test
    void a_forged_link_is_refused_as_invalid() {
        byte[] guess = new byte[32];
        new SecureRandom().nextBytes(guess);
        Page page = browser.newContext(base()).newPage();

        page.navigate("/invite/" + Base64.getUrlEncoder().withoutPadding().encodeToString(guess));

        assertThat(page.locator("#invitation-refused")).hasText(text("error.invitation.invalid"));
        assertThat(page.locator("#register-to-join")).hasCount(0);
        assertThat(page.locator("#login-to-join")).hasCount(0);
    }

    @Test
    void a_truncated_link_is_refused_as_invalid() {
        Page page = browser.newContext(base()).newPage();

        page.navigate("/invite/abc");

        assertThat(page.locator("#invitation-refused")).hasText(text("error.invitation.invalid"));
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static void openDemoWorkspace(Page page) {
        page.locator("#workspace-list").getByText(WORKSPACE).click();
        assertThat(page.locator("#workspace-title")).hasText(WORKSPACE);
    }

    /** Makes a participant link for the side in the owner's Invitations tab and reads it off the dialog. */
    private static String createParticipantLink(Page owner, String side) {
        owner.locator("#tab-invitations").click();
        assertThat(owner.locator("#invite-role")).containsText(text("role.participant"));
        owner.locator("#invite-side").click();
        owner.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(side)).click();
        assertThat(owner.locator("#invite-side")).containsText(side);
        owner.locator("#create-invitation").click();
        Locator field = owner.locator("#invitation-link input");
        assertThat(field).hasValue(Pattern.compile("^http.*/invite/[A-Za-z0-9_-]{43}$"));
        String link = field.inputValue();
        owner.locator("#close-invitation").click();
        assertThat(owner.locator("#invitation-link")).hasCount(0);
        return link;
    }

    private static Locator sideColumn(Page page, String side) {
        return page.locator("#people-panel .side-column")
                .filter(new Locator.FilterOptions().setHas(page.locator(".side-badge", new Page.LocatorOptions()
                        .setHasText(side))));
    }

    /** The Danish text the page shows: the browsers here ask for Danish. */
    private static String text(String key) {
        return Messages.get(Messages.DANISH, key);
    }
}
