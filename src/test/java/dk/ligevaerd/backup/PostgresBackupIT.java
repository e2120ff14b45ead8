package dk.ligevaerd.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dk.ligevaerd.support.Postgres;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The PostgreSQL route of docs/operations.md, "Backup": {@code pg_dump} of the running application's
 * database, {@code pg_restore} into a fresh database, and the application started on that one finds
 * its history whole.
 */
@ExtendWith(Postgres.class)
class PostgresBackupIT {

    @Test
    void a_pg_dump_taken_while_the_app_runs_restores_to_an_app_whose_history_verifies_and_misses_nothing()
            throws Exception {
        String url = Postgres.freshDatabase();
        Path dump = Files.createDirectories(Path.of("target/backup-it")).resolve("pg-" + System.nanoTime() + ".dump")
                .toAbsolutePath();
        Map<String, Long> original;
        try (var app = RestoredApp.start(url, Postgres.user(), Postgres.password(), "true")) {
            try (Connection c = app.getBean(DataSource.class).getConnection()) {
                original = RestoredApp.rowCounts(c);
            }
            assertThat(original.get("decision_record")).as("the demo's closed round has its record").isPositive();
            run("pg_dump", "--format=custom", "--no-owner", "--file=" + dump, database(url));
            assertThat(app.isRunning()).isTrue();
        }

        String fresh = Postgres.freshDatabase();
        run("pg_restore", "--no-owner", "--exit-on-error", "--dbname=" + database(fresh), dump.toString());

        try (var restored = RestoredApp.start(fresh, Postgres.user(), Postgres.password(), "false")) {
            assertThat(RestoredApp.verifyEveryWorkspace(restored)).hasSize(1);
            try (Connection c = restored.getBean(DataSource.class).getConnection()) {
                assertThat(RestoredApp.rowCounts(c)).isEqualTo(original);
            }
        }
    }

    /** The database name of a JDBC URL such as {@code jdbc:postgresql://127.0.0.1:5432/name}. */
    private static String database(String jdbcUrl) {
        return URI.create(jdbcUrl.substring("jdbc:".length())).getPath().substring(1);
    }

    private static void run(String tool, String... args) throws Exception {
        URI server = URI.create(Postgres.HOST_URL.substring("jdbc:".length()));
        List<String> command = new ArrayList<>(List.of(tool, "--host=" + server.getHost(),
                "--port=" + server.getPort(), "--username=" + Postgres.user(), "--no-password"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", Postgres.password());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(tool + ": " + output).isZero();
    }
}
