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
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.support.Racing;
import dk.ligevaerd.workspace.GovernanceService;
import dk.ligevaerd.workspace.InvitationService;
import dk.ligevaerd.workspace.Role;
import dk.ligevaerd.workspace.WorkspaceFixture;
import dk.ligevaerd.workspace.WorkspaceService;
import jakarta.mail.internet.MimeMessage;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Notifications delivered to a real SMTP server (GreenMail) by the running application: who gets
 * which mail, in which language, with a link that opens the place for a logged-in member, the
 * daily digest, and the one-click unsubscribe of RFC 8058 posted to the running server.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {"ligevaerd.demo.enabled=false",
        "ligevaerd.security.bcrypt-strength=4",
        "spring.datasource.url=jdbc:h2:file:./target/test-db/notify-${random.uuid}",
        "ligevaerd.mail.base-url=https://ligevaerd.example.org", "ligevaerd.mail.poll-interval=500ms",
        "ligevaerd.notify.digest-poll=0s", "ligevaerd.notify.reminder-poll=0s", "vaadin.devmode.devTools.enabled=false"})
class NotificationMailIT {

    private static final String BASE = "https://ligevaerd.example.org";
    private static final Pattern META_CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    // Left running until the JVM ends: PostgresNotificationMailIT runs the same tests against it.
    static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired WorkspaceService workspaces;
    @Autowired InvitationService invitations;
    @Autowired GovernanceService governance;
    @Autowired PriorityService priorities;
    @Autowired RoundService rounds;
    @Autowired NotificationService notifications;
    @Autowired DigestWorker digests;
    @Autowired ReminderWorker reminders;
    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;

    WorkspaceFixture f;

    @BeforeEach
    void fixture() throws Exception {
        // Whatever an earlier test queued has gone out before this test starts counting.
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject("select count(*) from mail_outbox"
                + " where sent_at is null and failed_at is null", Integer.class) == 0);
        SMTP.purgeEmailFromAllMailboxes();
        f = new WorkspaceFixture(accounts, workspaces, invitations);
    }

    /** Gives the user a confirmed address (the confirmation itself is AccountEmailIT's subject). */
    private String confirmedAddress(UserSummary user) {
        String address = user.username() + "@example.org";
        jdbc.update("update app_user set email = ?, email_verified_at = current_timestamp where id = ?", address,
                user.id());
        return address;
    }

    /** A dots round on two new priorities, so that several rounds can be open at once. */
    private long openRound(String title) {
        long a = as(f.participant, () -> priorities.propose(f.workspaceId, title + " A", "",
                Set.of(ValueLens.SERVICE_QUALITY)));
        long b = as(f.otherModerator, () -> priorities.propose(f.workspaceId, title + " B", "",
                Set.of(ValueLens.PARTICIPATION)));
        long id = as(f.owner, () -> rounds.create(f.workspaceId, RoundDraft.dots(title, List.of(a, b), 10, 5, 1)));
        run(f.owner, () -> rounds.open(f.workspaceId, id));
        return id;
    }

    private List<MimeMessage> arrived(int count) {
        assertThat(SMTP.waitForIncomingEmail(15_000, count)).as(count + " mail(s) arrive").isTrue();
        return Arrays.asList(SMTP.getReceivedMessages());
    }

    private static String header(MimeMessage message, String name) throws Exception {
        String[] values = message.getHeader(name);
        assertThat(values).as(name).isNotNull().hasSize(1);
        return values[0];
    }

    private URI local(String link) {
        assertThat(link).startsWith(BASE + "/");
        return URI.create("http://localhost:" + port + link.substring(BASE.length()));
    }

    private HttpClient loggedIn(UserSummary user) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = META_CSRF.matcher(login.body());
        assertThat(csrf.find()).isTrue();
        String form = "username=" + URLEncoder.encode(user.username(), StandardCharsets.UTF_8)
                + "&password=bla-hest-tromme-7&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> posted = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        return client;
    }

    private boolean enabled(UserSummary user, NotificationKind kind) {
        return as(user, () -> notifications.preferences()).stream().filter(p -> p.kind() == kind).findFirst()
                .orElseThrow().enabled();
    }

    @Test
    void a_round_opened_reaches_a_voter_with_a_confirmed_address_in_their_language_with_a_link_that_opens_the_round()
            throws Exception {
        String address = confirmedAddress(f.participant);
        run(f.participant, () -> accounts.setMailLanguage("en"));
        // The observer cannot vote and the opener needs no mail about their own act.
        confirmedAddress(f.observer);
        confirmedAddress(f.owner);

        openRound("Visits & <care>");

        MimeMessage message = arrived(1).getFirst();
        ReceivedMail mail = ReceivedMail.of(message);
        assertThat(mail.to()).containsExactly(address);
        String workspaceName = as(f.owner, () -> workspaces.details(f.workspaceId).name());
        assertThat(mail.subject()).isEqualTo("Vote now: “Visits & <care>” in “" + workspaceName + "”");
        String link = BASE + "/workspace/" + f.workspaceId + "/rounds";
        assertThat(mail.text()).contains("Hello " + f.participant.displayName())
                .contains("A round has opened in the workspace “" + workspaceName + "”: “Visits & <care>”.")
                .contains("It has no closing time").contains("Open the round:\n" + link);
        assertThat(mail.html()).contains("Visits &amp; &lt;care&gt;").doesNotContain("<care>")
                .contains("<a href=\"" + link + "\">Open the round</a>");
        String unsubscribe = header(message, "List-Unsubscribe");
        assertThat(unsubscribe).matches("<" + Pattern.quote(BASE) + "/unsubscribe/[A-Za-z0-9_-]{43}>");
        assertThat(header(message, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");

        HttpResponse<String> opened = loggedIn(f.participant).send(HttpRequest.newBuilder(local(link)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(opened.statusCode()).as("the link opens the rounds tab for the logged-in member").isEqualTo(200);
        HttpResponse<String> anonymous = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(HttpRequest.newBuilder(local(link)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).as("without a login the link leads to the login page").isEqualTo(302);
    }

    @Test
    void a_day_before_voting_ends_only_those_who_have_not_voted_are_reminded_and_only_once() throws Exception {
        long a = as(f.participant, () -> priorities.propose(f.workspaceId, "Reminder A", "",
                Set.of(ValueLens.SERVICE_QUALITY)));
        long b = as(f.otherModerator, () -> priorities.propose(f.workspaceId, "Reminder B", "",
                Set.of(ValueLens.PARTICIPATION)));
        long soon = as(f.owner, () -> rounds.create(f.workspaceId, RoundDraft.dots("Ends soon", List.of(a, b), 10, 5, 1)
                .withClosesAt(clock.instant().plus(Duration.ofHours(12)))));
        long later = as(f.owner, () -> rounds.create(f.workspaceId, RoundDraft.dots("Ends later", List.of(a, b), 10, 5,
                1).withClosesAt(clock.instant().plus(Duration.ofDays(3)))));
        run(f.owner, () -> rounds.open(f.workspaceId, soon));
        run(f.owner, () -> rounds.open(f.workspaceId, later));
        run(f.participant, () -> rounds.castDots(f.workspaceId, soon, java.util.Map.of(a, 5, b, 5)));
        confirmedAddress(f.participant);
        String waiting = confirmedAddress(f.otherModerator);

        assertThat(reminders.remindDue()).as("only the round ending within a day").isEqualTo(1);

        ReceivedMail mail = ReceivedMail.of(arrived(1).getFirst());
        assertThat(mail.to()).containsExactly(waiting);
        String workspaceName = as(f.owner, () -> workspaces.details(f.workspaceId).name());
        assertThat(mail.subject()).isEqualTo("Afstemningen slutter snart: “Ends soon” i “" + workspaceName + "”");
        assertThat(mail.text()).contains("og du har ikke stemt endnu");
        // A second look, here or on another node, finds the round reminded already.
        assertThat(reminders.remindDue()).isZero();
        assertThat(SMTP.waitForIncomingEmail(1_000, 2)).as("no second reminder").isFalse();
    }

    @Test
    void a_member_who_switched_the_kind_off_and_one_with_an_unconfirmed_address_get_nothing() throws Exception {
        confirmedAddress(f.participant);
        run(f.participant, () -> notifications.setPreference(NotificationKind.ROUND_OPENED, false, false));
        // The civil moderator gave an address but never confirmed it.
        jdbc.update("update app_user set email = ? where id = ?", "unconfirmed." + f.otherModerator.username()
                + "@example.org", f.otherModerator.id());
        // A voter with the default settings shows that mail does go out.
        UserSummary civil = accounts.register("civ-" + System.nanoTime() % 100000, "Civil voter", "bla-hest-tromme-7");
        String token = as(f.otherModerator, () -> invitations.create(f.workspaceId, f.civilSideId,
                dk.ligevaerd.workspace.Role.PARTICIPANT, java.time.Duration.ofDays(1)).token());
        as(civil, () -> invitations.accept(token));
        String civilAddress = confirmedAddress(civil);

        openRound("Which first?");

        List<MimeMessage> received = arrived(1);
        // Everything about the opening was queued in its transaction: nothing more can come.
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where recipient in (?, ?, ?)",
                Integer.class, f.participant.username() + "@example.org", "unconfirmed." + f.otherModerator.username()
                        + "@example.org", civilAddress)).isEqualTo(1);
        assertThat(received).hasSize(1);
        assertThat(ReceivedMail.of(received.getFirst()).to()).containsExactly(civilAddress);
        // Danish workspace, no language chosen: Danish.
        assertThat(received.getFirst().getSubject()).startsWith("Stem nu: “Which first?”");
    }

    @Test
    void digest_mode_gathers_several_events_into_one_mail_sent_once() throws Exception {
        String address = confirmedAddress(f.participant);
        run(f.participant, () -> {
            notifications.setPreference(NotificationKind.ROUND_OPENED, true, true);
            notifications.setPreference(NotificationKind.ROUND_CLOSED, true, true);
        });
        long first = openRound("First round");
        openRound("Second round");
        run(f.owner, () -> rounds.confirmClosing(f.workspaceId, first));
        run(f.otherModerator, () -> rounds.confirmClosing(f.workspaceId, first));
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where recipient = ?", Integer.class, address))
                .as("nothing is mailed at once").isZero();

        assertThat(digests.sendDigestsUpTo(clock.instant().plusSeconds(1))).isEqualTo(1);
        assertThat(digests.sendDigestsUpTo(clock.instant().plusSeconds(1))).as("each item is in one digest").isZero();

        MimeMessage message = arrived(1).getFirst();
        ReceivedMail mail = ReceivedMail.of(message);
        assertThat(mail.to()).containsExactly(address);
        assertThat(mail.subject()).isEqualTo("Ligeværd: 3 beskeder siden i går");
        assertThat(mail.text()).contains("Stem nu: “First round”").contains("Stem nu: “Second round”")
                .contains("Runde lukket: “First round”")
                .contains(BASE + "/workspace/" + f.workspaceId + "/record/");
        assertThat(header(message, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
    }

    @Test
    void a_digest_names_what_its_unsubscribe_stops_stops_exactly_that_and_offers_a_link_per_kind() throws Exception {
        confirmedAddress(f.participant);
        run(f.participant, () -> {
            accounts.setMailLanguage("en");
            notifications.setPreference(NotificationKind.ROUND_OPENED, true, true);
            notifications.setPreference(NotificationKind.ROUND_CLOSED, true, true);
        });
        long round = openRound("Digested");
        run(f.owner, () -> rounds.confirmClosing(f.workspaceId, round));
        run(f.otherModerator, () -> rounds.confirmClosing(f.workspaceId, round));
        assertThat(digests.sendDigestsUpTo(clock.instant().plusSeconds(1))).isEqualTo(1);
        MimeMessage message = arrived(1).getFirst();
        String text = ReceivedMail.of(message).text();
        String opened = Messages.get(Messages.ENGLISH, NotificationKind.ROUND_OPENED.messageKey());
        String closed = Messages.get(Messages.ENGLISH, NotificationKind.ROUND_CLOSED.messageKey());
        assertThat(text).as("the mail says what its unsubscribe link stops")
                .contains(Messages.get(Messages.ENGLISH, "notify.digest.why", opened + "; " + closed));
        String header = header(message, "List-Unsubscribe");
        String stopAll = header.substring(1, header.length() - 1);
        assertThat(linkAfter(text, Messages.get(Messages.ENGLISH, "notify.digest.stopAll")))
                .as("the footer's link is the header's").isEqualTo(stopAll);
        String stopClosed = linkAfter(text, Messages.get(Messages.ENGLISH, "notify.digest.stopKind", closed));
        assertThat(linkAfter(text, Messages.get(Messages.ENGLISH, "notify.digest.stopKind", opened)))
                .isNotEqualTo(stopClosed).isNotEqualTo(stopAll);

        // After the digest went out the person adds a kind to it: the old mail's link must not stop that.
        run(f.participant, () -> notifications.setPreference(NotificationKind.VOTING_ENDS_SOON, true, true));
        HttpClient mailProgram = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpRequest.BodyPublisher oneClick = HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click");
        assertThat(mailProgram.send(HttpRequest.newBuilder(local(stopClosed))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(oneClick).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(enabled(f.participant, NotificationKind.ROUND_CLOSED)).isFalse();
        assertThat(enabled(f.participant, NotificationKind.ROUND_OPENED)).as("a kind's own link stops that kind only")
                .isTrue();

        String token = stopAll.substring(stopAll.lastIndexOf('/') + 1);
        assertThat(notifications.unsubscribeKinds(token)).as("what the confirmation page names")
                .containsExactly(NotificationKind.ROUND_OPENED, NotificationKind.ROUND_CLOSED);
        assertThat(mailProgram.send(HttpRequest.newBuilder(local(stopAll))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(oneClick).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(enabled(f.participant, NotificationKind.ROUND_OPENED)).isFalse();
        assertThat(enabled(f.participant, NotificationKind.VOTING_ENDS_SOON))
                .as("a kind added to the digest after the mail is not stopped by its link").isTrue();
    }

    /** The address on the line after a link's label in a mail's plain text ("label:" then the address). */
    private static String linkAfter(String text, String label) {
        int at = text.indexOf(label + ":\n");
        assertThat(at).as("a link labelled " + label).isNotNegative();
        String rest = text.substring(at + label.length() + 2);
        return rest.lines().findFirst().orElseThrow().strip();
    }

    @Test
    void four_workers_racing_for_the_digests_mail_each_person_exactly_once() throws Exception {
        List<UserSummary> people = List.of(f.participant, f.otherModerator, f.observer, f.owner, f.outsider);
        for (UserSummary person : people) {
            confirmedAddress(person);
            for (int i = 1; i <= 4; i++) {
                jdbc.update("insert into notification_digest_item (user_id, kind, language, subject, summary, link,"
                        + " created_at) values (?, 'ROUND_CLOSED', 'en', ?, 'What happened', ?, current_timestamp)",
                        person.id(), "Item " + i, BASE + "/workspace/" + f.workspaceId + "/rounds");
            }
        }
        AtomicInteger mails = new AtomicInteger();
        Racing.race(4, () -> mails.addAndGet(digests.sendDigestsUpTo(clock.instant().plusSeconds(1))));

        assertThat(mails).hasValue(people.size());
        for (UserSummary person : people) {
            assertThat(jdbc.queryForObject("select count(*) from mail_outbox where recipient = ? and subject = ?",
                    Integer.class, person.username() + "@example.org", "Ligeværd: 4 notifications since yesterday"))
                    .as(person.username()).isEqualTo(1);
        }
        assertThat(jdbc.queryForObject("select count(*) from notification_digest_item where digested_at is null",
                Integer.class)).isZero();
        assertThat(arrived(people.size())).hasSize(people.size());
    }

    @Test
    void the_one_click_unsubscribe_post_switches_the_kind_off_and_a_tampered_token_changes_nothing() throws Exception {
        confirmedAddress(f.participant);
        openRound("Which first?");
        String header = header(arrived(1).getFirst(), "List-Unsubscribe");
        String link = header.substring(1, header.length() - 1);
        HttpClient mailProgram = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpRequest.BodyPublisher oneClick = HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click");

        char last = link.charAt(link.length() - 1);
        String tampered = link.substring(0, link.length() - 1) + (last == 'A' ? 'B' : 'A');
        HttpResponse<String> refused = mailProgram.send(HttpRequest.newBuilder(local(tampered))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(oneClick).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(enabled(f.participant, NotificationKind.ROUND_OPENED)).isTrue();

        // No session, no CSRF token: the token in the address is the credential.
        HttpResponse<String> done = mailProgram.send(HttpRequest.newBuilder(local(link))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(oneClick).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(enabled(f.participant, NotificationKind.ROUND_OPENED)).isFalse();
        assertThat(enabled(f.participant, NotificationKind.ROUND_CLOSED)).as("only that kind").isTrue();

        SMTP.purgeEmailFromAllMailboxes();
        openRound("Another");
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where recipient = ? and subject like ?",
                Integer.class, f.participant.username() + "@example.org", "%Another%")).isZero();
    }

    @Test
    void the_other_side_s_moderators_hear_of_a_proposal_and_of_a_closing_confirmation_they_owe() throws Exception {
        String address = confirmedAddress(f.otherModerator);
        run(f.otherModerator, () -> notifications.setPreference(NotificationKind.ROUND_OPENED, false, false));

        as(f.owner, () -> governance.proposeAddSide(f.workspaceId, "Erhverv", "#aa5500"));
        ReceivedMail proposal = ReceivedMail.of(arrived(1).getFirst());
        assertThat(proposal.to()).containsExactly(address);
        assertThat(proposal.subject()).startsWith("En ændring af “");
        assertThat(proposal.text()).contains("bekræfter den: Tilføj siden “Erhverv”.")
                .contains(BASE + "/workspace/" + f.workspaceId + "/sides");

        SMTP.purgeEmailFromAllMailboxes();
        long round = openRound("Which first?");
        run(f.owner, () -> rounds.confirmClosing(f.workspaceId, round));
        ReceivedMail awaited = ReceivedMail.of(arrived(1).getFirst());
        assertThat(awaited.to()).containsExactly(address);
        assertThat(awaited.subject()).isEqualTo("Din sides bekræftelse ventes: “Which first?” i “"
                + as(f.owner, () -> workspaces.details(f.workspaceId).name()) + "”");
        assertThat(awaited.text()).contains("Siden “Kommune” har bekræftet at lukke runden “Which first?”.")
                .contains(BASE + "/workspace/" + f.workspaceId + "/rounds");
    }

    @Test
    void a_proposed_move_is_mailed_with_the_member_s_name_and_both_sides_in_place_of_placeholders() throws Exception {
        String address = confirmedAddress(f.otherModerator);
        run(f.otherModerator, () -> accounts.setMailLanguage("en"));

        as(f.owner, () -> governance.proposeMove(f.workspaceId, f.participant.id(), Role.PARTICIPANT, f.civilSideId));

        ReceivedMail proposal = ReceivedMail.of(arrived(1).getFirst());
        assertThat(proposal.to()).containsExactly(address);
        assertThat(proposal.text())
                .contains("Move " + f.participant.displayName() + " from “Kommune” to “Civilsamfund”.")
                .doesNotContain("{").contains(BASE + "/workspace/" + f.workspaceId + "/people");
    }
}
