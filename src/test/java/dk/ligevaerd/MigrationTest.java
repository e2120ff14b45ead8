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

    @Test
    void each_workspace_keeps_whether_its_observers_may_comment_on_an_h2_file() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "migration-h2");
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("db");
        observersKeepTheirChoice(url, "sa", "");
    }

    @Test
    @ExtendWith(Postgres.class)
    void each_workspace_keeps_whether_its_observers_may_comment_on_postgresql() throws Exception {
        observersKeepTheirChoice(Postgres.freshDatabase(), Postgres.user(), Postgres.password());
    }

    /**
     * The owner's switch (a row in deliberation_setting, or none for the default) becomes the
     * workspace's rule that every side changes together, with each workspace's choice as it was.
     */
    private static void observersKeepTheirChoice(String url, String user, String password) throws Exception {
        Flyway before = Flyway.configure().dataSource(url, user, password).target("36").load();
        assertThat(before.migrate().success).isTrue();
        try (var c = java.sql.DriverManager.getConnection(url, user, password); var st = c.createStatement()) {
            st.executeUpdate("insert into app_user (id, username, display_name, password_hash, created_at)"
                    + " values (1, 'owner', 'Owner', 'x', current_timestamp)");
            for (int id = 1; id <= 3; id++) {
                st.executeUpdate("insert into workspace (id, name, description, joint_closing, created_by, created_at,"
                        + " version) values (" + id + ", 'W" + id + "', '', true, 1, current_timestamp, 0)");
            }
            st.executeUpdate("insert into deliberation_setting (workspace_id, observers_may_comment) values (1, true)");
            st.executeUpdate("insert into deliberation_setting (workspace_id, observers_may_comment) values (2, false)");
        }
        assertThat(Flyway.configure().dataSource(url, user, password).load().migrate().success).isTrue();
        try (var c = java.sql.DriverManager.getConnection(url, user, password);
                var rs = c.createStatement().executeQuery(
                        "select id, observers_may_comment from workspace order by id")) {
            java.util.Map<Long, Boolean> allowed = new java.util.LinkedHashMap<>();
            while (rs.next()) {
                allowed.put(rs.getLong(1), rs.getBoolean(2));
            }
            assertThat(allowed).containsExactly(java.util.Map.entry(1L, true), java.util.Map.entry(2L, false),
                    java.util.Map.entry(3L, false));
            try (var tables = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
                while (tables.next()) {
                    assertThat(tables.getString("TABLE_NAME")).isNotEqualToIgnoringCase("deliberation_setting");
                }
            }
        }
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
