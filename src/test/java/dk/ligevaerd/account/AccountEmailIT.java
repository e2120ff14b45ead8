package dk.ligevaerd.account;

import static dk.ligevaerd.support.Acting.as;
import static dk.ligevaerd.support.Acting.run;
import static dk.ligevaerd.support.Refusals.keyOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dk.ligevaerd.mail.ReceivedMail;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A person gives an address and confirms it with the link mailed there, through a real SMTP
 * server: only then does the address receive notifications.
 */
@SpringBootTest(properties = {"ligevaerd.demo.enabled=false", "ligevaerd.security.bcrypt-strength=4",
        "spring.datasource.url=jdbc:h2:file:./target/test-db/account-email-${random.uuid}",
        "ligevaerd.mail.base-url=https://ligevaerd.example.org", "ligevaerd.mail.poll-interval=500ms"})
class AccountEmailIT {

    private static final Pattern LINK = Pattern.compile("https://ligevaerd\\.example\\.org/confirm-email/([A-Za-z0-9_-]{43})");
    static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @AfterAll
    static void stop() {
        SMTP.stop();
    }

    @Autowired AccountService accounts;
    @Autowired TransactionTemplate transactions;

    UserSummary anna;
    UserSummary bo;

    @BeforeEach
    void people() throws Exception {
        SMTP.purgeEmailFromAllMailboxes();
        anna = accounts.register("anna", "Anna", "bla-hest-tromme-7");
        bo = accounts.register("bo-b", "Bo", "bla-hest-tromme-7");
    }

    private ReceivedMail onlyMail() {
        assertThat(SMTP.waitForIncomingEmail(15_000, 1)).as("a mail arrives").isTrue();
        List<ReceivedMail> received = Arrays.stream(SMTP.getReceivedMessages()).map(ReceivedMail::of).toList();
        assertThat(received).hasSize(1);
        try {
            SMTP.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return received.getFirst();
    }

    private static String token(ReceivedMail mail) {
        Matcher m = LINK.matcher(mail.text());
        assertThat(m.find()).as("a confirmation link in:\n" + mail.text()).isTrue();
        return m.group(1);
    }

    private boolean receivesMail(UserSummary user) {
        return Boolean.TRUE.equals(transactions.execute(s -> accounts.mailRecipients(List.of(user.id()))
                .containsKey(user.id())));
    }

    @Test
    void an_address_is_used_only_after_its_mailed_link_confirms_it_and_the_link_works_once() {
        String address = "anna." + System.nanoTime() + "@example.org";
        run(anna, () -> accounts.requestEmail("  " + address.toUpperCase(Locale.ROOT) + " ", Locale.ENGLISH));

        ReceivedMail mail = onlyMail();
        assertThat(mail.to()).containsExactly(address);
        assertThat(mail.subject()).isEqualTo("Confirm your e-mail address for Ligeværd");
        assertThat(mail.text()).contains("Hello Anna").contains("Confirm the address:\nhttps://ligevaerd.example.org/confirm-email/");
        AccountEmail pending = as(anna, () -> accounts.myEmail());
        assertThat(pending.email()).isNull();
        assertThat(pending.pendingEmail()).isEqualTo(address);
        assertThat(receivesMail(anna)).as("an unconfirmed address receives no notifications").isFalse();

        // The link is the credential: it works without being logged in, once.
        assertThat(accounts.confirmEmail(token(mail))).isEqualTo(address);
        assertThat(as(anna, () -> accounts.myEmail())).isEqualTo(new AccountEmail(address, null, null));
        assertThat(receivesMail(anna)).isTrue();
        assertThat(keyOf(() -> accounts.confirmEmail(token(mail)))).isEqualTo("error.email.link");
    }

    @Test
    void a_danish_page_mails_in_danish_and_a_newer_request_replaces_the_older_link() {
        run(bo, () -> accounts.requestEmail("bo.first." + System.nanoTime() + "@example.org", Locale.of("da")));
        ReceivedMail first = onlyMail();
        assertThat(first.subject()).isEqualTo("Bekræft din e-mailadresse til Ligeværd");
        assertThat(first.text()).contains("Bekræft adressen:\nhttps://ligevaerd.example.org/confirm-email/");
        String second = "bo.second." + System.nanoTime() + "@example.org";
        run(bo, () -> accounts.requestEmail(second, Locale.of("da")));
        ReceivedMail latest = onlyMail();

        assertThat(keyOf(() -> accounts.confirmEmail(token(first)))).isEqualTo("error.email.link");
        assertThat(as(bo, () -> accounts.myEmail()).email()).isNull();
        accounts.confirmEmail(token(latest));
        assertThat(as(bo, () -> accounts.myEmail()).email()).isEqualTo(second);
    }

    @Test
    void an_address_another_account_holds_is_refused_without_naming_it_and_a_bad_one_changes_nothing() {
        String address = "shared." + System.nanoTime() + "@example.org";
        run(anna, () -> accounts.requestEmail(address, Locale.ENGLISH));
        accounts.confirmEmail(token(onlyMail()));

        assertThat(keyOf(() -> as(bo, () -> {
            accounts.requestEmail(address.toUpperCase(Locale.ROOT), Locale.ENGLISH);
            return null;
        }))).isEqualTo("error.email.taken");
        for (String bad : List.of("no-at-sign", "a@b", "x@example.org\r\nBcc: all@example.org", "x".repeat(250)
                + "@example.org")) {
            assertThat(keyOf(() -> as(bo, () -> {
                accounts.requestEmail(bad, Locale.ENGLISH);
                return null;
            }))).as(bad).isEqualTo("error.mail.address");
        }
        assertThat(as(bo, () -> accounts.myEmail())).isEqualTo(new AccountEmail(null, null, null));
        assertThat(SMTP.waitForIncomingEmail(500, 1)).as("nothing was mailed").isFalse();

        run(anna, () -> accounts.removeEmail());
        assertThat(receivesMail(anna)).isFalse();
    }
}
