package dk.ligevaerd.insight;

import static dk.ligevaerd.support.Acting.as;
import static dk.ligevaerd.support.Refusals.keyOf;
import static org.assertj.core.api.Assertions.assertThat;

import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.insight.metrics.Measure;
import dk.ligevaerd.priority.PriorityService;
import dk.ligevaerd.priority.ValueLens;
import dk.ligevaerd.shared.ui.Formats;
import dk.ligevaerd.workspace.InvitationService;
import dk.ligevaerd.workspace.WorkspaceFixture;
import dk.ligevaerd.workspace.WorkspaceService;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The equality report on a constructed workspace, expected shares worked out by hand. */
@SpringBootTest(properties = {"ligevaerd.demo.enabled=false",
        "spring.datasource.url=jdbc:h2:file:./target/test-db/insight-${random.uuid}"})
class InsightServiceIT {

    @Autowired AccountService accounts;
    @Autowired WorkspaceService workspaces;
    @Autowired InvitationService invitations;
    @Autowired dk.ligevaerd.workspace.GovernanceService governance;
    @Autowired PriorityService priorities;
    @Autowired InsightService insight;

    WorkspaceFixture f;
    long borgere;

    @BeforeEach
    void threeSidesOneSilent() {
        f = new WorkspaceFixture(accounts, workspaces, invitations);
        borgere = f.addSide(governance, workspaces, "Borgere", "#1E7A4C");
        long a = as(f.participant, () -> priorities.propose(f.workspaceId, "A", "", Set.of(ValueLens.EFFICIENCY)));
        long b = as(f.participant, () -> priorities.propose(f.workspaceId, "B", "", Set.of(ValueLens.SERVICE_QUALITY)));
        as(f.owner, () -> priorities.propose(f.workspaceId, "C", "", Set.of(ValueLens.EFFICIENCY)));
        as(f.otherModerator, () -> priorities.propose(f.workspaceId, "D", "", Set.of(ValueLens.PARTICIPATION)));
        as(f.otherModerator, () -> {
            priorities.merge(f.workspaceId, a, b);
            return null;
        });
    }

    private Measure measure(EqualityReport report, String key) {
        return report.measures().stream().filter(m -> m.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void shares_count_every_side_including_one_that_did_nothing() {
        EqualityReport report = as(f.observer, () -> insight.report(f.workspaceId, null, null, Formats.ZONE));
        assertThat(report.sides()).containsExactly(f.municipalSideId, f.civilSideId, borgere);

        // Proposed: Kommune 3 (A, B, C), Civilsamfund 1 (D), Borgere 0; 3 of 4 = 75 %.
        Measure proposed = measure(report, "proposed");
        assertThat(proposed.counts()).containsExactly(
                java.util.Map.entry(f.municipalSideId, 3L), java.util.Map.entry(f.civilSideId, 1L),
                java.util.Map.entry(borgere, 0L));
        assertThat(proposed.share(f.municipalSideId)).isEqualTo(0.75);
        // Three sides: dominance above twice the equal share, 3·3 = 9 > 2·4 = 8.
        assertThat(proposed.dominantSide()).contains(f.municipalSideId);

        // Moderation: the one merge, by the civil moderator: 1 of 1.
        assertThat(measure(report, "moderation").counts().get(f.civilSideId)).isEqualTo(1L);
        assertThat(measure(report, "moderation").dominantSide()).contains(f.civilSideId);

        // Headcount: owner and participant on Kommune, the moderator on Civilsamfund; the observer has no side.
        assertThat(measure(report, "members").counts().values()).containsExactly(2L, 1L, 0L);
        assertThat(report.warnings()).extracting(Measure::key).containsExactlyInAnyOrder("proposed", "moderation");
    }

    @Test
    void lens_balance_counts_the_priorities_still_on_the_table() {
        EqualityReport report = as(f.participant, () -> insight.report(f.workspaceId, null, null, Formats.ZONE));
        // On the table: B (service quality + efficiency from the merged A), C (efficiency), D (participation).
        assertThat(report.proposedLenses().publicValue()).isEqualTo(3);
        assertThat(report.proposedLenses().civilValue()).isEqualTo(1);
        assertThat(report.proposedLenses().publicDominates()).isTrue();
        assertThat(report.adoptedLenses().total()).isZero();
    }

    @Test
    void a_member_of_another_workspace_sees_nothing() {
        assertThat(keyOf(() -> as(f.otherWorkspaceOwner, () -> insight.report(f.workspaceId, null, null,
                Formats.ZONE)))).isEqualTo("error.notFoundOrNoAccess");
    }
}
