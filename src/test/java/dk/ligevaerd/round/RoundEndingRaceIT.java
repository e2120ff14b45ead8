package dk.ligevaerd.round;

import static dk.ligevaerd.support.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;

import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.priority.PriorityService;
import dk.ligevaerd.priority.PriorityView;
import dk.ligevaerd.priority.ValueLens;
import dk.ligevaerd.workspace.InvitationService;
import dk.ligevaerd.workspace.WorkspaceFixture;
import dk.ligevaerd.workspace.WorkspaceService;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Two open rounds share a priority and end at the same instant, on two real threads: cancelled
 * both, or one cancelled while the other closes without a decision. Whatever the interleaving,
 * the shared priority must be free afterwards: neither ending may take the other round for still
 * open. (Before rounds took turns ending, each saw the other open and the priority stayed locked
 * for good.)
 */
@SpringBootTest(properties = {"ligevaerd.demo.enabled=false", "ligevaerd.rounds.auto-close.enabled=false",
        "spring.datasource.url=jdbc:h2:file:./target/test-db/round-ending-race-${random.uuid}"})
class RoundEndingRaceIT {

    private static final int ROUNDS_OF_RACING = 15;

    @Autowired AccountService accounts;
    @Autowired WorkspaceService workspaces;
    @Autowired InvitationService invitations;
    @Autowired PriorityService priorities;
    @Autowired RoundService rounds;

    @Test
    void two_rounds_sharing_a_priority_cancelled_at_the_same_instant_free_it() throws Exception {
        race(false);
    }

    @Test
    void a_round_cancelled_while_another_sharing_its_priority_closes_undecided_frees_it() throws Exception {
        race(true);
    }

    private void race(boolean secondCloses) throws Exception {
        WorkspaceFixture f = new WorkspaceFixture(accounts, workspaces, invitations);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < ROUNDS_OF_RACING; i++) {
                long shared = propose(f, "Shared " + i);
                long one = open(f, List.of(shared, propose(f, "First only " + i)));
                long two = open(f, List.of(shared, propose(f, "Second only " + i)));
                // The municipal side has asked already (or confirmed); the civil side's action ends each round.
                as(f.owner, () -> rounds.cancel(f.workspaceId, one, "Duplicate"));
                if (secondCloses) {
                    as(f.owner, () -> rounds.confirmClosing(f.workspaceId, two));
                } else {
                    as(f.owner, () -> rounds.cancel(f.workspaceId, two, "Start over"));
                }
                CyclicBarrier together = new CyclicBarrier(2);
                List<Callable<Boolean>> endings = List.of(
                        () -> {
                            together.await(10, TimeUnit.SECONDS);
                            return as(f.otherModerator, () -> rounds.cancel(f.workspaceId, one, "Agreed"));
                        },
                        () -> {
                            together.await(10, TimeUnit.SECONDS);
                            return secondCloses
                                    ? as(f.otherModerator, () -> rounds.confirmClosing(f.workspaceId, two))
                                    : as(f.otherModerator, () -> rounds.cancel(f.workspaceId, two, "Agreed"));
                        });
                List<Future<Boolean>> done = new ArrayList<>();
                endings.forEach(ending -> done.add(threads.submit(ending)));
                for (Future<Boolean> ending : done) {
                    assertThat(ending.get(30, TimeUnit.SECONDS)).isTrue();
                }
                PriorityView after = as(f.owner, () -> priorities.list(f.workspaceId)).stream()
                        .filter(p -> p.id() == shared).findFirst().orElseThrow();
                assertThat(after.inRound()).as("race %d: the shared priority is free again", i).isFalse();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private long propose(WorkspaceFixture f, String title) {
        return as(f.owner, () -> priorities.propose(f.workspaceId, title, "", Set.of(ValueLens.PARTICIPATION)));
    }

    private long open(WorkspaceFixture f, List<Long> options) {
        long id = as(f.owner, () -> rounds.create(f.workspaceId, RoundDraft.dots("Race", options, 10, 5, 1)));
        as(f.owner, () -> {
            rounds.open(f.workspaceId, id);
            return null;
        });
        return id;
    }
}
