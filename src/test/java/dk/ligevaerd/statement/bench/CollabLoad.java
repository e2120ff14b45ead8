package dk.ligevaerd.statement.bench;

import dk.ligevaerd.statement.collab.ChangeSet;
import dk.ligevaerd.statement.live.LiveTestClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
import tools.jackson.databind.JsonNode;

/**
 * N simulated editors on one statement, over the real WebSocket endpoint of a running application:
 * the load that {@link CollabBenchmark} times and {@code CollabLoadIT} checks for correctness.
 *
 * <p>Each editor behaves like {@code @codemirror/collab} in a browser: it edits its local copy at
 * once, keeps one batch in flight, and rebases its unconfirmed changes over everyone else's. About
 * every two seconds it inserts a unique token somewhere in the text and, in the same change, removes
 * its own token from three changes before, so the text stays the same size. Every other editor
 * times the token's arrival: edit-to-peer latency, from the local edit to a peer's copy, including
 * any wait for an earlier batch.
 *
 * <p>Afterwards every editor stops, waits until all its changes are acknowledged, and the final text
 * is checked: a token that was acknowledged and not removed by its own editor, yet is missing, is a
 * lost change; so is an edit that was never acknowledged, and an editor whose copy differs from the
 * server's text has diverged.
 */
public final class CollabLoad {

    private static final Pattern TOKEN = Pattern.compile("#(\\d+)\\.(\\d+);");
    /** Editors that have not connected by then count as not connected, rather than stall the run. */
    private static final Duration CONNECTING_AT_MOST = Duration.ofMinutes(2);

    /** What one run measured; latencies in microseconds. */
    public record Result(int editors, int connected, long connectMillis, long p50, long p95, long p99, long max,
            long samples, double changesPerSecond, double behindPerSecond, int lost, int diverged, long errors) {
    }

    /** Called around the measured window, say to read the server's CPU time. */
    public interface Probe {
        void begin() throws Exception;

        void end() throws Exception;
    }

    /** Measures nothing beyond the editors' own figures. */
    public static final class NoProbe implements Probe {
        @Override
        public void begin() {
        }

        @Override
        public void end() {
        }
    }

    private final URI base;
    private final long workspaceId;
    private final List<String> accounts;
    private final String password;
    private final String reader;
    private final Map<String, Long> madeAt = new ConcurrentHashMap<>();
    private final Histogram latency = new Histogram();
    private final AtomicLong acked = new AtomicLong();
    private final AtomicLong behind = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();

    /**
     * @param accounts contributors the editors log in as, in turn
     * @param reader a member who reads the final text
     */
    public CollabLoad(URI base, long workspaceId, List<String> accounts, String password, String reader) {
        this.base = base;
        this.workspaceId = workspaceId;
        this.accounts = accounts;
        this.password = password;
        this.reader = reader;
    }

    public Result run(int editorCount, Duration warmUp, Duration measured, Probe probe) throws Exception {
        madeAt.clear();
        latency.reset();
        acked.set(0);
        behind.set(0);
        errors.set(0);
        List<HttpClient> logins = new ArrayList<>();
        for (String account : accounts) {
            logins.add(LiveTestClient.login(base, account, password));
        }
        List<Editor> editors = new ArrayList<>();
        long connectStart = System.nanoTime();
        for (int i = 0; i < editorCount; i++) {
            if (System.nanoTime() - connectStart > CONNECTING_AT_MOST.toNanos()) {
                System.err.println("gave up connecting after " + CONNECTING_AT_MOST + ": " + i + " of " + editorCount
                        + " tried");
                break;
            }
            try {
                LiveTestClient client = LiveTestClient.to(base, workspaceId).as(logins.get(i % logins.size())).connect();
                client.next("welcome");
                Editor editor = new Editor(i, client);
                editor.start();
                editors.add(editor);
            } catch (Exception | AssertionError e) {
                System.err.println("editor " + i + " could not connect: " + e.getMessage());
            }
        }
        List<Editor> ready = new ArrayList<>();
        for (Editor editor : editors) {
            if (editor.ready.await(30, TimeUnit.SECONDS)) {
                ready.add(editor);
            } else {
                System.err.println("editor " + editor.id + " got no snapshot");
                editor.client.close();
            }
        }
        long connectMillis = (System.nanoTime() - connectStart) / 1_000_000;
        ScheduledExecutorService typing = Executors.newScheduledThreadPool(2);
        for (Editor editor : ready) {
            long start = ThreadLocalRandom.current().nextLong(2_000);
            typing.scheduleAtFixedRate(editor::edit, start, 1_800 + ThreadLocalRandom.current().nextLong(400),
                    TimeUnit.MILLISECONDS);
        }
        // Warm up, then measure from a clean slate.
        Thread.sleep(warmUp.toMillis());
        latency.reset();
        acked.set(0);
        behind.set(0);
        probe.begin();
        long wallBefore = System.nanoTime();
        Thread.sleep(measured.toMillis());
        long wall = System.nanoTime() - wallBefore;
        probe.end();
        long changes = acked.get();
        long behinds = behind.get();
        long[] percentiles = latency.percentiles(0.50, 0.95, 0.99, 1.0);
        long samples = latency.count();
        typing.shutdownNow();
        typing.awaitTermination(10, TimeUnit.SECONDS);

        // Drain: everyone sends what is left and receives everything.
        for (Editor editor : ready) {
            editor.stop();
        }
        long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < drainUntil && !ready.stream().allMatch(Editor::settled)) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
        // Whatever is still on its way to the editors arrives before the text is compared.
        TimeUnit.MILLISECONDS.sleep(500);
        String text = finalText();
        int lost = 0;
        int diverged = 0;
        for (Editor editor : ready) {
            synchronized (editor) {
                lost += editor.unconfirmed.size() + editor.vanished;
                for (String token : editor.kept) {
                    if (!text.contains(token)) {
                        lost++;
                    }
                }
                if (!editor.doc.toString().equals(text)) {
                    System.err.println("editor " + editor.id + " ended with another text than the server");
                    diverged++;
                }
            }
        }
        for (Editor editor : ready) {
            editor.client.close();
        }
        return new Result(editorCount, ready.size(), connectMillis, percentiles[0], percentiles[1], percentiles[2],
                percentiles[3], samples, changes / (wall / 1e9), behinds / (wall / 1e9), lost, diverged, errors.get());
    }

    private String finalText() throws Exception {
        LiveTestClient client = LiveTestClient.to(base, workspaceId).as(LiveTestClient.login(base, reader, password))
                .connect();
        client.send("{\"type\":\"snapshot\"}");
        String text = client.next("snapshot").path("text").asString();
        client.close();
        return text;
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
        /**
         * The editor's copy, changed in place as CodeMirror's tree of lines is: a copy of the whole
         * text per received change (80,000 a second at 400 editors) made the simulated editors,
         * not the server, the bottleneck of the run.
         */
        final StringBuilder doc = new StringBuilder();
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
            if (kept.size() >= 3) {
                String old = kept.removeFirst();
                int at = doc.indexOf(old);
                if (at >= 0) {
                    ChangeSet remove = ChangeSet.replace(doc.length(), at, at + old.length(), "");
                    change = change.compose(remove);
                    applyToDoc(remove);
                } else {
                    vanished++;
                }
            }
            String token = "#" + id + "." + (counter++) + ";";
            int at = ThreadLocalRandom.current().nextInt(doc.length() + 1);
            // Never inside another token, so a token stays whole.
            while (at > 0 && at < doc.length() && insideToken(doc, at)) {
                at--;
            }
            ChangeSet insert = ChangeSet.replace(doc.length(), at, at, token);
            change = change.compose(insert);
            madeAt.put(token, System.nanoTime());
            applyToDoc(insert);
            unconfirmed.add(change);
            kept.add(token);
            push();
        }

        /** Applies a change to the editor's copy in place, stretch by stretch. */
        private void applyToDoc(ChangeSet change) {
            if (change.lengthBefore() != doc.length()) {
                throw new IllegalStateException("change for length " + change.lengthBefore() + ", copy has " + doc.length());
            }
            for (ChangeSet.Change stretch : change.changes()) {
                // Stretches before this one are done, so it starts at its place in the new text.
                doc.replace(stretch.fromB(), stretch.fromB() + stretch.toA() - stretch.fromA(), stretch.inserted());
            }
        }

        private boolean insideToken(StringBuilder text, int at) {
            int hash = text.lastIndexOf("#", at - 1);
            int semicolon = text.lastIndexOf(";", at - 1);
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
                    doc.setLength(0);
                    doc.append(message.path("text").asString());
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
                applyToDoc(remote);
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
