package dk.ligevaerd.notify;

import static dk.ligevaerd.support.Acting.as;
import static dk.ligevaerd.support.Acting.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.account.UserSummary;
import dk.ligevaerd.browser.BrowserSupport;
import dk.ligevaerd.deliberation.CommentService;
import dk.ligevaerd.deliberation.TargetKind;
import dk.ligevaerd.mail.ReceivedMail;
import dk.ligevaerd.priority.PriorityService;
import dk.ligevaerd.priority.ValueLens;
import dk.ligevaerd.workspace.GovernanceService;
import dk.ligevaerd.workspace.InvitationService;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
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
 * Replies and mentions in the discussion, mailed to a real SMTP server (GreenMail) by the running
 * application: who is told (earlier writers in the thread, the people mentioned; never the author,
 * never someone outside the workspace, one mail for someone both mentioned and taking part), in
 * whose language, with the reply's text escaped in HTML and a link that opens the discussion at the
 * thread (followed by an HTTP client and in Chromium); switched off, and gathered in the digest.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {"ligevaerd.demo.enabled=false",
        "ligevaerd.security.bcrypt-strength=4",
        "spring.datasource.url=jdbc:h2:file:./target/test-db/discussion-mail-${random.uuid}",
        "ligevaerd.mail.base-url=https://ligevaerd.example.org", "ligevaerd.mail.poll-interval=500ms",
        "ligevaerd.notify.digest-poll=0s", "ligevaerd.notify.reminder-poll=0s", "vaadin.devmode.devTools.enabled=false"})
class DiscussionMailIT {

    private static final String BASE = "https://ligevaerd.example.org";
    private static final Pattern META_CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
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
    @Autowired PriorityService priorities;
    @Autowired CommentService comments;
    @Autowired GovernanceService governance;
    @Autowired NotificationService notifications;
    @Autowired DigestWorker digests;
    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;

    WorkspaceFixture f;
    String workspaceName;
    long priority;

    @BeforeEach
    void fixture() throws Exception {
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject("select count(*) from mail_outbox"
                + " where sent_at is null and failed_at is null", Integer.class) == 0);
        SMTP.purgeEmailFromAllMailboxes();
        f = new WorkspaceFixture(accounts, workspaces, invitations);
        workspaceName = as(f.owner, () -> workspaces.details(f.workspaceId).name());
        priority = as(f.participant, () -> priorities.propose(f.workspaceId, "Visits & <care>", "",
                Set.of(ValueLens.SERVICE_QUALITY)));
        for (UserSummary u : List.of(f.owner, f.otherModerator, f.participant, f.observer, f.outsider)) {
            jdbc.update("update app_user set email = ?, email_verified_at = current_timestamp where id = ?",
                    address(u), u.id());
        }
    }

    private static String address(UserSummary user) {
        return user.username() + "@example.org";
    }

    private long start(UserSummary who, String body) {
        return as(who, () -> comments.startOn(f.workspaceId, TargetKind.PRIORITY, priority, body));
    }

    private long reply(UserSummary who, long thread, String body) {
        return as(who, () -> comments.reply(f.workspaceId, thread, body));
    }

    private static String mention(UserSummary user) {
        return "@" + user.displayName();
    }

    /** The notifications of a kind queued for this workspace, by recipient (committed with the comment). */
    private List<String> queued(NotificationKind kind) {
        return jdbc.queryForList("select recipient from mail_outbox where workspace_id = ? and kind = ? order by id",
                String.class, f.workspaceId, kind.name());
    }

    /** Waits until everything queued has gone out, then the messages received. */
    private List<ReceivedMail> delivered() {
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject("select count(*) from mail_outbox"
                + " where sent_at is null and failed_at is null", Integer.class) == 0);
        return Arrays.stream(SMTP.getReceivedMessages()).map(ReceivedMail::of).toList();
    }

    private static List<ReceivedMail> to(List<ReceivedMail> mails, UserSummary user) {
        return mails.stream().filter(m -> m.to().contains(address(user))).toList();
    }

    private String threadLink(long thread) {
        return BASE + "/workspace/" + f.workspaceId + "/discussion?thread=" + thread;
    }

    @Test
    void a_reply_mails_everyone_who_wrote_in_the_thread_before_in_their_language_with_a_link_to_the_thread()
            throws Exception {
        run(f.participant, () -> accounts.setMailLanguage("en"));
        long thread = start(f.participant, "How often?");
        assertThat(queued(NotificationKind.REPLY)).as("a thread started without a mention tells no one").isEmpty();

        reply(f.otherModerator, thread, "Every week.");
        assertThat(queued(NotificationKind.REPLY)).containsExactly(address(f.participant));

        reply(f.owner, thread, "Agreed <b>bold</b> & more");
        assertThat(queued(NotificationKind.REPLY)).as("the starter and the earlier replier; not the author, not the"
                + " observer who never wrote").containsExactlyInAnyOrder(address(f.participant), address(f.participant),
                address(f.otherModerator));

        List<ReceivedMail> mails = delivered();
        assertThat(mails).hasSize(3);
        ReceivedMail english = to(mails, f.participant).stream().filter(m -> m.text().contains("Agreed")).findFirst()
                .orElseThrow();
        String link = threadLink(thread);
        assertThat(english.subject()).isEqualTo(f.owner.displayName() + " replied in a thread in “" + workspaceName
                + "”");
        assertThat(english.text()).contains("Hello " + f.participant.displayName())
                .contains(f.owner.displayName() + " replied in a thread you take part in, on the priority “Visits &"
                        + " <care>”, in the workspace “" + workspaceName + "”:")
                .contains("Agreed <b>bold</b> & more").contains("Open the thread:\n" + link);
        assertThat(english.html()).contains("Agreed &lt;b&gt;bold&lt;/b&gt; &amp; more").doesNotContain("<b>bold")
                .contains("<a href=\"" + link + "\">Open the thread</a>");
        // The workspace is Danish and the moderator chose no language for their mail.
        ReceivedMail danish = to(mails, f.otherModerator).getFirst();
        assertThat(danish.subject()).isEqualTo(f.owner.displayName() + " svarede i en tråd i “" + workspaceName + "”");
        assertThat(danish.text()).contains("om prioriteten “Visits & <care>”").contains("Åbn tråden:\n" + link);

        HttpResponse<String> opened = loggedIn(f.participant).send(HttpRequest.newBuilder(local(link)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(opened.statusCode()).as("the link opens the discussion for the logged-in member").isEqualTo(200);
        HttpResponse<String> anonymous = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(HttpRequest.newBuilder(local(link)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).as("without a login the link leads to the login page").isEqualTo(302);

        inChromium(f.participant, link, page -> {
            Locator card = page.locator("[data-thread=\"" + thread + "\"]");
            PlaywrightAssertions.assertThat(card).isVisible();
            PlaywrightAssertions.assertThat(card).hasClass(Pattern.compile("linked-item"));
            PlaywrightAssertions.assertThat(card).hasAttribute("aria-current", "true");
            PlaywrightAssertions.assertThat(card.locator(".comment-body")).hasCount(3);
            PlaywrightAssertions.assertThat(page).hasURL(Pattern.compile(".*/discussion\\?thread=" + thread));
        });
    }

    @Test
    void a_mention_mails_the_member_named_but_never_the_author_nor_someone_outside_the_workspace_and_only_once()
            throws Exception {
        run(f.otherModerator, () -> accounts.setMailLanguage("en"));
        long thread = start(f.participant, "Hvad mener " + mention(f.otherModerator).toLowerCase(java.util.Locale.ROOT)
                + "? Spørg også " + mention(f.outsider) + " og mig selv, " + mention(f.participant)
                + ", eller skriv til " + f.observer.username() + "@" + f.observer.displayName() + ".");
        assertThat(queued(NotificationKind.MENTION)).as("the moderator alone: the outsider cannot read the"
                + " workspace, the author needs no mail, an address is no mention").containsExactly(
                address(f.otherModerator));

        // Mentioned and taking part: one mail, the mention.
        reply(f.otherModerator, thread, "Enig med " + mention(f.participant) + ".");
        assertThat(queued(NotificationKind.MENTION)).containsExactly(address(f.otherModerator), address(f.participant));
        assertThat(queued(NotificationKind.REPLY)).isEmpty();

        List<ReceivedMail> mails = delivered();
        assertThat(mails).hasSize(2);
        assertThat(to(mails, f.outsider)).isEmpty();
        ReceivedMail mentioned = to(mails, f.otherModerator).getFirst();
        assertThat(mentioned.subject()).isEqualTo(f.participant.displayName() + " mentioned you in “" + workspaceName
                + "”");
        assertThat(mentioned.text()).contains(f.participant.displayName() + " mentioned you in a comment on the"
                + " priority “Visits & <care>”, in the workspace “" + workspaceName + "”:")
                .contains("Hvad mener").contains("Open the thread:\n" + threadLink(thread));
        assertThat(to(mails, f.participant).getFirst().subject()).isEqualTo(f.otherModerator.displayName()
                + " nævnte dig i “" + workspaceName + "”");
    }

    @Test
    void editing_a_comment_to_add_a_mention_tells_only_the_newly_mentioned() {
        long thread = start(f.participant, "Hej " + mention(f.owner));
        long comment = as(f.participant, () -> comments.thread(f.workspaceId, thread)).comments().getFirst().id();
        assertThat(queued(NotificationKind.MENTION)).containsExactly(address(f.owner));

        run(f.participant, () -> comments.edit(f.workspaceId, comment, "Hej " + mention(f.owner) + " og "
                + mention(f.otherModerator)));
        assertThat(queued(NotificationKind.MENTION)).containsExactly(address(f.owner), address(f.otherModerator));

        run(f.participant, () -> comments.edit(f.workspaceId, comment, "Hej igen " + mention(f.otherModerator)
                + " og " + mention(f.owner) + "!"));
        assertThat(queued(NotificationKind.MENTION)).as("nobody new is mentioned").hasSize(2);
        assertThat(delivered()).hasSize(2);
    }

    @Test
    void a_kind_switched_off_sends_nothing_and_a_digest_reader_finds_the_reply_in_the_digest() throws Exception {
        run(f.participant, () -> notifications.setPreference(NotificationKind.REPLY, false, false));
        run(f.otherModerator, () -> {
            notifications.setPreference(NotificationKind.REPLY, true, true);
            notifications.setPreference(NotificationKind.MENTION, true, true);
        });
        long thread = start(f.owner, "Hvem tager den?");
        reply(f.participant, thread, "Jeg kan.");
        reply(f.otherModerator, thread, "Tak, " + mention(f.participant) + " og " + mention(f.owner) + ".");
        // The owner: the mention at once. The participant switched replies off but not mentions.
        assertThat(queued(NotificationKind.MENTION)).containsExactlyInAnyOrder(address(f.participant),
                address(f.owner));
        assertThat(queued(NotificationKind.REPLY)).as("the participant's reply, to the owner; the moderator's"
                + " reply mentions both who wrote before, so they get the mention only").containsExactly(address(f.owner));
        reply(f.participant, thread, "Mentioning no one <i>now</i>.");
        assertThat(queued(NotificationKind.REPLY)).as("the owner at once; the moderator in the digest")
                .containsExactly(address(f.owner), address(f.owner));

        run(f.participant, () -> notifications.setPreference(NotificationKind.MENTION, false, false));
        reply(f.owner, thread, "Igen " + mention(f.participant) + ".");
        assertThat(queued(NotificationKind.MENTION)).as("mentions switched off: nothing, and no reply mail instead,"
                + " since replies are off too").hasSize(2);
        assertThat(queued(NotificationKind.REPLY)).hasSize(2);

        delivered();
        SMTP.purgeEmailFromAllMailboxes();
        assertThat(digests.sendDigestsUpTo(clock.instant().plusSeconds(1))).isEqualTo(1);
        List<ReceivedMail> digest = delivered();
        assertThat(digest).hasSize(1);
        ReceivedMail mail = digest.getFirst();
        assertThat(mail.to()).containsExactly(address(f.otherModerator));
        assertThat(mail.text()).contains(f.participant.displayName() + " svarede i en tråd i “" + workspaceName + "”")
                .contains("Mentioning no one <i>now</i>.").contains(threadLink(thread))
                .contains(f.owner.displayName() + " svarede i en tråd i");
        assertThat(mail.html()).contains("Mentioning no one &lt;i&gt;now&lt;/i&gt;.");
        assertThat(notifications.unsubscribeKinds(unsubscribeToken(mail))).as("the digest's link stops what it"
                + " gathered").contains(NotificationKind.REPLY);
    }

    @Test
    void someone_who_left_the_workspace_is_not_told_and_someone_who_stops_mentions_still_hears_of_replies() {
        f.agree(governance, g -> g.proposeObserversMayComment(f.workspaceId, true));
        long thread = start(f.observer, "Et spørgsmål fra en observatør.");
        reply(f.participant, thread, "Et svar.");
        assertThat(queued(NotificationKind.REPLY)).containsExactly(address(f.observer));
        f.agree(governance, g -> g.proposeRemoveObserver(f.workspaceId, f.observer.id()).orElseThrow());

        run(f.participant, () -> notifications.setPreference(NotificationKind.MENTION, false, false));
        reply(f.otherModerator, thread, "Tak " + mention(f.participant) + " og " + mention(f.observer) + ".");
        assertThat(queued(NotificationKind.MENTION)).as("the observer left, so no mention of them reaches them; the"
                + " participant switched mentions off").isEmpty();
        assertThat(queued(NotificationKind.REPLY)).as("the participant hears of the reply instead; the observer who"
                + " started the thread and left hears nothing").containsExactly(address(f.observer),
                address(f.participant));
        assertThat(to(delivered(), f.observer)).hasSize(1);
    }

    private static String unsubscribeToken(ReceivedMail mail) {
        Matcher m = Pattern.compile(Pattern.quote(BASE) + "/unsubscribe/([A-Za-z0-9_-]{43})").matcher(mail.text());
        assertThat(m.find()).isTrue();
        return m.group(1);
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

    /** Follows the mailed link in Chromium, logged in as the recipient. */
    private void inChromium(UserSummary user, String link, java.util.function.Consumer<Page> check) {
        Path chromium = Path.of(System.getenv().getOrDefault("LIGEVAERD_CHROMIUM", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            String reason = "SKIPPED: following the mailed link in a browser needs Chromium at " + chromium;
            if ("true".equalsIgnoreCase(System.getenv("LIGEVAERD_REQUIRE_BROWSER"))) {
                throw new IllegalStateException("LIGEVAERD_REQUIRE_BROWSER is set but " + reason);
            }
            Assumptions.abort(reason);
        }
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(chromium).setHeadless(true).setArgs(List.of("--headless", "--no-sandbox",
                                "--disable-gpu", "--no-first-run", "--disable-background-networking")));
                BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en-GB"))) {
            context.setDefaultTimeout(30_000);
            // The check's assertions wait as long as in the other browser tests, not Playwright's
            // 5 s default (which holds here when no class that sets it ran before in this JVM).
            PlaywrightAssertions.setDefaultAssertionTimeout(BrowserSupport.TIMEOUT.toMillis());
            String base = "http://localhost:" + port;
            Matcher csrf = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"")
                    .matcher(context.request().get(base + "/login").text());
            assertThat(csrf.find()).isTrue();
            var login = context.request().post(base + "/login", RequestOptions.create()
                    .setForm(FormData.create().set("username", user.username()).set("password", "bla-hest-tromme-7")
                            .set("_csrf", csrf.group(1))).setMaxRedirects(0));
            assertThat(login.status()).isEqualTo(302);
            Page page = context.newPage();
            page.navigate(local(link).toString());
            page.locator("#workspace-title").waitFor();
            check.accept(page);
        }
    }
}
