package dk.ligevaerd;

import static org.assertj.core.api.Assertions.assertThat;

import dk.ligevaerd.support.Postgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The same migrations create the schema on an H2 file and on PostgreSQL, and running them again
 * finds nothing to do.
 */
class MigrationTest {

    private static final List<String> TABLES = List.of("app_user", "workspace", "side", "membership", "invitation",
            "history_entry", "priority", "priority_lens", "priority_proposer", "statement", "statement_change", "statement_version",
            "decision_round", "round_option", "round_side", "round_confirmation", "ballot", "decision_chain",
            "decision_record", "mail_outbox", "organisation_identity", "workspace_import", "notification_intent",
            "comment_thread", "thread_comment");

    @Test
    void migrations_create_the_schema_on_an_h2_file() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "migration-h2");
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("db");
        check(Flyway.configure().dataSource(url, "sa", "").load(), url, "sa", "");
    }

    @Test
    @ExtendWith(Postgres.class)
    void migrations_create_the_schema_on_postgresql() throws Exception {
        String url = Postgres.freshDatabase();
        check(Flyway.configure().dataSource(url, Postgres.user(), Postgres.password()).load(), url, Postgres.user(),
                Postgres.password());
    }

    private static void check(Flyway flyway, String url, String user, String password) throws Exception {
        MigrateResult first = flyway.migrate();
        assertThat(first.success).isTrue();
        assertThat(first.migrationsExecuted).isPositive();
        assertThat(flyway.migrate().migrationsExecuted).isZero();
        try (var c = java.sql.DriverManager.getConnection(url, user, password)) {
            for (String table : TABLES) {
                try (var rs = c.createStatement().executeQuery("select count(*) from " + table)) {
                    assertThat(rs.next()).as(table).isTrue();
                }
            }
        }
    }
}
