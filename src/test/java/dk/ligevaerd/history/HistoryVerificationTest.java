package dk.ligevaerd.history;

import static dk.ligevaerd.support.Acting.as;
import static dk.ligevaerd.support.Refusals.keyOf;
import static org.assertj.core.api.Assertions.assertThat;

import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.statement.CollabService;
import dk.ligevaerd.workspace.InvitationService;
import dk.ligevaerd.workspace.WorkspaceFixture;
import dk.ligevaerd.workspace.WorkspaceService;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** "Verify history" finds exactly what was changed behind the application's back. */
@SpringBootTest(properties = {"ligevaerd.demo.enabled=false",
        "spring.datasource.url=jdbc:h2:file:./target/test-db/verify-${random.uuid}"})
class HistoryVerificationTest {

    @Autowired AccountService accounts;
    @Autowired WorkspaceService workspaces;
    @Autowired InvitationService invitations;
    @Autowired CollabService collab;
    @Autowired HistoryVerification verification;
    @Autowired DataSource dataSource;

    WorkspaceFixture f;
    JdbcTemplate jdbc;

    @BeforeEach
    void aStatementWrittenByBothSides() {
        f = new WorkspaceFixture(accounts, workspaces, invitations);
        jdbc = new JdbcTemplate(dataSource);
        as(f.participant, () -> collab.edit(f.workspaceId, "test-municipal", 0, 0, "Besøg hver uge."));
        as(f.otherModerator, () -> collab.edit(f.workspaceId, "test-civil", 0, 0, "Fællesskab først. "));
        as(f.participant, () -> collab.edit(f.workspaceId, "test-municipal", 0, 0, "Formål: "));
    }

    private List<HistoryVerification.Result> verify() {
        return as(f.observer, () -> verification.verify(f.workspaceId));
    }

    private HistoryVerification.Result statementCheck() {
        return verify().stream().filter(r -> r.nameKey().equals("verify.check.statement")).findFirst().orElseThrow();
    }

    private long statementId() {
        return jdbc.queryForObject("select id from statement where workspace_id = ?", Long.class, f.workspaceId);
    }

    @Test
    void an_untouched_history_is_intact() {
        assertThat(verify()).isNotEmpty().allMatch(HistoryVerification.Result::intact);
    }

    @Test
    void a_deleted_change_is_named_by_its_number() {
        jdbc.update("delete from statement_change where statement_id = ? and version = 2", statementId());
        assertThat(statementCheck().problems()).extracting(HistoryCheck.Problem::messageKey)
                .contains("verify.statement.missing", "verify.statement.count");
        assertThat(statementCheck().problems().getFirst().arguments()).containsExactly(2);
    }

    @Test
    void a_text_changed_in_the_database_no_longer_matches_its_changes() {
        jdbc.update("update statement set text = ? where id = ?", "Formål: noget helt andet", statementId());
        assertThat(statementCheck().problems()).extracting(HistoryCheck.Problem::messageKey)
                .containsExactly("verify.statement.text");
    }

    @Test
    void outsiders_cannot_verify() {
        assertThat(keyOf(() -> as(f.outsider, () -> verification.verify(f.workspaceId))))
                .isEqualTo("error.notFoundOrNoAccess");
    }
}
