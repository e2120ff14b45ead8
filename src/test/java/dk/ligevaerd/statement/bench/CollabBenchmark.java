package dk.ligevaerd.statement.bench;

import dk.ligevaerd.statement.collab.ChangeSet;
import dk.ligevaerd.statement.live.LiveTestClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.MemoryMXBean;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import tools.jackson.databind.JsonNode;

/**
 * Load on the live editor: N simulated editors on one statement, over the real WebSocket endpoint of
 * the real application running as a process of its own. Not a test: run it with
 * {@code src/test/scripts/benchmark-collab.sh} (see docs/performance.md, "Co-editing").
 *
 * <p>Each editor behaves like {@code @codemirror/collab} in a browser: it edits its local copy at
 * once, keeps one batch in flight, and rebases its unconfirmed changes over everyone else's. About
 * every two seconds it inserts a unique token somewhere in the text and, in the same change, removes
 * its own token from three changes before, so the text stays the same size. Every other editor
 * times the token's arrival: edit-to-peer latency, from the local edit to a peer's copy, including
 * any wait for an earlier batch and any retries after "behind".
 *
 * <p>Afterwards every editor stops, waits until all its changes are acknowledged, and the final text
 * is checked: a token that was acknowledged and not removed by its own editor, yet is missing, is a
 * lost change; so is an edit that was never acknowledged.
 */
public final class CollabBenchmark {

    private static final Pattern TOKEN = Pattern.compile("#(\\d+)\\.(\\d+);");
    private static final List<String> ACCOUNTS = List.of("kommune1", "kommune2", "kommune3", "civil1", "civil2",
            "civil3");

    private final URI base;
    private final int jmxPort;
    private final Map<String, Long> madeAt = new ConcurrentHashMap<>();
    private final Histogram latency = new Histogram();
    private final AtomicLong acked = new AtomicLong();
    private final AtomicLong behind = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();

    private CollabBenchmark(URI base, int jmxPort) {
        this.base = base;
        this.jmxPort = jmxPort;
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = new ArrayList<>();
        int seconds = 60;
        for (String arg : args) {
            if (arg.startsWith("--seconds=")) {
                seconds = Integer.parseInt(arg.substring("--seconds=".length()));
            } else {
                sizes.add(Integer.parseInt(arg));
            }
        }
        if (sizes.isEmpty()) {
            sizes = List.of(10, 50, 200);
        }
        Path folder = Files.createTempDirectory(Path.of("target"), "benchmark-");
        int port = freePort();
        int jmxPort = freePort();
        Process server = startServer(folder, port, jmxPort);
        List<String> rows = new ArrayList<>();
        try {
            CollabBenchmark benchmark = new CollabBenchmark(URI.create("http://localhost:" + port), jmxPort);
            for (int n : sizes) {
                rows.add(benchmark.run(n, Duration.ofSeconds(seconds)));
            }
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
        String report = report(rows, seconds);
        System.out.println(report);
        Files.createDirectories(Path.of("target", "benchmark"));
        Files.writeString(Path.of("target", "benchmark", "collab.md"), report);
    }

    private String run(int editorCount, Duration measured) throws Exception {
        madeAt.clear();
        latency.reset();
        acked.set(0);
        behind.set(0);
        errors.set(0);
        List<HttpClient> logins = new ArrayList<>();
        for (String account : ACCOUNTS) {
            logins.add(LiveTestClient.login(base, account, "demo"));
        }
        List<Editor> editors = new ArrayList<>();
        for (int i = 0; i < editorCount; i++) {
            LiveTestClient client = LiveTestClient.to(base, 1).as(logins.get(i % logins.size())).connect();
            client.next("welcome");
            Editor editor = new Editor(i, client);
            editor.start();
            editors.add(editor);
        }
        for (Editor editor : editors) {
            if (!editor.ready.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("editor " + editor.id + " got no snapshot");
            }
        }
        ScheduledExecutorService typing = Executors.newScheduledThreadPool(2);
        for (Editor editor : editors) {
            long start = ThreadLocalRandom.current().nextLong(2_000);
            typing.scheduleAtFixedRate(editor::edit, start, 1_800 + ThreadLocalRandom.current().nextLong(400),
                    TimeUnit.MILLISECONDS);
        }
        // Warm up, then measure from a clean slate.
        TimeUnit.SECONDS.sleep(10);
        latency.reset();
        acked.set(0);
        behind.set(0);
        try (JMXConnector jmx = JMXConnectorFactory.connect(
                new JMXServiceURL("service:jmx:rmi:///jndi/rmi://localhost:" + jmxPort + "/jmxrmi"))) {
            MBeanServerConnection mbeans = jmx.getMBeanServerConnection();
            MemoryMXBean memory = ManagementFactory.newPlatformMXBeanProxy(mbeans, ManagementFactory.MEMORY_MXBEAN_NAME,
                    MemoryMXBean.class);
            com.sun.management.OperatingSystemMXBean os = ManagementFactory.newPlatformMXBeanProxy(mbeans,
                    ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME, com.sun.management.OperatingSystemMXBean.class);
            long cpuBefore = os.getProcessCpuTime();
            long wallBefore = System.nanoTime();
            long heapMax = 0;
            long end = wallBefore + measured.toNanos();
            while (System.nanoTime() < end) {
                TimeUnit.SECONDS.sleep(1);
                heapMax = Math.max(heapMax, memory.getHeapMemoryUsage().getUsed());
            }
            long cpu = os.getProcessCpuTime() - cpuBefore;
            long wall = System.nanoTime() - wallBefore;
            long changes = acked.get();
            long behinds = behind.get();
            long[] percentiles = latency.percentiles(0.50, 0.95, 0.99, 1.0);
            long samples = latency.count();
            typing.shutdownNow();
            typing.awaitTermination(10, TimeUnit.SECONDS);

            // Drain: everyone sends what is left and receives everything.
            for (Editor editor : editors) {
                editor.stop();
            }
            long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < drainUntil && !editors.stream().allMatch(Editor::settled)) {
                TimeUnit.MILLISECONDS.sleep(100);
            }
            memory.gc();
            long heapAfterGc = memory.getHeapMemoryUsage().getUsed();
            int lost = lost(editors);
            for (Editor editor : editors) {
                editor.client.close();
            }
            return String.format(Locale.ROOT,
                    "| %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %d | %d | %.0f %% | %d / %d MB |",
                    editorCount, ms(percentiles[0]), ms(percentiles[1]), ms(percentiles[2]), ms(percentiles[3]),
                    changes / (wall / 1e9), behinds / (wall / 1e9), samples, lost, 100.0 * cpu / wall,
                    heapMax / (1024 * 1024), heapAfterGc / (1024 * 1024));
        }
    }

    /** Changes that were made but are not in the final text, though their editor did not remove them. */
    private int lost(List<Editor> editors) throws Exception {
        LiveTestClient reader = LiveTestClient.to(base, 1).as(LiveTestClient.login(base, "observer1", "demo")).connect();
        reader.send("{\"type\":\"snapshot\"}");
        String text = reader.next("snapshot").path("text").asString();
        reader.close();
        int lost = 0;
        for (Editor editor : editors) {
            synchronized (editor) {
                lost += editor.unconfirmed.size() + editor.vanished;
                for (String token : editor.kept) {
                    if (!text.contains(token)) {
                        lost++;
                    }
                }
                if (!editor.doc.equals(text)) {
                    System.err.println("editor " + editor.id + " ended with another text than the server");
                    lost++;
                }
            }
        }
        return lost;
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }

    private static String report(List<String> rows, int seconds) {
        StringBuilder out = new StringBuilder();
        out.append("Run ").append(LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME.withLocale(Locale.ROOT)))
                .append(" on ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(seconds).append(" s measured per row after 10 s warm-up; server: the jar, H2 file, -Xmx512m\n\n");
        out.append("| editors | p50 ms | p95 ms | p99 ms | max ms | changes/s | behind/s | latency samples | lost |"
                + " server CPU (of one core) | server heap max / after GC |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        rows.forEach(row -> out.append(row).append('\n'));
        return out.toString();
    }

    private static Process startServer(Path folder, int port, int jmxPort) throws Exception {
        Path jar;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            jar = files.filter(p -> p.getFileName().toString().matches("ligevaerd-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("build the jar first: ./mvnw package -DskipTests"));
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx512m",
                "-Dcom.sun.management.jmxremote.port=" + jmxPort, "-Dcom.sun.management.jmxremote.rmi.port=" + jmxPort,
                "-Dcom.sun.management.jmxremote.authenticate=false", "-Dcom.sun.management.jmxremote.ssl=false",
                "-Dcom.sun.management.jmxremote.local.only=true", "-Djava.rmi.server.hostname=localhost",
                "-jar", jar.toAbsolutePath().toString(), "--server.port=" + port,
                "--logging.level.root=warn", "--logging.level.dk.ligevaerd.demo=info",
                "--server.tomcat.threads.max=400")
                .directory(folder.toFile()).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CountDownLatch ready = new CountDownLatch(1);
        Thread.ofVirtual().start(() -> {
            try {
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.contains("Created the demo workspace")) {
                        ready.countDown();
                    } else if (line.contains("ERROR") || line.contains("WARN")) {
                        System.err.println("[server] " + line);
                    }
                }
            } catch (IOException ended) {
                // stopped
            }
        });
        if (!ready.await(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the server did not start");
        }
        return process;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Latencies in microseconds, counted in 10 µs buckets up to 20 s. */
    private static final class Histogram {
        private static final int BUCKETS = 2_000_000;
        private final AtomicLongArray counts = new AtomicLongArray(BUCKETS + 1);
        private final AtomicLong total = new AtomicLong();

        void record(long micros) {
            counts.incrementAndGet((int) Math.min(BUCKETS, Math.max(0, micros / 10)));
            total.incrementAndGet();
        }

        long count() {
            return total.get();
        }

        void reset() {
            for (int i = 0; i <= BUCKETS; i++) {
                counts.set(i, 0);
            }
            total.set(0);
        }

        long[] percentiles(double... ps) {
            long n = total.get();
            long[] result = new long[ps.length];
            for (int k = 0; k < ps.length; k++) {
                long rank = Math.max(1, (long) Math.ceil(ps[k] * n));
                long seen = 0;
                for (int i = 0; i <= BUCKETS; i++) {
                    seen += counts.get(i);
                    if (seen >= rank) {
                        result[k] = i * 10L;
                        break;
                    }
                }
            }
            return result;
        }
    }

    /** One simulated browser: {@code @codemirror/collab}'s client algorithm over the real protocol. */
    private final class Editor {
        final int id;
        final LiveTestClient client;
        final String clientId;
        final CountDownLatch ready = new CountDownLatch(1);
        /** Own tokens that should be in the text at the end: made, and not removed again. */
        final List<String> kept = new ArrayList<>();
        final List<ChangeSet> unconfirmed = new ArrayList<>();
        String doc = "";
        int version = -1;
        int counter;
        boolean pushing;
        boolean pulling;
        /** Own tokens that had vanished when their editor came to remove them: lost. */
        int vanished;
        boolean stopped;

        Editor(int id, LiveTestClient client) {
            this.id = id;
            this.client = client;
            this.clientId = "b" + id;
        }

        void start() {
            client.onMessage(this::on);
            client.send("{\"type\":\"snapshot\"}");
        }

        synchronized void stop() {
            stopped = true;
        }

        synchronized boolean settled() {
            return unconfirmed.isEmpty() && !pushing;
        }

        /** A local edit: insert a new token, remove the one from three edits ago, as one change. */
        synchronized void edit() {
            if (stopped || version < 0) {
                return;
            }
            ChangeSet change = ChangeSet.empty(doc.length());
            String current = doc;
            if (kept.size() >= 3) {
                String old = kept.removeFirst();
                int at = current.indexOf(old);
                if (at >= 0) {
                    ChangeSet remove = ChangeSet.replace(current.length(), at, at + old.length(), "");
                    change = change.compose(remove);
                    current = remove.apply(current);
                } else {
                    vanished++;
                }
            }
            String token = "#" + id + "." + (counter++) + ";";
            int at = ThreadLocalRandom.current().nextInt(current.length() + 1);
            // Never inside another token, so a token stays whole.
            while (at > 0 && at < current.length() && insideToken(current, at)) {
                at--;
            }
            change = change.compose(ChangeSet.replace(current.length(), at, at, token));
            madeAt.put(token, System.nanoTime());
            doc = change.apply(doc);
            unconfirmed.add(change);
            kept.add(token);
            push();
        }

        private boolean insideToken(String text, int at) {
            int hash = text.lastIndexOf('#', at - 1);
            int semicolon = text.lastIndexOf(';', at - 1);
            return hash > semicolon;
        }

        private void push() {
            if (pushing || pulling || unconfirmed.isEmpty()) {
                return;
            }
            StringBuilder json = new StringBuilder("{\"type\":\"push\",\"version\":").append(version).append(",\"updates\":[");
            for (int k = 0; k < unconfirmed.size(); k++) {
                if (k > 0) {
                    json.append(',');
                }
                json.append("{\"clientID\":\"").append(clientId).append("\",\"changes\":")
                        .append(unconfirmed.get(k).toJsonString()).append('}');
            }
            pushing = true;
            client.send(json.append("]}").toString());
        }

        private synchronized void on(JsonNode message) {
            switch (message.path("type").asString()) {
                case "snapshot" -> {
                    doc = message.path("text").asString();
                    version = message.path("version").asInt();
                    ready.countDown();
                }
                case "updates" -> receive(message);
                case "ack" -> {
                    pushing = false;
                    push();
                }
                case "behind" -> {
                    behind.incrementAndGet();
                    pushing = false;
                    if (version < message.path("version").asInt()) {
                        pulling = true;
                        client.send("{\"type\":\"pull\",\"version\":" + version + "}");
                    } else {
                        push();
                    }
                }
                case "error" -> {
                    errors.incrementAndGet();
                    System.err.println("editor " + id + ": " + message);
                    pushing = false;
                }
                default -> {
                }
            }
        }

        /**
         * {@code receiveUpdates} of {@code @codemirror/collab} called with one change at a time, as
         * the editor does, and timing of others' tokens.
         */
        private void receive(JsonNode message) {
            if (message.path("pulled").asBoolean()) {
                pulling = false;
            }
            if (version < 0) {
                return;
            }
            long now = System.nanoTime();
            for (JsonNode update : message.path("updates")) {
                int v = update.path("version").asInt();
                if (v <= version) {
                    continue;
                }
                if (v != version + 1) {
                    if (!pulling) {
                        pulling = true;
                        client.send("{\"type\":\"pull\",\"version\":" + version + "}");
                    }
                    break;
                }
                version++;
                ChangeSet changes = ChangeSet.fromJson(update.path("changes"));
                if (!unconfirmed.isEmpty() && update.path("clientID").asString().equals(clientId)) {
                    unconfirmed.removeFirst();
                    acked.incrementAndGet();
                    continue;
                }
                ChangeSet remote = changes;
                for (int k = 0; k < unconfirmed.size(); k++) {
                    ChangeSet local = unconfirmed.get(k);
                    unconfirmed.set(k, local.map(remote, false));
                    remote = remote.map(local, true);
                }
                doc = remote.apply(doc);
                for (ChangeSet.Change change : changes.changes()) {
                    Matcher m = TOKEN.matcher(change.inserted());
                    while (m.find()) {
                        Long made = madeAt.get(m.group());
                        if (made != null) {
                            latency.record((now - made) / 1000);
                        }
                    }
                }
            }
            if (message.path("pulled").asBoolean()) {
                push();
            }
        }
    }
}
