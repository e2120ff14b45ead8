package dk.ligevaerd.statement;

import static org.assertj.core.api.Assertions.assertThat;

import dk.ligevaerd.statement.collab.ChangeSet;
import dk.ligevaerd.statement.live.LiveTestClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Nothing acknowledged is lost when the server dies: the application runs as a process of its own
 * on an H2 file (its default configuration, in a scratch folder), two editors stream changes into
 * it, the process is killed hard in the middle, and after a restart on the same file every change
 * that was acknowledged is in the text and the stored versions run from 1 without a gap. The second
 * test adds decision rounds voted and closed in the same server, and checks ballots, confirmations,
 * records and the record chain as well.
 */
class StatementRestartIT {

    private static final String PASSWORD = "demo";
    private final List<Process> started = new ArrayList<>();
    private final List<LiveTestClient> clients = new ArrayList<>();

    @AfterEach
    void stop() {
        clients.forEach(LiveTestClient::close);
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void every_acknowledged_change_survives_a_hard_kill_and_versions_have_no_gap() throws Exception {
        Path folder = Files.createTempDirectory(Path.of("target"), "restart-");
        int port = freePort();
        // The first start also builds the demo workspace, which happens after "Started".
        Process first = start(folder, port, "Created the demo workspace");
        URI base = URI.create("http://localhost:" + port);
        // The demo workspace (the first one in a new database) with its municipal and civil members.
        Streamer municipal = new Streamer("K", connect(base, "kommune2"));
        Streamer civil = new Streamer("C", connect(base, "civil2"));
        municipal.start();
        civil.start();
        assertThat(municipal.enough.await(60, TimeUnit.SECONDS)).as("municipal acknowledgements").isTrue();
        assertThat(civil.enough.await(60, TimeUnit.SECONDS)).as("civil acknowledgements").isTrue();

        first.destroyForcibly();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        acknowledged.addAll(municipal.acked);
        acknowledged.addAll(civil.acked);
        clients.forEach(LiveTestClient::close);

        Process second = start(folder, port, "Started Application");
        LiveTestClient reader = connect(base, "kommune1");
        reader.send("{\"type\":\"snapshot\"}");
        JsonNode snapshot = reader.next("snapshot");
        reader.send("{\"type\":\"pull\",\"version\":0}");
        JsonNode history = reader.next(m -> m.path("pulled").asBoolean());

        String text = snapshot.path("text").asString();
        int version = snapshot.path("version").asInt();
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(40);
        assertThat(acknowledged).allSatisfy(token -> assertThat(text).contains(token));
        // Replaying the stored history from an empty text gives exactly the text, version by version.
        String replayed = "";
        int expected = 1;
        for (JsonNode update : history.path("updates")) {
            assertThat(update.path("version").asInt()).isEqualTo(expected++);
            replayed = ChangeSet.fromJson(update.path("changes")).apply(replayed);
        }
        assertThat(expected - 1).isEqualTo(version);
        assertThat(replayed).isEqualTo(text);

        // And in the database itself, read directly once the application is stopped.
        reader.close();
        second.destroy();
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        List<Integer> versions = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + folder.toAbsolutePath().resolve("data/ligevaerd"), "sa", "");
                ResultSet rs = c.createStatement().executeQuery(
                        "select version from statement_change where statement_id ="
                                + " (select id from statement where workspace_id = 1) order by version")) {
            while (rs.next()) {
                versions.add(rs.getInt(1));
            }
        }
        assertThat(versions).hasSize(version);
        for (int i = 0; i < versions.size(); i++) {
            assertThat(versions.get(i)).isEqualTo(i + 1);
        }
    }

    /**
     * The reliability figure: two editors stream into the text while, in the same server, rounds run
     * one after another (six members vote at once, both sides' moderators confirm the closing). The
     * server is killed with SIGKILL in the middle, restarted on the same file, and every acknowledged
     * edit, ballot, confirmation and closing is there, and the record chain verifies.
     */
    @Test
    void acknowledged_edits_ballots_and_confirmations_survive_a_hard_kill_while_rounds_close() throws Exception {
        Path folder = Files.createTempDirectory(Path.of("target"), "restart-votes-");
        int port = freePort();
        List<String> acks = new CopyOnWriteArrayList<>();
        Process first = startVotingServer(folder, port, acks, "--voting");
        URI base = URI.create("http://localhost:" + port);
        Streamer municipal = new Streamer("K", connect(base, "kommune2"));
        Streamer civil = new Streamer("C", connect(base, "civil2"));
        municipal.start();
        civil.start();
        assertThat(municipal.enough.await(60, TimeUnit.SECONDS)).as("municipal acknowledgements").isTrue();
        assertThat(civil.enough.await(60, TimeUnit.SECONDS)).as("civil acknowledgements").isTrue();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (acks.stream().filter(a -> a.startsWith("ACK closed")).count() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        // kill -9: Process.destroyForcibly sends SIGKILL on Linux; nothing in the server runs after it.
        first.destroyForcibly();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Set<String> editsAcked = ConcurrentHashMap.newKeySet();
        editsAcked.addAll(municipal.acked);
        editsAcked.addAll(civil.acked);
        clients.forEach(LiveTestClient::close);
        Thread.sleep(500); // the reader drains what the pipe still holds
        Set<String> ballotsAcked = lines(acks, "ACK ballot ");
        Set<String> confirmationsAcked = lines(acks, "ACK confirm ");
        Set<String> closedAcked = lines(acks, "ACK closed ");

        List<String> after = new CopyOnWriteArrayList<>();
        Process second = startVotingServer(folder, port, after, "--chain");
        LiveTestClient reader = connect(base, "kommune1");
        reader.send("{\"type\":\"snapshot\"}");
        String text = reader.next("snapshot").path("text").asString();
        reader.close();
        String chain = after.stream().filter(l -> l.startsWith("CHAIN ")).findFirst().orElseThrow();
        second.destroy();
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();

        Set<String> ballots = new java.util.HashSet<>();
        Set<String> confirmations = new java.util.HashSet<>();
        Set<String> closed = new java.util.HashSet<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + folder.toAbsolutePath().resolve("data/ligevaerd"), "sa", "")) {
            try (ResultSet rs = c.createStatement().executeQuery("select round_id, user_id from ballot")) {
                while (rs.next()) {
                    ballots.add(rs.getLong(1) + " " + rs.getLong(2));
                }
            }
            try (ResultSet rs = c.createStatement().executeQuery("select round_id, user_id from round_confirmation")) {
                while (rs.next()) {
                    confirmations.add(rs.getLong(1) + " " + rs.getLong(2));
                }
            }
            try (ResultSet rs = c.createStatement().executeQuery("select round_id from decision_record")) {
                while (rs.next()) {
                    closed.add(Long.toString(rs.getLong(1)));
                }
            }
        }
        long editsFound = editsAcked.stream().filter(text::contains).count();
        long ballotsFound = ballotsAcked.stream().filter(ballots::contains).count();
        long confirmationsFound = confirmationsAcked.stream().filter(confirmations::contains).count();
        long closedFound = closedAcked.stream().filter(closed::contains).count();
        System.out.println("Reliability after kill -9: edits acked " + editsAcked.size() + ", found " + editsFound
                + "; ballots acked " + ballotsAcked.size() + ", found " + ballotsFound + " (stored " + ballots.size()
                + "); confirmations acked " + confirmationsAcked.size() + ", found " + confirmationsFound
                + "; rounds closed acked " + closedAcked.size() + ", records found " + closedFound + " (stored "
                + closed.size() + "); chain: " + chain);

        assertThat(editsAcked).hasSizeGreaterThanOrEqualTo(50);
        assertThat(ballotsAcked).hasSizeGreaterThanOrEqualTo(18);
        assertThat(closedAcked).hasSizeGreaterThanOrEqualTo(3);
        assertThat(editsFound).isEqualTo(editsAcked.size());
        assertThat(ballots).containsAll(ballotsAcked);
        assertThat(confirmations).containsAll(confirmationsAcked);
        assertThat(closed).containsAll(closedAcked);
        assertThat(chain).as("the record chain verifies after the restart")
                .startsWith("CHAIN " + closed.size() + " true");
    }

    private static Set<String> lines(List<String> acks, String prefix) {
        return acks.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()).trim())
                .collect(java.util.stream.Collectors.toSet());
    }

    /** Starts {@link VotingServer} on the test classpath in {@code folder}; returns once it prints READY. */
    private Process startVotingServer(Path folder, int port, List<String> lines, String mode) throws Exception {
        String classpath = Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(e -> Path.of(e).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx512m", "-cp", classpath, VotingServer.class.getName(),
                "--server.port=" + port, "--management.server.port=0", "--logging.level.root=warn", mode,
                // The production URL: the test classpath's own would give each start a new file.
                "--spring.datasource.url=jdbc:h2:file:./data/ligevaerd;AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0")
                .directory(folder.toFile()).redirectErrorStream(true).start();
        started.add(process);
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CountDownLatch ready = new CountDownLatch(1);
        Thread.ofVirtual().start(() -> {
            try {
                for (String line; (line = out.readLine()) != null; ) {
                    lines.add(line);
                    if (line.equals("READY")) {
                        ready.countDown();
                    }
                    if (line.contains("ERROR") || line.contains("Exception")) {
                        System.out.println("[app] " + line);
                    }
                }
            } catch (IOException ended) {
                // The process was killed.
            }
        });
        assertThat(ready.await(120, TimeUnit.SECONDS)).as("application started").isTrue();
        return process;
    }

    private LiveTestClient connect(URI base, String username) throws Exception {
        HttpClient http = LiveTestClient.login(base, username, PASSWORD);
        LiveTestClient client = LiveTestClient.to(base, 1).as(http).connect();
        clients.add(client);
        client.next("welcome");
        return client;
    }

    /** Starts the built jar in {@code folder}, so its default H2 file lands there; returns once it serves. */
    private Process start(Path folder, int port, String readyLine) throws Exception {
        Path jar;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            jar = files.filter(p -> p.getFileName().toString().matches("ligevaerd-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("build the jar first (mvn package)"));
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx512m", "-jar", jar.toAbsolutePath().toString(),
                "--server.port=" + port, "--management.server.port=0", "--logging.level.root=warn",
                "--logging.level.dk.ligevaerd.Application=info",
                "--logging.level.dk.ligevaerd.demo=info")
                .directory(folder.toFile()).redirectErrorStream(true).start();
        started.add(process);
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CountDownLatch ready = new CountDownLatch(1);
        Thread.ofVirtual().start(() -> {
            try {
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.contains(readyLine)) {
                        ready.countDown();
                    }
                    if (line.contains("ERROR") || line.contains("Exception")) {
                        System.out.println("[app] " + line);
                    }
                }
            } catch (IOException ended) {
                // The process was killed.
            }
        });
        assertThat(ready.await(120, TimeUnit.SECONDS)).as("application started").isTrue();
        return process;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * An editor that keeps one change in flight: it inserts a unique token at the start of the text
     * at the version it knows, and when others came first, waits for their changes and tries again.
     */
    private static final class Streamer {
        final String name;
        final LiveTestClient client;
        final Set<String> acked = ConcurrentHashMap.newKeySet();
        final CountDownLatch enough = new CountDownLatch(25);
        private String doc = "";
        private int version = -1;
        private int counter;
        private String inFlight;
        private boolean sendAfterPull;

        Streamer(String name, LiveTestClient client) {
            this.name = name;
            this.client = client;
        }

        void start() {
            client.onMessage(this::on);
            client.send("{\"type\":\"snapshot\"}");
        }

        private synchronized void on(JsonNode message) {
            switch (message.path("type").asString()) {
                case "snapshot" -> {
                    doc = message.path("text").asString();
                    version = message.path("version").asInt();
                    sendNext();
                }
                case "updates" -> {
                    for (JsonNode update : message.path("updates")) {
                        if (version >= 0 && update.path("version").asInt() == version + 1) {
                            doc = ChangeSet.fromJson(update.path("changes")).apply(doc);
                            version++;
                        }
                    }
                    if (message.path("pulled").asBoolean() && sendAfterPull) {
                        sendAfterPull = false;
                        sendNext();
                    }
                }
                case "ack" -> {
                    acked.add(inFlight);
                    enough.countDown();
                    sendNext();
                }
                case "behind" -> {
                    if (version < message.path("version").asInt()) {
                        sendAfterPull = true;
                        client.send("{\"type\":\"pull\",\"version\":" + version + "}");
                    } else {
                        sendNext();
                    }
                }
                case "error" -> System.out.println("[" + name + "] " + message);
                default -> {
                }
            }
        }

        private void sendNext() {
            inFlight = "<" + name + (counter++) + ">";
            String changes = ChangeSet.replace(doc.length(), 0, 0, inFlight).toJsonString();
            try {
                client.send("{\"type\":\"push\",\"version\":" + version + ",\"updates\":[{\"clientID\":\"" + name
                        + "\",\"changes\":" + changes + "}]}");
            } catch (RuntimeException connectionGone) {
                // The server was killed; what was acknowledged is what counts.
            }
        }
    }
}
