package dk.ligevaerd.notify;

import static dk.ligevaerd.support.Acting.as;
import static dk.ligevaerd.support.Acting.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.account.UserSummary;
import dk.ligevaerd.mail.ReceivedMail;
import dk.ligevaerd.priority.PriorityService;
import dk.ligevaerd.priority.ValueLens;
import dk.ligevaerd.round.RoundDraft;
import dk.ligevaerd.round.RoundService;
import dk.ligevaerd.support.Racing;
import dk.ligevaerd.workspace.InvitationService;
import dk.ligevaerd.workspace.WorkspaceFixture;
import dk.ligevaerd.workspace.WorkspaceService;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A notification to many people is written as one row in its event's transaction and composed into
 * mails after the commit ({@link NotificationIntents}). Here every notification takes that path
 * ({@code compose-after-commit-over=0}) and nothing composes on its own ({@code intent-poll=0s}), so
 * the test sees the row committed with the event and no mail yet, then lets four threads race to
 * compose it: each person's mail is queued once and arrives once at a real SMTP server (GreenMail),
 * in their language.
 */
@SpringBootTest(properties = {"ligevaerd.demo.enabled=false", "ligevaerd.security.bcrypt-strength=4",
        "spring.datasource.url=jdbc:h2:file:./target/test-db/intent-${random.uuid}",
        "ligevaerd.mail.base-url=https://ligevaerd.example.org", "ligevaerd.mail.poll-interval=500ms",
        "ligevaerd.notify.digest-poll=0s", "ligevaerd.notify.reminder-poll=0s",
        "ligevaerd.notify.compose-after-commit-over=0", "ligevaerd.notify.intent-poll=0s"})
class NotificationIntentIT {

    // Left running until the JVM ends: PostgresNotificationIntentIT runs the same tests against it.
    static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @Autowired AccountService accounts;
    @Autowired WorkspaceService workspaces;
    @Autowired InvitationService invitations;
    @Autowired PriorityService priorities;
    @Autowired RoundService rounds;
    @Autowired NotificationService notifications;
    @Autowired NotificationIntents intents;
    @Autowired DigestWorker digests;
    @Autowired JdbcTemplate jdbc;

    WorkspaceFixture f;

    @BeforeEach
    void fixture() throws Exception {
        intents.expandDue();
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject("select count(*) from mail_outbox"
                + " where sent_at is null and failed_at is null", Integer.class) == 0);
        SMTP.purgeEmailFromAllMailboxes();
        f = new WorkspaceFixture(accounts, workspaces, invitations);
    }

    private String confirmedAddress(UserSummary user) {
        String address = user.username() + "@example.org";
        jdbc.update("update app_user set email = ?, email_verified_at = current_timestamp where id = ?", address,
                user.id());
        return address;
    }

    private long openRound(String title) {
        long a = as(f.participant, () -> priorities.propose(f.workspaceId, title + " A", "",
                Set.of(ValueLens.SERVICE_QUALITY)));
        long b = as(f.otherModerator, () -> priorities.propose(f.workspaceId, title + " B", "",
                Set.of(ValueLens.PARTICIPATION)));
        long id = as(f.owner, () -> rounds.create(f.workspaceId, RoundDraft.dots(title, List.of(a, b), 10, 5, 1)));
        run(f.owner, () -> rounds.open(f.workspaceId, id));
        return id;
    }

    private int unexpanded() {
        return jdbc.queryForObject("select count(*) from notification_intent where expanded_at is null and workspace_id = ?",
                Integer.class, f.workspaceId);
    }

    @Test
    void the_notification_commits_with_its_event_as_one_row_and_four_racing_threads_compose_each_mail_once()
            throws Exception {
        String participant = confirmedAddress(f.participant);
        String moderator = confirmedAddress(f.otherModerator);
        run(f.otherModerator, () -> accounts.setMailLanguage("en"));

        openRound("Many at once");
        assertThat(unexpanded()).as("the row committed with the opening").isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where workspace_id = ?", Integer.class,
                f.workspaceId)).as("no mail composed in the opening's transaction").isZero();

        AtomicInteger expanded = new AtomicInteger();
        Racing.race(4, () -> expanded.addAndGet(intents.expandDue()));
        assertThat(expanded).as("one thread composed it").hasValue(1);
        assertThat(unexpanded()).isZero();
        assertThat(intents.expandDue()).isZero();

        Map<String, Integer> queued = jdbc.query("select recipient, count(*) from mail_outbox where workspace_id = ?"
                + " and kind = 'ROUND_OPENED' group by recipient", rs -> {
                    Map<String, Integer> found = new java.util.HashMap<>();
                    while (rs.next()) {
                        found.put(rs.getString(1), rs.getInt(2));
                    }
                    return found;
                }, f.workspaceId);
        assertThat(queued).as("the voters, once each; not the opener").isEqualTo(Map.of(participant, 1, moderator, 1));

        assertThat(SMTP.waitForIncomingEmail(15_000, 2)).isTrue();
        List<MimeMessage> arrived = Arrays.asList(SMTP.getReceivedMessages());
        assertThat(arrived).hasSize(2);
        Map<String, String> subjects = arrived.stream().map(m -> {
            try {
                ReceivedMail mail = ReceivedMail.of(m);
                assertThat(m.getHeader("List-Unsubscribe")).as("one-click unsubscribe").hasSize(1);
                return Map.entry(mail.to().getFirst(), mail.subject());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(subjects.get(participant)).startsWith("Stem nu: “Many at once”");
        assertThat(subjects.get(moderator)).startsWith("Vote now: “Many at once”");
    }

    @Test
    void a_person_who_gets_the_kind_as_a_digest_gets_it_in_the_digest_after_the_row_is_composed() {
        String address = confirmedAddress(f.participant);
        run(f.participant, () -> notifications.setPreference(NotificationKind.ROUND_OPENED, true, true));
        openRound("Gathered");
        assertThat(intents.expandDue()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where recipient = ?", Integer.class, address))
                .as("nothing at once").isZero();
        assertThat(jdbc.queryForObject("select count(*) from notification_digest_item where user_id = ?"
                + " and digested_at is null", Integer.class, f.participant.id())).isEqualTo(1);
    }
}
