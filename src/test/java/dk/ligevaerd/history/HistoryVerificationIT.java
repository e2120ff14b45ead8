package dk.ligevaerd.history;

import static dk.ligevaerd.support.Acting.as;
import static dk.ligevaerd.support.Refusals.keyOf;
import static org.assertj.core.api.Assertions.assertThat;

import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.priority.PriorityService;
import dk.ligevaerd.priority.ValueLens;
import dk.ligevaerd.round.RoundDraft;
import dk.ligevaerd.round.RoundService;
import dk.ligevaerd.statement.CollabService;
import dk.ligevaerd.workspace.InvitationService;
import dk.ligevaerd.workspace.WorkspaceFixture;
import dk.ligevaerd.workspace.WorkspaceService;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** "Verify history" finds exactly what was changed behind the application's back. */
@SpringBootTest(properties = {"ligevaerd.demo.enabled=false", "ligevaerd.rounds.auto-close.enabled=false",
        "spring.datasource.url=jdbc:h2:file:./target/test-db/verify-${random.uuid}"})
class HistoryVerificationIT {

    @Autowired AccountService accounts;
    @Autowired WorkspaceService workspaces;
    @Autowired InvitationService invitations;
    @Autowired CollabService collab;
    @Autowired PriorityService priorities;
    @Autowired RoundService rounds;
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

    // ---- the decision records' chain ----------------------------------------------------------

    /** Three rounds closed jointly, so the workspace holds decision records no. 1, 2 and 3. */
    private void threeRecords() {
        long priority = as(f.participant, () -> priorities.propose(f.workspaceId, "Besøg", "",
                Set.of(ValueLens.PARTICIPATION)));
        long other = as(f.otherModerator, () -> priorities.propose(f.workspaceId, "Fællesskab", "",
                Set.of(ValueLens.SHARED_VALUES)));
        for (int i = 1; i <= 3; i++) {
            String title = "Runde " + i;
            long round = as(f.owner, () -> rounds.create(f.workspaceId, RoundDraft.dots(title, List.of(priority, other),
                    10, 10, 1)));
            as(f.owner, () -> {
                rounds.open(f.workspaceId, round);
                rounds.castDots(f.workspaceId, round, Map.of(priority, 5));
                return rounds.confirmClosing(f.workspaceId, round);
            });
            as(f.otherModerator, () -> {
                rounds.castDots(f.workspaceId, round, Map.of(priority, 3));
                return rounds.confirmClosing(f.workspaceId, round);
            });
        }
        assertThat(recordCheck().intact()).isTrue();
    }

    private HistoryVerification.Result recordCheck() {
        return verify().stream().filter(r -> r.nameKey().equals("verify.check.records")).findFirst().orElseThrow();
    }

    /** The record problems as "message key: record number". */
    private List<String> recordProblems() {
        return recordCheck().problems().stream().map(p -> p.messageKey() + ": " + p.arguments().getFirst()).toList();
    }

    @Test
    void a_changed_record_is_named_by_its_number() {
        threeRecords();
        jdbc.update("update decision_record set content = replace(content, 'Runde 2', 'Runde 9') "
                + "where workspace_id = ? and seq = 2", f.workspaceId);
        assertThat(recordProblems()).containsExactly("verify.record.content_altered: 2");
        assertThat(verify()).filteredOn(r -> r.nameKey().equals("verify.check.statement"))
                .allMatch(HistoryVerification.Result::intact);
    }

    @Test
    void a_deleted_record_breaks_the_chain_at_the_record_after_it() {
        threeRecords();
        jdbc.update("delete from decision_record where workspace_id = ? and seq = 2", f.workspaceId);
        assertThat(recordProblems()).containsExactly("verify.record.sequence_broken: 3",
                "verify.record.link_broken: 3");
    }

    @Test
    void a_deleted_last_record_no_longer_matches_the_head_of_the_chain() {
        threeRecords();
        jdbc.update("delete from decision_record where workspace_id = ? and seq = 3", f.workspaceId);
        assertThat(recordProblems()).containsExactly("verify.record.head_mismatch: 2");
    }

    @Test
    void reordered_records_are_found_where_their_links_and_numbers_disagree() {
        threeRecords();
        jdbc.update("update decision_record set seq = -1 where workspace_id = ? and seq = 1", f.workspaceId);
        jdbc.update("update decision_record set seq = 1 where workspace_id = ? and seq = 2", f.workspaceId);
        jdbc.update("update decision_record set seq = 2 where workspace_id = ? and seq = -1", f.workspaceId);
        // The record now first links to the one now second, whose content still says it was first.
        assertThat(recordProblems()).containsExactly("verify.record.link_broken: 1",
                "verify.record.header_mismatch: 1", "verify.record.link_broken: 2",
                "verify.record.header_mismatch: 2", "verify.record.link_broken: 3");
    }

    @Test
    void outsiders_cannot_verify() {
        assertThat(keyOf(() -> as(f.outsider, () -> verification.verify(f.workspaceId))))
                .isEqualTo("error.notFoundOrNoAccess");
    }
}
