package dk.ligevaerd.notify.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dk.ligevaerd.support.Acting.as;

import com.microsoft.playwright.Page;
import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.account.UserSummary;
import dk.ligevaerd.browser.BrowserSupport;
import dk.ligevaerd.notify.NotificationKind;
import dk.ligevaerd.notify.NotificationPreference;
import dk.ligevaerd.notify.NotificationService;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.testing.RunningDemoApp;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The unsubscribe link of a notification opened in a browser, without logging in: opening it
 * changes nothing, the page names what it switches off and asks to confirm.
 */
@RunningDemoApp
class UnsubscribeBrowserIT {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @LocalServerPort
    int port;

    @Autowired AccountService accounts;
    @Autowired NotificationService notifications;
    @Autowired JdbcTemplate jdbc;

    /** A token as a notification mail carries it; only its SHA-256 is stored, as the application does. */
    private String tokenFor(UserSummary user, NotificationKind kind) throws Exception {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(StandardCharsets.US_ASCII)));
        jdbc.update("insert into unsubscribe_token (token_hash, user_id, kind, created_at) values (?, ?, ?,"
                + " current_timestamp)", hash, user.id(), kind.name());
        return token;
    }

    private NotificationPreference preference(UserSummary user, NotificationKind kind) {
        return as(user, () -> notifications.preferences()).stream().filter(p -> p.kind() == kind).findFirst()
                .orElseThrow();
    }

    @Test
    void the_page_names_the_kind_changes_nothing_until_confirmed_and_then_switches_it_off() throws Exception {
        UserSummary user = accounts.register("afmeld-" + UUID.randomUUID().toString().substring(0, 8), "Afmelder",
                "bla-hest-tromme-7");
        String token = tokenFor(user, NotificationKind.ROUND_CLOSED);
        Page page = browser.newContext("http://localhost:" + port).newPage();

        page.navigate("/unsubscribe/" + token);
        assertThat(page.locator("#unsubscribe-view")).containsText(Messages.get(Messages.DANISH,
                NotificationKind.ROUND_CLOSED.messageKey()));
        org.assertj.core.api.Assertions.assertThat(preference(user, NotificationKind.ROUND_CLOSED).enabled())
                .as("opening the link changes nothing").isTrue();

        page.locator("#unsubscribe-confirm").click();
        assertThat(page.locator("#unsubscribe-result")).hasText(Messages.get(Messages.DANISH,
                "notify.unsubscribe.done"));
        org.assertj.core.api.Assertions.assertThat(preference(user, NotificationKind.ROUND_CLOSED).enabled()).isFalse();
        org.assertj.core.api.Assertions.assertThat(preference(user, NotificationKind.ROUND_OPENED).enabled()).isTrue();
    }

    @Test
    void a_tampered_link_says_it_does_not_work() {
        Page page = browser.newContext("http://localhost:" + port).newPage();
        page.navigate("/unsubscribe/" + "x".repeat(43));
        assertThat(page.locator("#unsubscribe-result")).hasText(Messages.get(Messages.DANISH, "error.unsubscribe.link"));
        assertThat(page.locator("#unsubscribe-confirm")).hasCount(0);
    }
}
