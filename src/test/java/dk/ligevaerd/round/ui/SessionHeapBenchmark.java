package dk.ligevaerd.round.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.sun.management.HotSpotDiagnosticMXBean;
import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.account.UserSummary;
import dk.ligevaerd.priority.PriorityService;
import dk.ligevaerd.priority.PriorityView;
import dk.ligevaerd.round.RoundDraft;
import dk.ligevaerd.round.RoundService;
import dk.ligevaerd.shared.LiveEventBus;
import dk.ligevaerd.support.Acting;
import dk.ligevaerd.testing.HeapHistogram;
import dk.ligevaerd.testing.VaadinPushClient;
import dk.ligevaerd.workspace.WorkspaceDetails;
import dk.ligevaerd.workspace.WorkspaceService;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Figures, not a test: the live heap per open session, and where it goes. Opens
 * {@code heap.browsers} (default 20) Chromium pages on the Rounds tab, then {@code heap.protocol}
 * (default 40) protocol sessions, and casts {@code heap.ballots} (default 40) ballots after each;
 * after each step it takes a class histogram (what {@code jcmd <pid> GC.class_histogram} prints,
 * after a full collection) and prints the growth per session, largest classes first. The protocol
 * clients live in this JVM, so their classes (jdk.internal.net.http) show in the protocol rows.
 * With {@code -Dheap.dump=<file>} it also writes a dump of the live heap while every session is
 * still open, to follow what holds what.
 *
 * <pre>mvnl -q test -Dtest=SessionHeapBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ligevaerd.demo.enabled=true", "ligevaerd.rounds.auto-close.enabled=false",
        // As in production: development mode keeps two stack traces per component for its tools.
        "vaadin.devmode.componentTracker.enabled=false",
        "spring.datasource.url=jdbc:h2:file:./target/bench-db/heap-${random.uuid}"})
class SessionHeapBenchmark {

    static final int BROWSERS = Integer.getInteger("heap.browsers", 20);
    static final int PROTOCOL = Integer.getInteger("heap.protocol", 40);
    static final int BALLOTS = Integer.getInteger("heap.ballots", 40);

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired WorkspaceService workspaces;
    @Autowired PriorityService priorities;
    @Autowired RoundService rounds;
    @Autowired JdbcTemplate jdbc;
    @Autowired LiveEventBus bus;

    @Test
    void measure() throws Exception {
        URI base = URI.create("http://localhost:" + port);
        UserSummary kommune1 = accounts.findByUsername("kommune1").orElseThrow();
        long workspaceId = Acting.as(kommune1, () -> workspaces.mine().getFirst().id());
        WorkspaceDetails details = Acting.as(kommune1, () -> workspaces.details(workspaceId));
        List<Long> options = Acting.as(kommune1, () -> priorities.list(workspaceId)).stream()
                .map(PriorityView::id).limit(3).toList();
        long roundId = Acting.as(kommune1, () -> rounds.create(workspaceId,
                RoundDraft.dots("Heap", options, 5, 5, 1)));
        Acting.run(kommune1, () -> rounds.open(workspaceId, roundId));
        List<UserSummary> voters = members(workspaceId, details.sides().get(1).id(), "v", 2 * BALLOTS);
        List<UserSummary> watchers = members(workspaceId, details.sides().get(0).id(), "w", BROWSERS + PROTOCOL + 2);
        String location = "workspace/" + workspaceId + "/rounds";
        StringBuilder report = new StringBuilder(String.format("== Heap per session: %s, load average %.1f ==%n",
                Instant.now(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        RoundsBrowserIT.Browsers browsers = RoundsBrowserIT.Browsers.launch();
        List<VaadinPushClient> clients = new CopyOnWriteArrayList<>();
        try {
            // Warm up: the first sessions of each kind initialise what every later one shares.
            Page warm = browsers.loggedIn(base.toString(), watchers.get(0).username());
            warm.navigate(base.resolve("/" + location).toString());
            clients.add(VaadinPushClient.open(base, VaadinPushClient.login(base, watchers.get(1).username(), "demo"),
                    location, message -> { }));
            ballots(workspaceId, roundId, options, voters.subList(0, 4));
            HeapHistogram none = HeapHistogram.take();

            for (int i = 0; i < BROWSERS; i++) {
                Page page = browsers.loggedIn(base.toString(), watchers.get(2 + i).username());
                page.navigate(base.resolve("/" + location).toString());
                assertThat(page.locator("#round-" + roundId)).isVisible();
            }
            Thread.sleep(2000);
            HeapHistogram chromium = HeapHistogram.take();
            report.append("-- ").append(BROWSERS).append(" Chromium pages opened: ")
                    .append(chromium.growthSince(none, Math.max(1, BROWSERS), 15));
            ballots(workspaceId, roundId, options, voters.subList(4, 4 + BALLOTS / 2));
            HeapHistogram chromiumVoted = HeapHistogram.take();
            report.append("-- then ").append(BALLOTS / 2).append(" ballots, per Chromium page: ")
                    .append(chromiumVoted.growthSince(chromium, Math.max(1, BROWSERS), 10));

            ExecutorService opening = Executors.newFixedThreadPool(6);
            List<Future<?>> opened = new ArrayList<>();
            for (int i = 0; i < PROTOCOL; i++) {
                String who = watchers.get(2 + BROWSERS + i).username();
                opened.add(opening.submit(() -> {
                    clients.add(VaadinPushClient.open(base, VaadinPushClient.login(base, who, "demo"), location,
                            message -> { }));
                    return null;
                }));
            }
            for (Future<?> f : opened) {
                f.get();
            }
            opening.shutdown();
            Thread.sleep(2000);
            HeapHistogram protocol = HeapHistogram.take();
            report.append("-- ").append(PROTOCOL).append(" protocol sessions opened: ")
                    .append(protocol.growthSince(chromiumVoted, Math.max(1, PROTOCOL), 15));
            ballots(workspaceId, roundId, options, voters.subList(4 + BALLOTS / 2, 4 + BALLOTS));
            HeapHistogram protocolVoted = HeapHistogram.take();
            report.append("-- then ").append(BALLOTS / 2).append(" ballots, per session (all ")
                    .append(BROWSERS + PROTOCOL).append("): ")
                    .append(protocolVoted.growthSince(protocol, Math.max(1, BROWSERS + PROTOCOL), 10));
            String dump = System.getProperty("heap.dump");
            if (dump != null) {
                // With every session still open: a heap dump of live objects, to follow what holds them.
                Files.deleteIfExists(Path.of(dump));
                ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(dump, true);
                report.append("-- heap dump of live objects: ").append(dump).append('\n');
            }
        } finally {
            clients.forEach(VaadinPushClient::close);
            browsers.close();
        }
        System.out.println(report);
        Files.createDirectories(Path.of("target/benchmark"));
        Files.writeString(Path.of("target/benchmark/heap.txt"), report + "\n", StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** One ballot each, 100 ms apart, then time for every page to take them in. */
    private void ballots(long workspaceId, long roundId, List<Long> options, List<UserSummary> voters)
            throws InterruptedException {
        for (int i = 0; i < voters.size(); i++) {
            long option = options.get(i % options.size());
            Acting.run(voters.get(i), () -> rounds.castDots(workspaceId, roundId, Map.of(option, 1)));
            Thread.sleep(100);
        }
        long until = System.currentTimeMillis() + 20_000;
        while (!bus.idle() && System.currentTimeMillis() < until) {
            Thread.sleep(50);
        }
        Thread.sleep(2000);
    }

    /** Participants of a side, made straight in the database, who log in with the password "demo". */
    private List<UserSummary> members(long workspaceId, long side, String tag, int count) {
        String prefix = "heap" + tag + System.nanoTime() % 1_000_000 + "-";
        String hash = new BCryptPasswordEncoder(4).encode("demo");
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            users.add(new Object[] {prefix + i, "Member " + tag + i, hash, now});
        }
        jdbc.batchUpdate("insert into app_user (username, display_name, password_hash, created_at) values (?, ?, ?, ?)",
                users);
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
