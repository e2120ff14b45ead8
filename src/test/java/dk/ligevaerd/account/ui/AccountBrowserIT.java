package dk.ligevaerd.account.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dk.ligevaerd.support.Acting.as;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Page;
import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.account.UserSummary;
import dk.ligevaerd.browser.BrowserSupport;
import dk.ligevaerd.notify.NotificationKind;
import dk.ligevaerd.notify.NotificationPreference;
import dk.ligevaerd.notify.NotificationService;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.testing.RunningDemoApp;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The account page and the notification settings in a real browser, reached from the header. */
@RunningDemoApp
class AccountBrowserIT {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @LocalServerPort
    int port;

    @Autowired AccountService accounts;
    @Autowired NotificationService notifications;

    private UserSummary registerIn(Page page) {
        String username = "konto-" + UUID.randomUUID().toString().substring(0, 8);
        page.navigate("/register");
        page.locator("#register-username input").fill(username);
        page.locator("#register-display-name input").fill("Karla Konto");
        page.locator("#register-password input").fill("bla-hest-tromme-7");
        page.locator("#register-repeat input").fill("bla-hest-tromme-7");
        page.locator("#register-submit").click();
        assertThat(page.locator("#workspace-list")).isVisible();
        assertThat(page.locator("#new-username")).hasText(Pattern.compile(username + "\\.\\d{4}"));
        java.util.regex.Matcher drawn = Pattern.compile(username + "\\.\\d{4}")
                .matcher(page.locator("#new-username").textContent());
        org.assertj.core.api.Assertions.assertThat(drawn.find()).isTrue();
        return accounts.findByUsername(drawn.group()).orElseThrow();
    }

    @Test
    void a_person_asks_for_a_confirmation_link_from_the_account_page_and_a_bad_address_is_explained() {
        Page page = browser.newContext("http://localhost:" + port).newPage();
        registerIn(page);

        page.locator("#current-user").click();
        assertThat(page).hasURL(Pattern.compile(".*/account$"));
        assertThat(page.locator("#email-status")).hasText(Messages.get(Messages.DANISH, "account.email.none"));

        page.locator("#email-address input").fill("no-at-sign");
        page.locator("#email-send").click();
        assertThat(page.locator("#email-error")).hasText(Messages.get(Messages.DANISH, "error.mail.address"));

        String address = "karla." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        page.locator("#email-address input").fill(address);
        page.locator("#email-send").click();
        assertThat(page.locator("#email-status")).containsText(Messages.get(Messages.DANISH,
                "account.email.pending", address));
        assertThat(page.locator("#email-error")).isEmpty();
    }

    @Test
    void the_notification_settings_switch_a_kind_off_and_put_another_in_the_digest() {
        Page page = browser.newContext("http://localhost:" + port).newPage();
        UserSummary me = registerIn(page);
        page.navigate("/account");
        page.locator("#notifications-link").click();
        assertThat(page).hasURL(Pattern.compile(".*/notifications$"));

        page.locator("#notify-round-opened-enabled").click();
        page.locator("#notify-round-closed-when vaadin-radio-button").nth(1).click();

        assertThat(page.locator("#notify-round-opened-when")).hasAttribute("disabled", "");
        // The click reaches the server asynchronously: wait for the stored choice.
        await().atMost(Duration.ofSeconds(30)).until(() -> as(me, () -> notifications.preferences())
                .contains(new NotificationPreference(NotificationKind.ROUND_CLOSED, true, true)));
        org.assertj.core.api.Assertions.assertThat(as(me, () -> notifications.preferences()))
                .contains(new NotificationPreference(NotificationKind.ROUND_OPENED, false, false),
                        new NotificationPreference(NotificationKind.CONFIRMATION_AWAITED, true, false));
    }
}
