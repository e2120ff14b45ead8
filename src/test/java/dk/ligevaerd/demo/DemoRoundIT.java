package dk.ligevaerd.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.account.UserSummary;
import dk.ligevaerd.priority.PriorityService;
import dk.ligevaerd.priority.PriorityState;
import dk.ligevaerd.priority.PriorityView;
import dk.ligevaerd.round.RecordView;
import dk.ligevaerd.round.RoundService;
import dk.ligevaerd.round.RoundState;
import dk.ligevaerd.round.RoundView;
import dk.ligevaerd.support.Acting;
import dk.ligevaerd.workspace.WorkspaceService;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The demo's closed round is one where equal weight and head count disagree, as the README promises. */
@SpringBootTest(properties = {"ligevaerd.demo.enabled=true", "ligevaerd.rounds.auto-close.enabled=false",
        "spring.datasource.url=jdbc:h2:file:./target/test-db/demo-round-${random.uuid}"})
class DemoRoundIT {

    @Autowired AccountService accounts;
    @Autowired WorkspaceService workspaces;
    @Autowired RoundService rounds;
    @Autowired PriorityService priorities;

    @Test
    void the_demo_has_one_closed_round_whose_parity_and_head_count_results_differ() {
        UserSummary observer = accounts.findByUsername("observer1").orElseThrow();
        long workspaceId = Acting.as(observer, () -> workspaces.mine().getFirst().id());
        List<RoundView> all = Acting.as(observer, () -> rounds.list(workspaceId));
        assertThat(all).singleElement().satisfies(r -> {
            assertThat(r.title()).isEqualTo(DemoRound.TITLE);
            assertThat(r.state()).isEqualTo(RoundState.CLOSED);
        });
        RecordView record = Acting.as(observer, () -> rounds.record(workspaceId, all.getFirst().id())).orElseThrow();
        assertThat(record.outcome()).isEqualTo(RecordView.Outcome.DECIDED);
        assertThat(record.headCountDiffers()).isTrue();
        assertThat(record.closedHow()).isEqualTo(RecordView.ClosedHow.JOINT);
        assertThat(record.sides()).extracting(RecordView.SideResult::ballots).containsExactly(3, 2);
        RecordView.PrioritizeRecord result = record.prioritize();
        assertThat(result.options().getFirst().title()).isEqualTo("De ældre er med til at forme tilbuddet");
        assertThat(result.byHeadCount().getFirst().title()).isEqualTo("Én indgang for henvisning og koordinering");
        List<PriorityView> adopted = Acting.as(observer, () -> priorities.list(workspaceId)).stream()
                .filter(p -> p.state() == PriorityState.ADOPTED).toList();
        assertThat(adopted).extracting(PriorityView::title).containsExactlyInAnyOrder(
                "De ældre er med til at forme tilbuddet", "Én indgang for henvisning og koordinering");
        assertThat(Acting.as(observer, () -> rounds.verifyChain(workspaceId)).intact()).isTrue();
    }
}
