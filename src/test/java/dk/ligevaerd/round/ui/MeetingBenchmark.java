package dk.ligevaerd.round.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.account.UserSummary;
import dk.ligevaerd.priority.PriorityService;
import dk.ligevaerd.priority.PriorityView;
import dk.ligevaerd.round.RoundDraft;
import dk.ligevaerd.round.RoundEvents.BallotCountChanged;
import dk.ligevaerd.round.RoundService;
import dk.ligevaerd.shared.LiveEventBus;
import dk.ligevaerd.support.Acting;
import dk.ligevaerd.testing.VaadinPushClient;
import dk.ligevaerd.workspace.WorkspaceDetails;
import dk.ligevaerd.workspace.WorkspaceService;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Figures, not a test: a meeting. Two sides of 40 members, 80 sessions open on the Rounds tab
 * ({@code meeting.browsers}, default 12, are real Chromium pages, the first seven the demo team; the
 * others are {@link VaadinPushClient}s, each a real Vaadin UI on the server, updated and pushed to
 * over WebSocket), and 80 ballots cast within 20 s, alternating between the sides. Reports the
 * time from each ballot's commit until every open session shows the new count, the server's CPU
 * time per ballot, the bytes pushed per session per ballot, and the heap per open session.
 *
 * <pre>src/test/scripts/benchmark-meeting.sh</pre>
 *
 * Each Chromium page notes with a mutation observer, on the machine's clock, when each side's
 * count changes; each protocol session notes when a pushed message carries the counts. A session
 * "shows" a ballot once both sides' counts are at least what they were right after that ballot
 * (a page that folded two ballots into one update shows both at once).
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ligevaerd.demo.enabled=true", "ligevaerd.rounds.auto-close.enabled=false",
        // As in production: development mode keeps two stack traces per component for its tools.
        "vaadin.devmode.componentTracker.enabled=false",
        "spring.datasource.url=jdbc:h2:file:./target/bench-db/meeting-${random.uuid}"})
class MeetingBenchmark {

    static final List<String> DEMO_TEAM = List.of("kommune1", "kommune2", "kommune3", "civil1", "civil2", "civil3",
            "observer1");
    static final int PER_SIDE = Integer.getInteger("meeting.perSide", 40);
    static final int SESSIONS = Integer.getInteger("meeting.sessions", 80);
    static final int BROWSERS = Integer.getInteger("meeting.browsers", 12);
    static final int BALLOTS = Integer.getInteger("meeting.ballots", 80);
    static final int SECONDS = Integer.getInteger("meeting.seconds", 20);
    /** Protocol sessions beyond the meeting, for the capacity figures; they watch, they do not vote. */
    static final int EXTRA = Integer.getInteger("meeting.extra", 0);
    static final String LABEL = System.getProperty("meeting.label", "this code");
    /** A side's count as its turnout chip shows it, in English or Danish; not the quorum in the summary. */
    static final Pattern COUNT = Pattern.compile("(?<!quorum )(?<!kvorum )\\b(\\d+) (?:ballots?|stemmer?)\\b");
    /**
     * A turnout chip's text as pushed ("12 ballots — quorum 5 reached"); the standings' verdict also
     * names ballots ("has 3 of the 5 ballots needed") and must not be taken for a chip. The dash may
     * come escaped in the JSON.
     */
    static final Pattern CHIP = Pattern.compile("\\b(\\d+) (?:ballots?|stemmer?) (?:\u2014|\\\\u2014) (?:quorum|kvorum)\\b");

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired WorkspaceService workspaces;
    @Autowired PriorityService priorities;
    @Autowired RoundService rounds;
    @Autowired JdbcTemplate jdbc;
    @Autowired LiveEventBus bus;

    /** Where one protocol session's pushed messages go with {@code -Dmeeting.sample=<file>}. */
    static final String SAMPLE = System.getProperty("meeting.sample", "");

    /** Writes a pushed message to the sample file, if one is asked for: to see what a ballot costs a page. */
    static synchronized void pushSample(String message) {
        if (SAMPLE.isEmpty()) {
            return;
        }
        try {
            Files.writeString(Path.of(SAMPLE), Instant.now() + " " + message.length() + " chars\n" + message + "\n\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("could not write the sample: " + e.getMessage());
        }
    }

    /** Both sides' counts seen by one session, with the time it saw them. */
    record Seen(long at, int a, int b) {
    }

    @Test
    void measure() throws Exception {
        URI base = URI.create("http://localhost:" + port);
        UserSummary kommune1 = accounts.findByUsername("kommune1").orElseThrow();
        long workspaceId = Acting.as(kommune1, () -> workspaces.mine().getFirst().id());
        WorkspaceDetails details = Acting.as(kommune1, () -> workspaces.details(workspaceId));
        long sideA = details.sides().get(0).id();
        long sideB = details.sides().get(1).id();
        List<Long> options = Acting.as(kommune1, () -> priorities.list(workspaceId)).stream()
                .map(PriorityView::id).limit(3).toList();
        long roundId = Acting.as(kommune1, () -> rounds.create(workspaceId,
                RoundDraft.dots("Meeting", options, 5, 5, 1)));
        Acting.run(kommune1, () -> rounds.open(workspaceId, roundId));

        // Two sides of PER_SIDE members: the demo's three contributors each, and the rest made here.
        List<UserSummary> votersA = new ArrayList<>(demo("kommune1", "kommune2", "kommune3"));
        List<UserSummary> votersB = new ArrayList<>(demo("civil1", "civil2", "civil3"));
        votersA.addAll(members(workspaceId, sideA, "a", PER_SIDE - votersA.size()));
        votersB.addAll(members(workspaceId, sideB, "b", PER_SIDE - votersB.size()));
        List<UserSummary> watchers = members(workspaceId, sideA, "w", EXTRA);
        List<String> everyone = new ArrayList<>(DEMO_TEAM);
        for (int i = 3; i < PER_SIDE; i++) {
            everyone.add(votersA.get(i).username());
            everyone.add(votersB.get(i).username());
        }
        String location = "workspace/" + workspaceId + "/rounds";
        // The turnout chips come in the round's order of sides; a protocol session reads them in that order.
        boolean chipsSwapped = Acting.as(kommune1, () -> rounds.get(workspaceId, roundId)).sides().getFirst()
                .sideId() != sideA;

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long heapBefore = heapAfterGc(memory);
        RoundsBrowserIT.Browsers browsers = RoundsBrowserIT.Browsers.launch();
        List<Page> pages = new ArrayList<>();
        List<VaadinPushClient> clients = new CopyOnWriteArrayList<>();
        List<List<Seen>> clientSeen = new CopyOnWriteArrayList<>();
        try {
            long openStart = System.nanoTime();
            for (String who : everyone.subList(0, Math.min(BROWSERS, SESSIONS))) {
                Page page = browsers.loggedIn(base.toString(), who);
                page.navigate(base.resolve("/" + location).toString());
                assertThat(page.locator("#turnout-" + roundId + "-" + sideA)).containsText("0 ballots");
                page.evaluate("""
                        ids => {
                          window.__seen = [];
                          const count = id => {
                            const el = document.getElementById(id);
                            const m = el && el.textContent.match(/(\\d+) ballot/);
                            return m ? Number(m[1]) : -1;
                          };
                          const note = () => {
                            const a = count(ids[0]), b = count(ids[1]);
                            const last = window.__seen[window.__seen.length - 1];
                            if (!last || last[1] !== a || last[2] !== b) window.__seen.push([Date.now(), a, b]);
                          };
                          new MutationObserver(note).observe(document.body,
                              {subtree: true, childList: true, characterData: true});
                        }""", List.of("turnout-" + roundId + "-" + sideA, "turnout-" + roundId + "-" + sideB));
                pages.add(page);
            }
            List<String> protocolUsers = new ArrayList<>(everyone.subList(Math.min(BROWSERS, SESSIONS),
                    Math.min(SESSIONS, everyone.size())));
            watchers.forEach(w -> protocolUsers.add(w.username()));
            ExecutorService opening = Executors.newFixedThreadPool(8);
            List<Future<?>> opened = new ArrayList<>();
            for (String who : protocolUsers) {
                List<Seen> seen = new CopyOnWriteArrayList<>();
                clientSeen.add(seen);
                boolean sampled = who.equals(protocolUsers.getFirst());
                opened.add(opening.submit(() -> {
                    String cookie = VaadinPushClient.login(base, who, "demo");
                    Counts counts = new Counts(seen, chipsSwapped);
                    clients.add(VaadinPushClient.open(base, cookie, location, sampled ? message -> {
                        counts.note(message);
                        pushSample(message);
                    } : counts::note));
                    return null;
                }));
            }
            for (Future<?> f : opened) {
                f.get();
            }
            opening.shutdown();
            double openSeconds = (System.nanoTime() - openStart) / 1e9;
            Thread.sleep(2000);
            long heapOpen = heapAfterGc(memory);
            int sessions = pages.size() + clients.size();

            Map<String, Page> ownPage = new HashMap<>();
            for (int i = 0; i < pages.size() && i < 6; i++) {
                ownPage.put(DEMO_TEAM.get(i), pages.get(i));
            }
            Map<Integer, Integer> ownBallots = new HashMap<>();
            List<Long> ballotEvents = new CopyOnWriteArrayList<>();
            Runnable stopListening = bus.subscribe(workspaceId, e -> {
                if (e instanceof BallotCountChanged) {
                    ballotEvents.add(System.currentTimeMillis());
                }
            });
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            Map<Long, Long> cpuBefore = serverCpu(threads);
            long bytesBefore = clients.stream().mapToLong(VaadinPushClient::bytesReceived).sum();
            long[] committed = new long[BALLOTS];
            int[][] expected = new int[BALLOTS][2];
            long interval = SECONDS * 1000L / BALLOTS;
            int a = 0;
            int b = 0;
            // On a thread of its own, standing for the voters' requests (its CPU is the server's).
            ExecutorService voting = Executors.newSingleThreadExecutor(r -> new Thread(r, "meeting-ballots"));
            long start = System.currentTimeMillis();
            for (int i = 0; i < BALLOTS; i++) {
                long due = start + i * interval;
                long wait = due - System.currentTimeMillis();
                if (wait > 0) {
                    Thread.sleep(wait);
                }
                boolean sideOfA = i % 2 == 0;
                UserSummary voter = (sideOfA ? votersA : votersB).get(i / 2 % PER_SIDE);
                if (sideOfA) {
                    a = Math.min(PER_SIDE, a + 1);
                } else {
                    b = Math.min(PER_SIDE, b + 1);
                }
                expected[i] = new int[] {a, b};
                int n = i;
                Page own = ownPage.get(voter.username());
                if (own != null) {
                    // A demo member with a page of their own votes in it, as a person would; the
                    // commit's time is when the ballot's event reached the bus.
                    int counted = ballotEvents.size();
                    Locator form = own.locator("#round-" + roundId + " .dots-form");
                    form.locator(".dots-plus").first().click();
                    own.locator("#ballot-submit-" + roundId).click();
                    long until = System.currentTimeMillis() + 10_000;
                    while (ballotEvents.size() == counted && System.currentTimeMillis() < until) {
                        Thread.sleep(1);
                    }
                    committed[i] = ballotEvents.size() > counted ? ballotEvents.get(counted) : System.currentTimeMillis();
                    ownBallots.put(i, pages.indexOf(own));
                    continue;
                }
                voting.submit(() -> {
                    Acting.run(voter, () -> rounds.castDots(workspaceId, roundId, Map.of(options.get(n % 3), 1)));
                    return null;
                }).get();
                committed[i] = System.currentTimeMillis();
            }
            voting.shutdown();
            stopListening.run();
            long deadline = System.currentTimeMillis() + 30_000;
            int finalA = a;
            int finalB = b;
            while (System.currentTimeMillis() < deadline
                    && !clientSeen.stream().allMatch(s -> !s.isEmpty() && s.getLast().a() >= finalA
                            && s.getLast().b() >= finalB)) {
                Thread.sleep(50);
            }
            Thread.sleep(1000);
            Map<Long, Long> cpuAfter = serverCpu(threads);
            long bytesAfter = clients.stream().mapToLong(VaadinPushClient::bytesReceived).sum();
            List<List<Seen>> pageSeen = new ArrayList<>();
            for (Page page : pages) {
                List<Seen> seen = new ArrayList<>();
                for (Object row : (List<?>) page.evaluate("() => window.__seen")) {
                    List<?> r = (List<?>) row;
                    seen.add(new Seen(((Number) r.get(0)).longValue(), ((Number) r.get(1)).intValue(),
                            ((Number) r.get(2)).intValue()));
                }
                pageSeen.add(seen);
            }

            // Per ballot: how long until the last session of each group showed it.
            List<List<Seen>> demoPages = pageSeen.subList(0, Math.min(7, pageSeen.size()));
            List<List<Seen>> all = new ArrayList<>(pageSeen);
            all.addAll(clientSeen.subList(0, Math.min(clientSeen.size(), Math.max(0, SESSIONS - pages.size()))));
            List<List<Seen>> everySession = new ArrayList<>(pageSeen);
            everySession.addAll(clientSeen);
            double[] demo = new double[BALLOTS];
            double[] meeting = new double[BALLOTS];
            double[] everyone80 = new double[BALLOTS];
            int missing = 0;
            for (int i = 0; i < BALLOTS; i++) {
                demo[i] = lastToShow(demoPages, expected[i], committed[i]);
                meeting[i] = lastToShow(all, expected[i], committed[i]);
                everyone80[i] = lastToShow(everySession, expected[i], committed[i]);
                if (Double.isInfinite(everyone80[i])) {
                    missing++;
                }
            }
            List<Double> ownFirst = new ArrayList<>();
            List<Double> othersLast = new ArrayList<>();
            for (Map.Entry<Integer, Integer> e : ownBallots.entrySet()) {
                int i = e.getKey();
                ownFirst.add(lastToShow(List.of(pageSeen.get(e.getValue())), expected[i], committed[i]));
                List<List<Seen>> others = new ArrayList<>(pageSeen);
                others.remove((int) e.getValue());
                othersLast.add(lastToShow(others, expected[i], committed[i]));
            }
            long cpuNanos = 0;
            for (Map.Entry<Long, Long> e : cpuAfter.entrySet()) {
                cpuNanos += e.getValue() - cpuBefore.getOrDefault(e.getKey(), 0L);
            }
            double bytesPerSessionPerBallot = clients.isEmpty() ? 0
                    : (double) (bytesAfter - bytesBefore) / clients.size() / BALLOTS;
            double heapPerSession = (double) (heapOpen - heapBefore) / sessions;
            String report = String.format(Locale.ROOT, """
                    == Meeting (%s): %s, %d cores, load average %.1f ==
                    %d members in two sides of %d, %d sessions on the Rounds tab (%d Chromium pages, %d protocol \
                    sessions), %d ballots in %d s; sessions opened in %.1f s
                    every demo page (%d) shows the new count: p50 %.0f ms, p95 %.0f ms, max %.0f ms
                    every meeting session (%d) shows it:      p50 %.0f ms, p95 %.0f ms, max %.0f ms
                    every open session (%d) shows it:         p50 %.0f ms, p95 %.0f ms, max %.0f ms; ballots never shown \
                    by all: %d
                    ballots cast in the voter's own page (%d): own page shows it after %s ms, the last other page after \
                    %s ms
                    server CPU per ballot: %.1f ms; pushed per protocol session per ballot: %.0f bytes
                    heap per open session (after GC, sessions' server and client side together): %.0f KB \
                    (%d MB with %d sessions open, %d MB before)
                    """, LABEL, Instant.now(), Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    2 * PER_SIDE, PER_SIDE, all.size(), pages.size(), all.size() - pages.size(), BALLOTS, SECONDS,
                    openSeconds, demoPages.size(), pct(demo, 50), pct(demo, 95), pct(demo, 100), all.size(),
                    pct(meeting, 50), pct(meeting, 95), pct(meeting, 100), everySession.size(), pct(everyone80, 50),
                    pct(everyone80, 95), pct(everyone80, 100), missing, ownFirst.size(), millis(ownFirst), millis(othersLast),
                    cpuNanos / 1e6 / BALLOTS,
                    bytesPerSessionPerBallot, heapPerSession / 1024, heapOpen >> 20, sessions, heapBefore >> 20);
            System.out.println(report);
            try {
                Files.createDirectories(Path.of("target/benchmark"));
                Files.writeString(Path.of("target/benchmark/meeting.txt"), report + "\n", StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                System.err.println("could not write the report: " + e.getMessage());
            }
        } finally {
            clients.forEach(VaadinPushClient::close);
            browsers.close();
        }
    }

    /**
     * Follows one protocol session's two turnout counts through the pushed messages. The first
     * message that draws the chips names their text nodes, in the round's order of sides; after
     * that a ballot changes one node's text only, and the other count is the last one seen.
     */
    static final class Counts {

        private static final Pattern CHANGE = Pattern.compile("\\{[^{}]*\\}");
        private static final Pattern NODE = Pattern.compile("\"node\":(\\d+)");
        private static final Pattern TEXT = Pattern.compile("\"key\":\"text\"");

        private final List<Seen> seen;
        private final boolean swapped;
        private final Map<Integer, Integer> slotOfNode = new HashMap<>();
        private final int[] last = {-1, -1};

        Counts(List<Seen> seen, boolean swapped) {
            this.seen = seen;
            this.swapped = swapped;
        }

        synchronized void note(String message) {
            List<int[]> found = new ArrayList<>();
            Matcher change = CHANGE.matcher(message);
            while (change.find()) {
                String c = change.group();
                Matcher count = CHIP.matcher(c);
                Matcher node = NODE.matcher(c);
                if (TEXT.matcher(c).find() && count.find() && node.find()) {
                    found.add(new int[] {Integer.parseInt(node.group(1)), Integer.parseInt(count.group(1))});
                }
            }
            if (found.size() >= 2 && found.stream().noneMatch(f -> slotOfNode.containsKey(f[0]))) {
                // Chips drawn anew, two per round card in side order. The page shows other rounds
                // too (the demo's closed one); the round measured is the one whose counts are where
                // this session last saw them: none yet (0 and 0) when the page is first drawn.
                for (int i = 0; i + 1 < found.size(); i += 2) {
                    int x = found.get(i)[1];
                    int y = found.get(i + 1)[1];
                    boolean fresh = last[0] < 0 ? x == 0 && y == 0 : x >= last[0] && y >= last[1];
                    if (fresh) {
                        slotOfNode.clear();
                        slotOfNode.put(found.get(i)[0], 0);
                        slotOfNode.put(found.get(i + 1)[0], 1);
                        break;
                    }
                }
            }
            boolean changed = false;
            for (int[] f : found) {
                Integer slot = slotOfNode.get(f[0]);
                if (slot != null && last[slot] != f[1]) {
                    last[slot] = f[1];
                    changed = true;
                }
            }
            if (changed && last[0] >= 0 && last[1] >= 0) {
                seen.add(new Seen(System.currentTimeMillis(), last[swapped ? 1 : 0], last[swapped ? 0 : 1]));
            }
        }
    }

    /** How long after the commit the last of these sessions showed counts at least as high. */
    static double lastToShow(List<List<Seen>> sessions, int[] expected, long committed) {
        double last = 0;
        for (List<Seen> seen : sessions) {
            double at = Double.POSITIVE_INFINITY;
            for (Seen s : seen) {
                if (s.a() >= expected[0] && s.b() >= expected[1]) {
                    at = Math.max(0, s.at() - committed);
                    break;
                }
            }
            last = Math.max(last, at);
        }
        return last;
    }

    static String millis(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, "%.0f", v))
                .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }

    static double pct(double[] values, int percent) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = Math.max(0, (int) Math.ceil(sorted.length * percent / 100.0) - 1);
        return sorted[Math.min(index, sorted.length - 1)];
    }

    /** CPU time of every thread but the clients' and the browsers' drivers (the server's share). */
    static Map<Long, Long> serverCpu(ThreadMXBean threads) {
        Map<Long, Long> cpu = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            String name = info.getThreadName();
            if (name.startsWith(VaadinPushClient.THREAD_PREFIX) || name.startsWith("HttpClient-")
                    || name.equals("main") || name.toLowerCase(Locale.ROOT).contains("playwright")) {
                continue;
            }
            long t = threads.getThreadCpuTime(info.getThreadId());
            if (t > 0) {
                cpu.put(info.getThreadId(), t);
            }
        }
        return cpu;
    }

    static long heapAfterGc(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(300);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private List<UserSummary> demo(String... usernames) {
        return Arrays.stream(usernames).map(u -> accounts.findByUsername(u).orElseThrow()).toList();
    }

    /** Participants of a side, made straight in the database, who log in with the password "demo". */
    private List<UserSummary> members(long workspaceId, long side, String tag, int count) {
        if (count <= 0) {
            return List.of();
        }
        String prefix = "meet" + tag + System.nanoTime() % 1_000_000 + "-";
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
