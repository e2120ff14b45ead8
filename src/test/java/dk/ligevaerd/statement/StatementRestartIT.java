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
 * that was acknowledged is in the text and the stored versions run from 1 without a gap.
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
                "--server.port=" + port, "--logging.level.root=warn", "--logging.level.dk.ligevaerd.Application=info",
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
