package dk.ligevaerd.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The documented backup of the embedded database (docs/operations.md, "Backup"): the built jar runs
 * with its default database URL, a second {@code java -jar … --backup=} takes a copy while it runs,
 * and the copy, unzipped into a fresh folder, starts the application with its history whole.
 */
class H2BackupIT {

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void a_backup_taken_while_the_app_runs_restores_to_an_app_whose_history_verifies_and_misses_nothing()
            throws Exception {
        Path folder = Files.createDirectories(Path.of("target/backup-it")).resolve("h2-" + System.nanoTime());
        Files.createDirectories(folder);
        // A first start builds the demo workspace after it logs "Started", and warns of the demo
        // accounts once it is ready: wait for that, or the backup may be taken between two of the
        // demo's writes and miss the last (seen in CI).
        Process app = start(folder, "DEMO ACCOUNTS EXIST");

        Path zip = folder.resolve("backups/ligevaerd-backup.zip").toAbsolutePath();
        Files.createDirectories(zip.getParent());
        Run backup = jar(folder, "--backup=backups/ligevaerd-backup.zip");
        assertThat(backup.exitCode()).as(backup.output()).isZero();
        assertThat(backup.output()).contains("Backed up");
        assertThat(app.isAlive()).as("the application kept running").isTrue();

        Run again = jar(folder, "--backup=backups/ligevaerd-backup.zip");
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.output()).contains("Not overwriting");

        // The move commands go through the same door (docs/workspace-move.md).
        Run export = jar(folder, "--export-workspace=1", "--file=vestbyen.ligevaerd", "--lang=en");
        assertThat(export.exitCode()).as(export.output()).isZero();
        assertThat(export.output()).contains("Exported workspace 1 to ");
        Run intoItself = jar(folder, "--import-workspace=vestbyen.ligevaerd", "--lang=da");
        assertThat(intoItself.exitCode()).as(intoItself.output()).isEqualTo(1);
        assertThat(intoItself.output()).contains("Denne installation har allerede data med samme numre")
                .contains("Intet er importeret.");

        // What the running application holds, read through the same door the backup used.
        Map<String, Long> original;
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + folder.toAbsolutePath()
                .resolve("data/ligevaerd") + ";AUTO_SERVER=TRUE;IFEXISTS=TRUE", "sa", "")) {
            original = RestoredApp.rowCounts(c);
        }
        assertThat(original.get("decision_record")).as("the demo's closed round has its record").isPositive();
        app.destroy();
        assertThat(app.waitFor(60, TimeUnit.SECONDS)).isTrue();

        // Restore as documented: the zip holds the database file; unpack it into a fresh data folder.
        Path restored = Files.createDirectories(folder.resolve("restored"));
        List<String> entries = unzip(zip, restored);
        assertThat(entries).containsExactly("ligevaerd.mv.db");

        String url = "jdbc:h2:file:" + restored.toAbsolutePath().resolve("ligevaerd") + ";DB_CLOSE_ON_EXIT=FALSE";
        try (var restoredApp = RestoredApp.start(url, "sa", "")) {
            assertThat(RestoredApp.verifyEveryWorkspace(restoredApp)).hasSize(1);
            try (Connection c = restoredApp.getBean(javax.sql.DataSource.class).getConnection()) {
                assertThat(RestoredApp.rowCounts(c)).isEqualTo(original);
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("select count(*) from decision_round where state = 'CLOSED'")) {
                    rs.next();
                    assertThat(rs.getLong(1)).isPositive();
                }
            }
        }
    }

    @Test
    void a_backup_of_a_database_that_is_not_there_says_so_and_writes_nothing() throws Exception {
        Path folder = Files.createDirectories(Path.of("target/backup-it")).resolve("none-" + System.nanoTime());
        Files.createDirectories(folder);
        Run backup = jar(folder, "--backup=nothing.zip");
        assertThat(backup.exitCode()).isEqualTo(1);
        assertThat(backup.output()).contains("There is no database at jdbc:h2:file:./data/ligevaerd");
        assertThat(folder.resolve("nothing.zip")).doesNotExist();
        assertThat(folder.resolve("data")).doesNotExist();
    }

    private record Run(int exitCode, String output) {
    }

    private static Run jar(Path folder, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", jarFile().toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    private static List<String> unzip(Path zip, Path into) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                names.add(e.getName());
                Files.copy(in, into.resolve(Path.of(e.getName()).getFileName()));
            }
        }
        return names;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Path jarFile() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("ligevaerd-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("build the jar first (mvn package)"))
                    .toAbsolutePath();
        }
    }

    /** Starts the built jar in {@code folder} with its default database URL; returns once it logged {@code readyLine}. */
    private Process start(Path folder, String readyLine) throws Exception {
        Process process = new ProcessBuilder(java(), "-Xmx512m", "-jar", jarFile().toString(),
                "--server.port=" + freePort(), "--management.server.port=0", "--logging.level.root=warn",
                "--logging.level.dk.ligevaerd.Application=info")
                .directory(folder.toFile()).redirectErrorStream(true).start();
        started.add(process);
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CountDownLatch ready = new CountDownLatch(1);
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread.ofVirtual().start(() -> {
            try {
                for (String line; (line = out.readLine()) != null; ) {
                    lines.add(line);
                    if (line.contains(readyLine)) {
                        ready.countDown();
                    }
                }
            } catch (IOException ended) {
                // The process ended.
            }
        });
        assertThat(ready.await(120, TimeUnit.SECONDS)).as("application started: " + lines).isTrue();
        return process;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
