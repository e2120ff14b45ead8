package dk.ligevaerd.round.ui;

import dk.ligevaerd.Application;
import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.account.UserSummary;
import dk.ligevaerd.priority.PriorityService;
import dk.ligevaerd.priority.PriorityView;
import dk.ligevaerd.round.RoundDraft;
import dk.ligevaerd.round.RoundService;
import dk.ligevaerd.support.Acting;
import dk.ligevaerd.testing.VaadinPushClient;
import dk.ligevaerd.workspace.WorkspaceDetails;
import dk.ligevaerd.workspace.WorkspaceService;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Timestamp;
import java.time.Duration;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Figures, not a test: how many open sessions one node holds with 1 GB of heap while a ballot still
 * reaches every one of them within a second (docs/performance.md, "Sessions per node (1 GB)"). Run
 * it with {@code src/test/scripts/benchmark-capacity.sh}.
 *
 * <p>The server is the production jar in a process of its own ({@code -Xmx1g}, production mode, H2
 * file in a scratch folder). Its database is prepared first by the application itself, started in
 * this JVM on the same file (with a web server on a free port that nobody uses): the demo workspace, two sides of
 * {@code --per-side} members (made in the database as the other benchmarks make them, with
 * production-cost password hashes) and one open dot-voting round with live tallies, made through
 * {@link RoundService}; then that context is closed and the jar starts on the file.
 *
 * <p>This JVM then opens {@link VaadinPushClient} sessions in steps of {@code --step}: each logs in
 * through the login form (its own HTTP session), holds a UI on the Rounds tab and its push
 * WebSocket, and sends heartbeats. The sessions share the members' accounts (nothing caps sessions
 * per account). After each step: the server's heap after a full collection (over JMX), then
 * {@code --ballots} ballots, each cast by a member's own protocol session clicking a + (a click on
 * the form, whose event data names the button) and the submit button in the page, as a browser
 * would; for each, the time from the submit click until each open session shows the new count. It stops after the first step in which the last session
 * took longer than {@code --limit-ms} (unless {@code --go-on=true}, which goes on to find where memory
 * runs out), a session could not connect, or the server ran out of
 * memory or died; and fails (exit status 1) if a session never shows a ballot.
 */
public final class CapacityBenchmark {

    private static final Pattern CHANGE = Pattern.compile("\\{[^{}]*\\}");
    private static final Pattern NODE = Pattern.compile("\"node\":(\\d+)");
    private static final Pattern ADD_NODES = Pattern.compile("\"addNodes\":\\[([\\d,]*)\\]");
    /** A constant of a message's constant pool: its key and its (flat) object. */
    private static final Pattern CONSTANT = Pattern.compile("\"([^\"]+)\":\\{([^{}]*)\\}");
    private static final Pattern JSON_KEY = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\":");
    /** The dots form's event data expression that names the pressed − or + (as {@code DotsForm} asks for it). */
    private static final String DOTS_PRESSED =
            "event.target.closest('vaadin-button.dots-minus, vaadin-button.dots-plus')";
    private static final Pattern POINTS_LEFT = Pattern.compile("\"(\\d+) of \\d+ points left");
    private static final Pattern TEXT_COUNT = Pattern.compile(
            "\"key\":\"text\".*\"value\":\"\\s*(\\d+) (?:ballots?|stemmer?) ");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final int step;
    private final int max;
    private final int ballotsPerStep;
    private final int perSide;
    private final int openThreads;
    private final long limitMillis;
    private final String heap;
    /** Whether to go on past the time limit, to find where memory runs out. */
    private final boolean goOn;
    private final boolean histograms;

    private CapacityBenchmark(Map<String, String> options) {
        step = Integer.parseInt(options.getOrDefault("step", "250"));
        max = Integer.parseInt(options.getOrDefault("max", "5000"));
        ballotsPerStep = Integer.parseInt(options.getOrDefault("ballots", "2"));
        perSide = Integer.parseInt(options.getOrDefault("per-side", "40"));
        openThreads = Integer.parseInt(options.getOrDefault("open-threads", "8"));
        limitMillis = Long.parseLong(options.getOrDefault("limit-ms", "1000"));
        heap = options.getOrDefault("heap", "1g");
        goOn = Boolean.parseBoolean(options.getOrDefault("go-on", "false"));
        histograms = Boolean.parseBoolean(options.getOrDefault("histograms", "false"));
    }

    /** What the prepared database holds. */
    private record Prepared(long workspaceId, long roundId, long sideA, long sideB, List<String> membersA,
            List<String> membersB) {
    }

    /** One measured step: a row of the table. */
    private record Row(int sessions, double openSeconds, long heapBytes, double kbPerSession, double kbThisStep,
            double p50, double p95, double max, List<Long> lastPerBallot, double serverCpuPerBallot,
            double clientCpuPerBallot, String loadAverage) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("options are --name=value: " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        System.exit(new CapacityBenchmark(options).run());
    }

    private int run() throws Exception {
        Path folder = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "benchmark-capacity-");
        String url = "jdbc:h2:file:" + folder.resolve("data/ligevaerd") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
        Prepared prepared = prepare(url);
        System.out.printf(Locale.ROOT, "prepared %s: workspace %d, round %d, %d + %d members%n", folder,
                prepared.workspaceId, prepared.roundId, prepared.membersA.size(), prepared.membersB.size());
        int port = freePort();
        int jmxPort = freePort();
        AtomicBoolean outOfMemory = new AtomicBoolean();
        Process server = start(folder, port, jmxPort, outOfMemory);
        URI base = URI.create("http://localhost:" + port);
        List<VaadinPushClient> clients = new CopyOnWriteArrayList<>();
        List<VaadinPushClient> voterPages = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        String stopped = "reached --max=" + max;
        int status = 0;
        try (JMXConnector jmx = JMXConnectorFactory.connect(
                new JMXServiceURL("service:jmx:rmi:///jndi/rmi://localhost:" + jmxPort + "/jmxrmi"))) {
            MBeanServerConnection mbeans = jmx.getMBeanServerConnection();
            MemoryMXBean memory = ManagementFactory.newPlatformMXBeanProxy(mbeans, ManagementFactory.MEMORY_MXBEAN_NAME,
                    MemoryMXBean.class);
            com.sun.management.OperatingSystemMXBean serverOs = ManagementFactory.newPlatformMXBeanProxy(mbeans,
                    ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME, com.sun.management.OperatingSystemMXBean.class);
            com.sun.management.OperatingSystemMXBean ownOs = (com.sun.management.OperatingSystemMXBean)
                    ManagementFactory.getOperatingSystemMXBean();
            String location = "workspace/" + prepared.workspaceId + "/rounds";
            List<String> accounts = new ArrayList<>(prepared.membersA);
            accounts.addAll(prepared.membersB);
            List<Chips> chips = new CopyOnWriteArrayList<>();
            int[] counts = {0, 0};
            int voters = 0;
            // The first session of a server makes what every later one shares; it is not counted.
            VaadinPushClient.open(base, VaadinPushClient.login(base, accounts.getFirst(), "demo"), location,
                    message -> { }).close();
            long heapBefore = heapAfterGc(memory);
            long heapPrevious = heapBefore;
            Map<String, long[]> histogramBefore = histograms ? histogram(mbeans, 0) : null;
            System.out.printf(Locale.ROOT, "server heap after GC before any session: %d MB%n", heapBefore >> 20);
            while (clients.size() < max) {
                int target = Math.min(max, clients.size() + step);
                long openStart = System.nanoTime();
                String failure = open(base, location, accounts, prepared, counts, target - clients.size(), clients,
                        chips, server, outOfMemory);
                double openSeconds = (System.nanoTime() - openStart) / 1e9;
                if (failure != null) {
                    stopped = "a session could not connect with " + clients.size() + " sessions open: " + failure;
                    break;
                }
                if (!server.isAlive() || outOfMemory.get()) {
                    stopped = "the server " + (outOfMemory.get() ? "ran out of memory" : "died") + " while opening";
                    break;
                }
                long heapNow = heapAfterGc(memory);
                List<Long> perSession = new ArrayList<>();
                List<Long> lastPerBallot = new ArrayList<>();
                long serverCpu = 0;
                long clientCpu = 0;
                String load = loadAverage();
                String never = null;
                for (int b = 0; b < ballotsPerStep && never == null; b++) {
                    boolean sideA = voters % 2 == 0;
                    List<String> side = sideA ? prepared.membersA : prepared.membersB;
                    if (voters / 2 >= side.size()) {
                        throw new IllegalStateException("every member has voted: raise --per-side");
                    }
                    Voter voter = Voter.ready(base, location, prepared.roundId, side.get(voters / 2));
                    voterPages.add(voter.page());
                    voters++;
                    counts[sideA ? 0 : 1]++;
                    // CPU from the submit click until every session shows the ballot (heartbeats included).
                    long serverBefore = serverOs.getProcessCpuTime();
                    long clientBefore = ownOs.getProcessCpuTime();
                    long cast = voter.submit();
                    never = awaitShown(chips, counts, cast, perSession, lastPerBallot, server, outOfMemory);
                    serverCpu += serverOs.getProcessCpuTime() - serverBefore;
                    clientCpu += ownOs.getProcessCpuTime() - clientBefore;
                }
                double cpuServer = serverCpu / 1e6 / ballotsPerStep;
                double cpuClient = clientCpu / 1e6 / ballotsPerStep;
                if (never != null) {
                    if (!server.isAlive() || outOfMemory.get()) {
                        stopped = "the server " + (outOfMemory.get() ? "ran out of memory" : "died") + " at "
                                + clients.size() + " sessions";
                    } else {
                        stopped = "FAILED: " + never;
                        status = 1;
                    }
                    System.err.println(stopped);
                    break;
                }
                double[] sorted = perSession.stream().mapToDouble(Long::doubleValue).sorted().toArray();
                Row row = new Row(clients.size(), openSeconds, heapNow,
                        (heapNow - heapBefore) / 1024.0 / clients.size(),
                        (heapNow - heapPrevious) / 1024.0 / (target - (rows.isEmpty() ? 0 : rows.getLast().sessions)),
                        percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 100), lastPerBallot,
                        cpuServer, cpuClient, load);
                heapPrevious = heapNow;
                rows.add(row);
                System.out.println(format(row));
                if (histogramBefore != null) {
                    System.out.println(growth(histogramBefore, histogram(mbeans, clients.size()), clients.size()));
                }
                if (!goOn && lastPerBallot.stream().anyMatch(last -> last > limitMillis)) {
                    stopped = "the last session took more than " + limitMillis + " ms at " + clients.size()
                            + " sessions";
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            if (!server.isAlive() || outOfMemory.get()) {
                stopped = "the server " + (outOfMemory.get() ? "ran out of memory" : "died") + " with " + clients.size()
                        + " sessions open: " + e;
            } else {
                throw e;
            }
        } finally {
            clients.forEach(VaadinPushClient::close);
            voterPages.forEach(VaadinPushClient::close);
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                // Out of memory, it may no longer manage to stop by itself.
                server.destroyForcibly();
            }
        }
        String report = report(rows, stopped);
        System.out.println(report);
        Files.createDirectories(Path.of("target", "benchmark"));
        Files.writeString(Path.of("target", "benchmark", "capacity.md"), report + "\n", StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        return status;
    }

    /** Opens {@code count} sessions, several at once; the first failure's message, or null. */
    private String open(URI base, String location, List<String> accounts, Prepared prepared, int[] counts, int count,
            List<VaadinPushClient> clients, List<Chips> chips, Process server, AtomicBoolean outOfMemory)
            throws InterruptedException {
        ExecutorService opening = Executors.newFixedThreadPool(openThreads);
        List<Future<?>> opened = new ArrayList<>();
        int first = clients.size();
        for (int i = 0; i < count; i++) {
            String who = accounts.get((first + i) % accounts.size());
            opened.add(opening.submit(() -> {
                Chips seen = new Chips(prepared.roundId, prepared.sideA, prepared.sideB);
                VaadinPushClient client = VaadinPushClient.open(base, VaadinPushClient.login(base, who, "demo"),
                        location, seen);
                clients.add(client);
                if (seen.a != counts[0] || seen.b != counts[1]) {
                    throw new IllegalStateException("a new session of " + who + " shows " + seen.a + " and "
                            + seen.b + " ballots, not " + counts[0] + " and " + counts[1]);
                }
                chips.add(seen);
                return null;
            }));
        }
        String failure = null;
        for (Future<?> f : opened) {
            while (failure == null) {
                try {
                    f.get(1, TimeUnit.SECONDS);
                    break;
                } catch (java.util.concurrent.ExecutionException e) {
                    failure = String.valueOf(e.getCause());
                } catch (java.util.concurrent.TimeoutException stillOpening) {
                    if (outOfMemory.get() || !server.isAlive()) {
                        // A server out of memory may leave requests unanswered for ever: end it, so they fail.
                        failure = "the server " + (outOfMemory.get() ? "ran out of memory" : "died") + " with "
                                + clients.size() + " sessions open";
                        server.destroyForcibly();
                    }
                }
            }
        }
        opening.shutdownNow();
        return failure;
    }

    /**
     * A member about to vote in a page of their own: the page is open and one point given with a +.
     * The page stays open after the ballot, as a voter's would, but is not one of the sessions measured.
     */
    private record Voter(VaadinPushClient page, int submitNode) {

        static Voter ready(URI base, String location, long roundId, String voter) throws Exception {
            Buttons buttons = new Buttons(roundId);
            VaadinPushClient page = VaadinPushClient.open(base, VaadinPushClient.login(base, voter, "demo"), location,
                    buttons);
            if (buttons.plus < 0 || buttons.submit < 0 || buttons.form < 0) {
                throw new IllegalStateException("no ballot form for " + voter + " in round " + roundId);
            }
            int before = buttons.left;
            page.event(buttons.form, "click", buttons.plusClicked());
            if (buttons.left != before - 1) {
                throw new IllegalStateException("the click on + gave no point: " + before + " points left, then "
                        + buttons.left);
            }
            return new Voter(page, buttons.submit);
        }

        /** Clicks the submit button; returns when the click was sent, on this machine's clock. */
        long submit() throws Exception {
            long cast = System.currentTimeMillis();
            page.click(submitNode);
            return cast;
        }
    }

    /** Waits until every session shows both counts; the per-session times go to the lists. */
    private static String awaitShown(List<Chips> chips, int[] counts, long cast, List<Long> perSession,
            List<Long> lastPerBallot, Process server, AtomicBoolean outOfMemory) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        int a = counts[0];
        int b = counts[1];
        while (true) {
            long missing = chips.stream().filter(c -> c.shownAt(a, b) < 0).count();
            if (missing == 0) {
                break;
            }
            if (System.currentTimeMillis() > deadline || !server.isAlive() || outOfMemory.get()) {
                return missing + " of " + chips.size() + " sessions never showed " + a + " and " + b + " ballots";
            }
            Thread.sleep(10);
        }
        long last = 0;
        for (Chips c : chips) {
            long took = Math.max(0, c.shownAt(a, b) - cast);
            perSession.add(took);
            last = Math.max(last, took);
        }
        lastPerBallot.add(last);
        return null;
    }

    /**
     * Follows one session's two turnout counts of the measured round: the count elements are found
     * by their ids ({@code turnout-<round>-<side>}), their text nodes by the splices that add them,
     * and the counts by those text nodes' texts. Times are this machine's clock at arrival.
     */
    static final class Chips implements Consumer<String> {

        private final String idPrefix;
        private final long sideA;
        private final long sideB;
        private final Map<Integer, Integer> slotOfCount = new HashMap<>();
        private final Map<Integer, Integer> slotOfText = new HashMap<>();
        volatile int a = -1;
        volatile int b = -1;
        /** Times at which the counts changed, with the counts after the change. */
        private final List<long[]> changes = new ArrayList<>();

        Chips(long roundId, long sideA, long sideB) {
            this.idPrefix = "\"value\":\"turnout-" + roundId + "-";
            this.sideA = sideA;
            this.sideB = sideB;
        }

        @Override
        public synchronized void accept(String message) {
            long at = System.currentTimeMillis();
            if (!message.contains("\"text\"") && !message.contains("turnout-")) {
                return;
            }
            List<String> found = new ArrayList<>();
            Matcher change = CHANGE.matcher(message);
            while (change.find()) {
                found.add(change.group());
            }
            for (String c : found) {
                int id = c.indexOf(idPrefix);
                if (id >= 0 && c.contains("\"key\":\"id\"")) {
                    long side = Long.parseLong(c.substring(id + idPrefix.length(), c.indexOf('"', id + idPrefix.length())));
                    slotOfCount.put(node(c), side == sideA ? 0 : side == sideB ? 1 : -1);
                }
            }
            for (String c : found) {
                Matcher added = ADD_NODES.matcher(c);
                Integer slot = slotOfCount.get(node(c));
                if (slot != null && added.find() && !added.group(1).isEmpty()) {
                    Arrays.stream(added.group(1).split(",")).forEach(n -> slotOfText.put(Integer.parseInt(n), slot));
                }
            }
            int x = a;
            int y = b;
            for (String c : found) {
                Integer slot = slotOfText.get(node(c));
                Matcher count = TEXT_COUNT.matcher(c);
                if (slot != null && count.find()) {
                    if (slot == 0) {
                        x = Integer.parseInt(count.group(1));
                    } else if (slot == 1) {
                        y = Integer.parseInt(count.group(1));
                    }
                }
            }
            if (x != a || y != b) {
                a = x;
                b = y;
                changes.add(new long[] {at, x, y});
            }
        }

        private static int node(String change) {
            Matcher m = NODE.matcher(change);
            return m.find() ? Integer.parseInt(m.group(1)) : -1;
        }

        /** When this session first showed at least these counts, or -1. */
        synchronized long shownAt(int x, int y) {
            for (long[] c : changes) {
                if (c[1] >= x && c[2] >= y) {
                    return c[0];
                }
            }
            return -1;
        }
    }

    /**
     * Finds in a page's first drawing a + of the round's dot-voting form, the form's click listener
     * (its node and the expressions it asks the browser for) and the submit button.
     */
    static final class Buttons implements Consumer<String> {

        private final String submitId;
        volatile int plus = -1;
        volatile int submit = -1;
        volatile int form = -1;
        /** The points left, as the form last said (the pages are in English). */
        volatile int left = -1;
        /** The expressions of the form's click listener, as the drawing's constant pool holds them. */
        private volatile List<String> expressions = List.of();

        Buttons(long roundId) {
            submitId = "\"value\":\"ballot-submit-" + roundId + "\"";
        }

        @Override
        public synchronized void accept(String message) {
            // A listener's expressions are a constant ("constants":{"<key>":{"<expression>":<settings>,…}}),
            // named by the key in the listener map of the element that listens.
            String listener = null;
            Matcher constant = CONSTANT.matcher(message);
            while (constant.find()) {
                if (constant.group(2).contains("]" + DOTS_PRESSED)) {
                    listener = "\"value\":\"" + constant.group(1) + "\"";
                    List<String> keys = new ArrayList<>();
                    Matcher key = JSON_KEY.matcher(constant.group(2));
                    while (key.find()) {
                        keys.add(key.group(1));
                    }
                    expressions = keys;
                }
            }
            Matcher points = POINTS_LEFT.matcher(message);
            while (points.find()) {
                left = Integer.parseInt(points.group(1));
            }
            Matcher change = CHANGE.matcher(message);
            while (change.find()) {
                String c = change.group();
                if (plus < 0 && c.contains("\"add\":[") && c.contains("\"dots-plus\"")) {
                    plus = Chips.node(c);
                }
                if (submit < 0 && c.contains(submitId) && c.contains("\"key\":\"id\"")) {
                    submit = Chips.node(c);
                }
                if (form < 0 && listener != null && c.contains(listener) && c.contains("\"key\":\"click\"")) {
                    form = Chips.node(c);
                }
            }
        }

        /**
         * What a browser's page sends for a click on the + to the form's listener: for each of the
         * listener's expressions its value, the + as its state node id under "]" and the expression
         * (Flow's encoding of an element in event data), and the filter that it names a button.
         */
        String plusClicked() {
            StringBuilder data = new StringBuilder("{");
            for (String expression : expressions) {
                String value = switch (expression) {
                    case "]" + DOTS_PRESSED -> String.valueOf(plus);
                    case DOTS_PRESSED + " != null" -> "true";
                    case "event.detail" -> "1";
                    default -> throw new IllegalStateException("the dots form's click asks for an expression "
                            + "this benchmark does not know: " + expression);
                };
                data.append(data.length() > 1 ? "," : "").append('"').append(expression).append("\":").append(value);
            }
            if (!expressions.contains(DOTS_PRESSED + " != null")) {
                throw new IllegalStateException("the dots form's click has no filter on the pressed button: " + expressions);
            }
            return data.append('}').toString();
        }
    }

    /**
     * The application itself, in this JVM, makes the demo workspace, the members
     * and the open round in the database file the server will use, and closes it again.
     */
    private Prepared prepare(String url) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
                // Vaadin's configuration needs a web server: one on a free port, used by nobody.
                .web(WebApplicationType.SERVLET)
                // As arguments: they win over the test classpath's config/application.properties.
                .run("--spring.datasource.url=" + url, "--ligevaerd.demo.enabled=true", "--server.port=0",
                        "--management.server.port=0", "--ligevaerd.rounds.auto-close.enabled=false",
                        "--ligevaerd.security.bcrypt-strength=10", "--logging.level.root=warn",
                        "--spring.main.banner-mode=off")) {
            AccountService accounts = context.getBean(AccountService.class);
            WorkspaceService workspaces = context.getBean(WorkspaceService.class);
            PriorityService priorities = context.getBean(PriorityService.class);
            RoundService rounds = context.getBean(RoundService.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            UserSummary kommune1 = accounts.findByUsername("kommune1").orElseThrow();
            long workspaceId = Acting.as(kommune1, () -> workspaces.mine().getFirst().id());
            WorkspaceDetails details = Acting.as(kommune1, () -> workspaces.details(workspaceId));
            long sideA = details.sides().get(0).id();
            long sideB = details.sides().get(1).id();
            List<String> membersA = members(jdbc, workspaceId, sideA, "a");
            List<String> membersB = members(jdbc, workspaceId, sideB, "b");
            List<Long> options = Acting.as(kommune1, () -> priorities.list(workspaceId)).stream()
                    .map(PriorityView::id).limit(3).toList();
            long roundId = Acting.as(kommune1, () -> rounds.create(workspaceId,
                    RoundDraft.dots("Capacity", options, 5, 5, 1)));
            Acting.run(kommune1, () -> rounds.open(workspaceId, roundId));
            return new Prepared(workspaceId, roundId, sideA, sideB, membersA, membersB);
        }
    }

    /** Participants of a side, made straight in the database as the other benchmarks make them. */
    private List<String> members(JdbcTemplate jdbc, long workspaceId, long side, String tag) {
        // The production cost, so that each login costs the server what a real one does.
        String hash = new BCryptPasswordEncoder(10).encode("demo");
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> users = new ArrayList<>();
        for (int i = 0; i < perSide; i++) {
            users.add(new Object[] {"cap" + tag + "-" + i, "Member " + tag + i, hash, now});
        }
        jdbc.batchUpdate("insert into app_user (username, display_name, password_hash, created_at) values (?, ?, ?, ?)",
                users);
        List<Long> ids = jdbc.queryForList("select id from app_user where username like ? order by id", Long.class,
                "cap" + tag + "-%");
        List<Object[]> memberships = new ArrayList<>();
        for (long id : ids) {
            memberships.add(new Object[] {workspaceId, id, side, "PARTICIPANT", false, now, 0L});
        }
        jdbc.batchUpdate("insert into membership (workspace_id, user_id, side_id, role, owner, joined_at, version) "
                + "values (?, ?, ?, ?, ?, ?, ?)", memberships);
        return users.stream().map(u -> (String) u[0]).toList();
    }

    private Process start(Path folder, int port, int jmxPort, AtomicBoolean outOfMemory) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap, "-Xlog:gc:file=gc.log"));
        // Extra options for the server's JVM, e.g. a flight recording: CAPACITY_SERVER_JAVA_OPTS.
        String extra = System.getenv().getOrDefault("CAPACITY_SERVER_JAVA_OPTS", "").strip();
        if (!extra.isEmpty()) {
            command.addAll(Arrays.asList(extra.split("\\s+")));
        }
        command.addAll(List.of(
                "-Dcom.sun.management.jmxremote.port=" + jmxPort, "-Dcom.sun.management.jmxremote.rmi.port=" + jmxPort,
                "-Dcom.sun.management.jmxremote.authenticate=false", "-Dcom.sun.management.jmxremote.ssl=false",
                "-Dcom.sun.management.jmxremote.local.only=true", "-Djava.rmi.server.hostname=localhost",
                "-jar", currentJar().toAbsolutePath().toString(), "--server.port=" + port,
                "--management.server.port=0", "--logging.level.root=warn",
                "--ligevaerd.rounds.auto-close.enabled=false"));
        System.out.println("server: " + String.join(" ", command));
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
        // A benchmark stopped from outside (Ctrl+C, kill) takes its server with it, or the server
        // would go on using the cores the next run measures on.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Thread.ofPlatform().daemon().start(() -> {
            try {
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.contains("OutOfMemoryError")) {
                        outOfMemory.set(true);
                    }
                    System.err.println("[server] " + line);
                }
            } catch (IOException ended) {
                // stopped
            }
        });
        URI login = URI.create("http://localhost:" + port + "/login");
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline && process.isAlive()) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(login).GET().build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return process;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the server did not start");
    }

    /**
     * The server's live heap by class ({@code GC.class_histogram}, which collects garbage first):
     * class name to instances and bytes. Also written whole to
     * {@code target/benchmark/capacity-histogram-<sessions>.txt}.
     */
    private static Map<String, long[]> histogram(MBeanServerConnection mbeans, int sessions) throws Exception {
        String text = (String) mbeans.invoke(new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"),
                "gcClassHistogram", new Object[] {new String[0]}, new String[] {String[].class.getName()});
        Files.createDirectories(Path.of("target", "benchmark"));
        Files.writeString(Path.of("target", "benchmark", "capacity-histogram-" + sessions + ".txt"), text);
        Map<String, long[]> byClass = new HashMap<>();
        for (String line : text.split("\n")) {
            String[] columns = line.strip().split("\\s+");
            if (columns.length >= 4 && columns[0].endsWith(":") && columns[1].chars().allMatch(Character::isDigit)) {
                byClass.merge(columns[3], new long[] {Long.parseLong(columns[1]), Long.parseLong(columns[2])},
                        (x, y) -> new long[] {x[0] + y[0], x[1] + y[1]});
            }
        }
        return byClass;
    }

    /** The classes that grew most from {@code before} to {@code now}, per open session. */
    private static String growth(Map<String, long[]> before, Map<String, long[]> now, int sessions) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "  live heap growth per session by class, %d sessions (bytes, instances):%n", sessions));
        long total = 0;
        List<Map.Entry<String, long[]>> grown = new ArrayList<>();
        for (Map.Entry<String, long[]> e : now.entrySet()) {
            long[] b = before.getOrDefault(e.getKey(), new long[2]);
            long[] d = {e.getValue()[0] - b[0], e.getValue()[1] - b[1]};
            total += d[1];
            grown.add(Map.entry(e.getKey(), d));
        }
        grown.sort((x, y) -> Long.compare(y.getValue()[1], x.getValue()[1]));
        for (Map.Entry<String, long[]> e : grown.subList(0, Math.min(40, grown.size()))) {
            out.append(String.format(Locale.ROOT, "  %8.0f %7.1f  %s%n", (double) e.getValue()[1] / sessions,
                    (double) e.getValue()[0] / sessions, e.getKey()));
        }
        return out.append(String.format(Locale.ROOT, "  %8.0f          in all%n", (double) total / sessions)).toString();
    }

    private static long heapAfterGc(MemoryMXBean memory) {
        memory.gc();
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static double percentile(double[] sorted, int percent) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = Math.max(0, (int) Math.ceil(sorted.length * percent / 100.0) - 1);
        return sorted[Math.min(index, sorted.length - 1)];
    }

    private static String format(Row r) {
        return String.format(Locale.ROOT,
                "| %,d | %.1f | %d | %.0f | %.0f | %.0f / %.0f / %.0f | %s | %.0f | %.0f | %s |", r.sessions,
                r.openSeconds, r.heapBytes >> 20, r.kbPerSession, r.kbThisStep, r.p50, r.p95, r.max,
                r.lastPerBallot.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")),
                r.serverCpuPerBallot, r.clientCpuPerBallot, r.loadAverage);
    }

    private String report(List<Row> rows, String stopped) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "== Sessions per node: %s, %d cores; server -Xmx%s, steps of %d, "
                + "%d ballots per step, limit %d ms ==%n", Instant.now(), Runtime.getRuntime().availableProcessors(),
                heap, step, ballotsPerStep, limitMillis));
        out.append("| sessions | opening the step (s) | server heap after GC (MB) | KB per session (all) |"
                + " KB per session (this step) | every session shows a ballot: p50 / p95 / max ms |"
                + " last session, per ballot (ms) | server CPU per ballot (ms) | client CPU per ballot (ms) |"
                + " load average |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|\n");
        rows.forEach(r -> out.append(format(r)).append('\n'));
        int passed = 0;
        for (Row r : rows) {
            if (r.lastPerBallot.stream().anyMatch(last -> last > limitMillis)) {
                break;
            }
            passed = r.sessions;
        }
        out.append("stopped: ").append(stopped).append('\n');
        out.append("largest step in which every ballot reached every session within ").append(limitMillis)
                .append(" ms: ").append(passed).append(" sessions\n");
        return out.toString();
    }

    private static String loadAverage() {
        try {
            return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
        } catch (IOException | RuntimeException unknown) {
            return "?";
        }
    }

    private static Path currentJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("ligevaerd-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("build the jar first: ./mvnw package -DskipTests"));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
