package dk.ligevaerd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dk.ligevaerd.backup.RestoredApp;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.support.Postgres;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A workspace moves from a trial on H2 to an installation on PostgreSQL (docs/workspace-move.md):
 * whole, with its history verifying there; the same file is not taken twice, and a damaged file
 * or one whose rows are already there is refused, changing nothing.
 */
@ExtendWith(Postgres.class)
class WorkspaceMoveIT {

    static ConfigurableApplicationContext trial;
    static ConfigurableApplicationContext production;
    static byte[] file;
    static long workspaceId;

    @BeforeAll
    static void aTrialWithTheDemoAndAnEmptyProduction() throws Exception {
        trial = RestoredApp.start("jdbc:h2:file:./target/test-db/move-" + UUID.randomUUID() + ";DB_CLOSE_ON_EXIT=FALSE",
                "sa", "", "true");
        production = RestoredApp.start(Postgres.freshDatabase(), Postgres.user(), Postgres.password(), "false");
        try (Connection c = trial.getBean(DataSource.class).getConnection()) {
            workspaceId = RestoredApp.verifyEveryWorkspace(trial).getFirst();
            // A retention rule its sides agreed to, with an archiving day: a date column to carry over.
            try (var s = c.prepareStatement("update workspace set retention_idle_months = 12,"
                    + " retention_archive_on = ?, retention_delete_months = 24 where id = ?")) {
                s.setObject(1, java.time.LocalDate.of(2030, 1, 31));
                s.setLong(2, workspaceId);
                s.executeUpdate();
            }
            file = WorkspaceMove.export(c, workspaceId);
        }
    }

    @AfterAll
    static void stop() {
        trial.close();
        production.close();
    }

    private static Map<String, Long> productionRows() throws Exception {
        try (Connection c = production.getBean(DataSource.class).getConnection()) {
            return RestoredApp.rowCounts(c);
        }
    }

    private static WorkspaceMove.Refused refusal(byte[] bytes) throws Exception {
        try (Connection c = production.getBean(DataSource.class).getConnection()) {
            return catchThrowableOfType(WorkspaceMove.Refused.class, () -> WorkspaceMove.importFile(c, bytes));
        }
    }

    private static WorkspaceMove.Imported importInto(byte[] bytes) throws Exception {
        try (Connection c = production.getBean(DataSource.class).getConnection()) {
            return WorkspaceMove.importFile(c, bytes);
        }
    }

    @Test
    void a_moved_workspace_arrives_whole_its_chain_verifies_its_members_sign_in_and_the_same_file_is_refused_twice()
            throws Exception {
        // Damaged copies first, while production is still empty: refused, and nothing is written.
        Map<String, Long> empty = productionRows();
        byte[] altered = file.clone();
        int middle = altered.length / 2;
        altered[middle] = (byte) (altered[middle] == '1' ? '2' : '1');
        WorkspaceMove.Refused damaged = refusal(altered);
        assertThat(damaged.key).isEqualTo("move.damaged");
        assertThat(Messages.get(Messages.ENGLISH, damaged.key)).startsWith("The file is damaged");
        assertThat(Messages.get(Messages.DANISH, damaged.key)).startsWith("Filen er beskadiget");
        assertThat(refusal(Arrays.copyOf(file, file.length - 200)).key).isEqualTo("move.damaged");
        assertThat(refusal(Arrays.copyOf(file, 10)).key).isEqualTo("move.damaged");
        assertThat(refusal("{\"hello\": 1}\n".getBytes(StandardCharsets.UTF_8)).key).isEqualTo("move.notAMoveFile");
        assertThat(productionRows()).isEqualTo(empty);

        WorkspaceMove.Imported imported = importInto(file);
        assertThat(imported.workspaceId()).isEqualTo(workspaceId);
        assertThat(imported.name()).isEqualTo("Besøgsvenner i Vestbyen");

        assertThat(RestoredApp.verifyEveryWorkspace(production)).containsExactly(workspaceId);
        Map<String, Long> moved = productionRows();
        Map<String, Long> original;
        try (Connection c = trial.getBean(DataSource.class).getConnection()) {
            original = RestoredApp.rowCounts(c);
        }
        for (String table : original.keySet()) {
            if (!Map.of("flyway_schema_history", 1, "mail_outbox", 1, "sign_in_throttle", 1, "trusted_browser", 1,
                    "workspace_import", 1).containsKey(table)) {
                assertThat(moved.get(table)).as(table).isEqualTo(original.get(table));
            }
        }
        assertThat(moved.get("decision_record")).isPositive();
        try (Connection c = production.getBean(DataSource.class).getConnection();
                var s = c.prepareStatement("select retention_idle_months, retention_archive_on, retention_delete_months"
                        + " from workspace where id = ?")) {
            s.setLong(1, workspaceId);
            try (var rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(12);
                assertThat(rs.getObject(2, java.time.LocalDate.class)).isEqualTo(java.time.LocalDate.of(2030, 1, 31));
                assertThat(rs.getInt(3)).isEqualTo(24);
            }
        }
        assertThat(moved.get("workspace_import")).isEqualTo(1);

        // The members' accounts came along: the same password works on the new installation.
        var kommune1 = production.getBean(dk.ligevaerd.account.AccountService.class).loadUserByUsername("kommune1");
        assertThat(production.getBean(PasswordEncoder.class).matches("demo", kommune1.getPassword())).isTrue();

        WorkspaceMove.Refused twice = refusal(file);
        assertThat(twice.key).isEqualTo("move.alreadyImported");
        assertThat(Messages.get(Messages.ENGLISH, twice.key, twice.arguments))
                .isEqualTo("This file has been imported here before (as workspace " + workspaceId
                        + "). Nothing was imported again.");

        // A second export of the same workspace is another file, but its rows are already here.
        byte[] again;
        try (Connection c = trial.getBean(DataSource.class).getConnection()) {
            again = WorkspaceMove.export(c, workspaceId);
        }
        assertThat(refusal(again).key).isEqualTo("move.collision");
        assertThat(productionRows()).isEqualTo(moved);
        assertThat(RestoredApp.verifyEveryWorkspace(production)).containsExactly(workspaceId);

        // New rows made on the new installation take ids after the moved ones.
        try (Connection c = production.getBean(DataSource.class).getConnection();
                var s = c.createStatement()) {
            s.executeUpdate("insert into app_user (username, display_name, password_hash, created_at) "
                    + "values ('ny', 'Ny', 'x', current_timestamp)");
        }
    }

    @Test
    void an_export_of_a_workspace_that_does_not_exist_is_refused() throws Exception {
        try (Connection c = trial.getBean(DataSource.class).getConnection()) {
            var refused = catchThrowableOfType(WorkspaceMove.Refused.class, () -> WorkspaceMove.export(c, 999_999));
            assertThat(refused.key).isEqualTo("move.noSuchWorkspace");
        }
    }
}
