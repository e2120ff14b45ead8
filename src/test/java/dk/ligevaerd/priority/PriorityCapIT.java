package dk.ligevaerd.priority;

import static dk.ligevaerd.support.Acting.as;
import static dk.ligevaerd.support.Refusals.keyOf;
import static org.assertj.core.api.Assertions.assertThat;

import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.priority.domain.Priority;
import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.workspace.InvitationService;
import dk.ligevaerd.workspace.WorkspaceFixture;
import dk.ligevaerd.workspace.WorkspaceService;
import dk.ligevaerd.support.Racing;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(properties = {"ligevaerd.demo.enabled=false",
        "spring.datasource.url=jdbc:h2:file:./target/test-db/priority-cap-${random.uuid}"})
class PriorityCapIT {

    @Autowired AccountService accounts;
    @Autowired WorkspaceService workspaces;
    @Autowired InvitationService invitations;
    @Autowired PriorityService priorities;

    @Test
    void a_workspace_holds_at_most_200_priorities_withdrawn_ones_included() {
        WorkspaceFixture f = new WorkspaceFixture(accounts, workspaces, invitations);
        long first = as(f.participant, () -> priorities.propose(f.workspaceId, "Priority 1", "",
                Set.of(ValueLens.EFFICIENCY)));
        as(f.participant, () -> {
            priorities.withdraw(f.workspaceId, first);
            return null;
        });
        for (int i = 2; i <= Priority.MAX_PER_WORKSPACE; i++) {
            String title = "Priority " + i;
            as(f.participant, () -> priorities.propose(f.workspaceId, title, "", Set.of(ValueLens.EFFICIENCY)));
        }

        assertThat(keyOf(() -> as(f.otherModerator, () -> priorities.propose(f.workspaceId, "One more", "",
                Set.of(ValueLens.ADVOCACY))))).isEqualTo("error.priority.tooMany");
        assertThat(as(f.owner, () -> priorities.list(f.workspaceId))).hasSize(Priority.MAX_PER_WORKSPACE);
        DomainException refusal = new DomainException("error.priority.tooMany", Priority.MAX_PER_WORKSPACE);
        assertThat(Messages.get(Locale.ENGLISH, refusal)).contains("200 priorities");
        assertThat(Messages.get(Messages.DANISH, refusal)).contains("200 prioriteter");
    }

    /**
     * 199 stored, then 8 proposals on 8 threads at once: exactly one is stored. Before proposals
     * held the workspace's row while counting, each counted 199 and several were stored. Three
     * workspaces, since one race may happen to run in turn.
     */
    @RepeatedTest(3)
    void proposals_racing_for_the_last_place_store_exactly_one() throws Exception {
        WorkspaceFixture f = new WorkspaceFixture(accounts, workspaces, invitations);
        for (int i = 1; i < Priority.MAX_PER_WORKSPACE; i++) {
            String title = "Priority " + i;
            as(f.participant, () -> priorities.propose(f.workspaceId, title, "", Set.of(ValueLens.EFFICIENCY)));
        }
        AtomicInteger racer = new AtomicInteger();
        List<String> outcomes = Racing.race(8, () -> as(f.participant, () -> priorities.propose(f.workspaceId,
                "Racer " + racer.incrementAndGet(), "", Set.of(ValueLens.ADVOCACY))));

        assertThat(outcomes).containsOnlyOnce(Racing.STORED).containsOnly(Racing.STORED, "error.priority.tooMany");
        assertThat(as(f.owner, () -> priorities.list(f.workspaceId))).hasSize(Priority.MAX_PER_WORKSPACE);
    }
}
