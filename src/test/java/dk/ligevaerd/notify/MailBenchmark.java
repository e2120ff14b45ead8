package dk.ligevaerd.notify;

import static dk.ligevaerd.support.Acting.as;
import static dk.ligevaerd.support.Acting.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.account.UserSummary;
import dk.ligevaerd.priority.PriorityService;
import dk.ligevaerd.priority.ValueLens;
import dk.ligevaerd.round.RoundDraft;
import dk.ligevaerd.round.RoundService;
import dk.ligevaerd.workspace.InvitationService;
import dk.ligevaerd.workspace.WorkspaceFixture;
import dk.ligevaerd.workspace.WorkspaceService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Figures, not a test: a workspace of 2,000 members with confirmed addresses. Opening a round
 * notifies each of them, and closing it (after every member voted) once more: each event's
 * transaction writes the notification as one row, and its 2,000 mails are composed and queued right
 * after the commit ({@link NotificationIntents}); the worker then sends them to a real SMTP server
 * (GreenMail, in this JVM). Printed: how long opening and the closing confirmation took, when all
 * their mails were in the outbox, and how many mails a second the worker delivered. Not run by the
 * normal build:
 *
 * <pre>mvnl -q test -Dtest='MailBenchmark*' -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * ({@code MailBenchmark*} also runs {@link MailBenchmarkComposedInTransaction}, the same with every
 * notification composed in its event's transaction as before, for comparison in the same run.)
 *
 * The figures are appended to {@code target/benchmark/mail.txt}; docs/performance.md records them.
 */
@Tag("benchmark")
@SpringBootTest(properties = {"ligevaerd.demo.enabled=false", "ligevaerd.rounds.auto-close.enabled=false",
        "ligevaerd.security.bcrypt-strength=4", "ligevaerd.mail.base-url=https://ligevaerd.example.org",
        "spring.datasource.url=jdbc:h2:file:./target/bench-db/mail-${random.uuid}"})
class MailBenchmark {

    static final int MEMBERS = 2_000;
    static final int THREADS = 8;
    // Left running until the JVM ends: MailBenchmarkComposedInTransaction measures against it too.
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
    @Autowired JdbcTemplate jdbc;
    @Autowired NotifySettings notify;

    @Test
    void measure() throws Exception {
        SMTP.purgeEmailFromAllMailboxes();
        WorkspaceFixture f = new WorkspaceFixture(accounts, workspaces, invitations);
        long a = as(f.participant, () -> priorities.propose(f.workspaceId, "Park", "", Set.of(ValueLens.PARTICIPATION)));
        long b = as(f.otherModerator, () -> priorities.propose(f.workspaceId, "Bus", "", Set.of(ValueLens.SERVICE_QUALITY)));
        List<UserSummary> voters = new ArrayList<>(members(f.workspaceId, f.municipalSideId, "k", MEMBERS / 2));
        voters.addAll(members(f.workspaceId, f.civilSideId, "c", MEMBERS / 2));

        // Warm-up: the same paths on a small round, its mails delivered before measuring.
        long warmUp = as(f.owner, () -> rounds.create(f.workspaceId, RoundDraft.dots("Warm-up", List.of(a, b), 10, 5, 1)));
        run(f.owner, () -> rounds.open(f.workspaceId, warmUp));
        int before = drained(0, 120);

        long roundId = as(f.owner, () -> rounds.create(f.workspaceId, RoundDraft.dots("Measured", List.of(a, b), 10, 5, 1)));
        long openStart = System.nanoTime();
        run(f.owner, () -> rounds.open(f.workspaceId, roundId));
        double openMillis = (System.nanoTime() - openStart) / 1e6;
        double openComposedMillis = composed(openStart);
        int openedQueued = queuedSince(before);
        long sendStart = System.nanoTime();
        int afterOpening = drained(before, 300);
        double openSendSeconds = (System.nanoTime() - sendStart) / 1e9;

        castAll(f.workspaceId, roundId, voters, a, b);
        run(f.owner, () -> rounds.confirmClosing(f.workspaceId, roundId));
        afterOpening = drained(afterOpening, 120);
        long closeStart = System.nanoTime();
        boolean closed = as(f.otherModerator, () -> rounds.confirmClosing(f.workspaceId, roundId));
        double closeMillis = (System.nanoTime() - closeStart) / 1e6;
        assertThat(closed).isTrue();
        double closeComposedMillis = composed(closeStart);
        int closedQueued = queuedSince(afterOpening);
        long closeSendStart = System.nanoTime();
        int all = drained(afterOpening, 300);
        double closeSendSeconds = (System.nanoTime() - closeSendStart) / 1e9;
        assertThat(SMTP.getReceivedMessages().length).isEqualTo(all);

        boolean after = notify.composeAfterCommitOver() < MEMBERS;
        String transaction = after ? "its transaction, with the notification's row" : "its transaction, with the mails";
        String queued = after ? "composed and queued after the commit, all in the outbox"
                : "queued in the transaction, all in the outbox";
        String report = String.format(java.util.Locale.ROOT, """
                == Mail benchmark: %s, %d cores, load average %.1f; %s ==
                open a round for %d members with confirmed addresses: %.0f ms (%s)
                  its %d mails %s %.0f ms after the opening began
                  the worker delivered them to the SMTP server in %.1f s: %.0f mails/s
                last closing confirmation of that round (%d ballots): %.0f ms (%s)
                  its %d mails %s %.0f ms after the closing began
                  the worker delivered them in %.1f s: %.0f mails/s
                """, Instant.now(), Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                after ? "notifications to more than " + notify.composeAfterCommitOver()
                        + " people composed after the commit" : "every notification composed in its event's transaction",
                MEMBERS, openMillis, transaction, openedQueued, queued, openComposedMillis, openSendSeconds,
                openedQueued / openSendSeconds, voters.size(), closeMillis, transaction, closedQueued, queued,
                closeComposedMillis, closeSendSeconds, closedQueued / closeSendSeconds);
        System.out.println(report);
        Path out = Path.of("target/benchmark/mail.txt");
        try {
            Files.createDirectories(out.getParent());
            Files.writeString(out, report + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("could not write " + out + ": " + e.getMessage());
        }
    }

    /** Mails written to the outbox after the first {@code before} ids (all of them, sent or not). */
    private int queuedSince(int before) {
        return jdbc.queryForObject("select count(*) from mail_outbox", Integer.class) - before;
    }

    /**
     * Waits until every notification written as a row has been composed into its mails, and returns
     * the milliseconds from {@code start} until then (polled every 5 ms).
     */
    private double composed(long start) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5)).until(() -> jdbc.queryForObject(
                "select count(*) from notification_intent where expanded_at is null", Integer.class) == 0);
        return (System.nanoTime() - start) / 1e6;
    }

    /** Waits until the outbox holds nothing unsent, then returns how many mails it holds in all. */
    private int drained(int before, int seconds) {
        // Polled every 20 ms, so the delivery time is measured to within that.
        await().atMost(Duration.ofSeconds(seconds)).pollInterval(Duration.ofMillis(20)).until(() -> jdbc.queryForObject(
                "select count(*) from notification_intent where expanded_at is null", Integer.class) == 0
                && jdbc.queryForObject("select count(*) from mail_outbox where sent_at is null and failed_at is null",
                        Integer.class) == 0);
        int total = jdbc.queryForObject("select count(*) from mail_outbox", Integer.class);
        assertThat(total).isGreaterThanOrEqualTo(before);
        return total;
    }

    private void castAll(long workspaceId, long roundId, List<UserSummary> voters, long a, long b) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < voters.size(); i++) {
            UserSummary voter = voters.get(i);
            Map<Long, Integer> ballot = Map.of(a, 5, b, 5);
            done.add(pool.submit(() -> run(voter, () -> rounds.castDots(workspaceId, roundId, ballot))));
        }
        for (Future<?> future : done) {
            future.get(10, TimeUnit.MINUTES);
        }
        pool.shutdown();
    }

    /** Participants of a side with confirmed addresses, made straight in the database. */
    private List<UserSummary> members(long workspaceId, long side, String tag, int count) {
        String prefix = "mailed" + tag + System.nanoTime() % 1_000_000 + "-";
        String hash = new BCryptPasswordEncoder(4).encode("bla-hest-tromme-7");
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            users.add(new Object[] {prefix + i, "Member " + tag + i, hash, now, prefix + i + "@example.org", now});
        }
        jdbc.batchUpdate("insert into app_user (username, display_name, password_hash, created_at, email,"
                + " email_verified_at) values (?, ?, ?, ?, ?, ?)", users);
        List<UserSummary> made = jdbc.query("select id, username, display_name from app_user where username like ?"
                + " order by id", (rs, row) -> new UserSummary(rs.getLong(1), rs.getString(2), rs.getString(3)),
                prefix + "%");
        List<Object[]> memberships = new ArrayList<>();
        for (UserSummary user : made) {
            memberships.add(new Object[] {workspaceId, user.id(), side, "PARTICIPANT", false, now, 0L});
        }
        jdbc.batchUpdate("insert into membership (workspace_id, user_id, side_id, role, owner, joined_at, version) "
                + "values (?, ?, ?, ?, ?, ?, ?)", memberships);
        return made;
    }
}
