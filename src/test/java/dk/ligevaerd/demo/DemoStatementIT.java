package dk.ligevaerd.demo;

import static dk.ligevaerd.support.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;

import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.account.UserSummary;
import dk.ligevaerd.statement.CollabService;
import dk.ligevaerd.statement.LiveSnapshot;
import dk.ligevaerd.statement.StatementService;
import dk.ligevaerd.statement.VersionView;
import dk.ligevaerd.workspace.SideView;
import dk.ligevaerd.workspace.WorkspaceService;
import dk.ligevaerd.workspace.WorkspaceSummary;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The demo workspace's purpose statement: a draft by both sides, with two saved versions. */
@SpringBootTest(properties = {"ligevaerd.demo.enabled=true",
        "spring.datasource.url=jdbc:h2:file:./target/test-db/demo-statement-${random.uuid}"})
class DemoStatementIT {

    @Autowired AccountService accounts;
    @Autowired WorkspaceService workspaces;
    @Autowired CollabService collab;
    @Autowired StatementService statements;
    @Autowired dk.ligevaerd.suggestion.SuggestionService suggestions;

    /** A newcomer sees the flow: one suggestion accepted by both sides and in the text, one declined. */
    @Test
    void the_demo_has_one_suggestion_accepted_by_both_sides_and_one_declined() {
        UserSummary observer = accounts.findByUsername("observer1").orElseThrow();
        long ws = as(observer, () -> workspaces.mine()).stream().map(WorkspaceSummary::id).findFirst().orElseThrow();
        var all = as(observer, () -> suggestions.list(ws));

        assertThat(all).extracting(dk.ligevaerd.suggestion.SuggestionView::state).containsExactly(
                dk.ligevaerd.suggestion.SuggestionState.APPLIED, dk.ligevaerd.suggestion.SuggestionState.DECLINED);
        assertThat(as(observer, () -> collab.snapshot(ws)).text()).contains(all.get(0).newText());
        assertThat(all.get(0).acceptedSides()).hasSize(1).doesNotContain(all.get(0).proposedSide());
        assertThat(all.get(1).declineReason()).isNotBlank();
        assertThat(as(observer, () -> collab.snapshot(ws)).text()).doesNotContain(all.get(1).newText());
    }

    @Test
    void the_demo_draft_is_written_by_both_sides_with_two_saved_versions() {
        UserSummary observer = accounts.findByUsername("observer1").orElseThrow();
        long ws = as(observer, () -> workspaces.mine()).stream().map(WorkspaceSummary::id).findFirst().orElseThrow();
        List<SideView> sides = as(observer, () -> workspaces.details(ws).sides());

        LiveSnapshot statement = as(observer, () -> collab.snapshot(ws));
        List<VersionView> versions = as(observer, () -> statements.versions(ws));

        assertThat(statement.text()).startsWith("Formål").contains("ældre, der føler sig alene");
        assertThat(statement.version()).isGreaterThanOrEqualTo(6);
        assertThat(statement.shares().keySet()).containsExactlyInAnyOrder(sides.get(0).id(), sides.get(1).id());
        assertThat(versions).extracting(VersionView::name)
                .containsExactly("Udkast til styregruppemødet", "Første udkast");
        assertThat(versions.get(1).text()).doesNotContain("foreningsliv");
        assertThat(versions.get(0).text()).contains("foreningsliv");
    }
}
