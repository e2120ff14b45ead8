package dk.ligevaerd.round;

import static dk.ligevaerd.support.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;

import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.priority.PriorityService;
import dk.ligevaerd.priority.ValueLens;
import dk.ligevaerd.round.RoundEvents.VotingEnded;
import dk.ligevaerd.shared.LiveEventBus;
import dk.ligevaerd.support.MutableClock;
import dk.ligevaerd.support.TestClockConfig;
import dk.ligevaerd.workspace.InvitationService;
import dk.ligevaerd.workspace.WorkspaceFixture;
import dk.ligevaerd.workspace.WorkspaceService;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The timer itself: with nobody calling, a round whose closing time has passed stops taking
 * ballots; with joint closing it then closes when every side has confirmed.
 */
@SpringBootTest(properties = {"ligevaerd.demo.enabled=false", "ligevaerd.rounds.auto-close.interval=PT0.1S",
        "spring.datasource.url=jdbc:h2:file:./target/test-db/round-timer-${random.uuid}"})
@Import(TestClockConfig.class)
class AutoCloseScheduleIT {

    @Autowired AccountService accounts;
    @Autowired WorkspaceService workspaces;
    @Autowired InvitationService invitations;
    @Autowired PriorityService priorities;
    @Autowired RoundService rounds;
    @Autowired LiveEventBus bus;
    @Autowired MutableClock clock;

    @Test
    void a_round_past_its_closing_time_ends_voting_by_itself() throws Exception {
        WorkspaceFixture f = new WorkspaceFixture(accounts, workspaces, invitations);
        long a = as(f.owner, () -> priorities.propose(f.workspaceId, "A", "", Set.of(ValueLens.EFFICIENCY)));
        long b = as(f.owner, () -> priorities.propose(f.workspaceId, "B", "", Set.of(ValueLens.ADVOCACY)));
        long id = as(f.owner, () -> rounds.create(f.workspaceId, RoundDraft.dots("Timed", List.of(a, b), 10, 5, 1)
                .withClosesAt(clock.instant().plus(Duration.ofHours(1)))));
        as(f.owner, () -> {
            rounds.open(f.workspaceId, id);
            return null;
        });
        CountDownLatch closed = new CountDownLatch(1);
        Runnable stop = bus.subscribe(f.workspaceId, event -> {
            if (event instanceof VotingEnded done && done.roundId() == id) {
                closed.countDown();
            }
        });
        try {
            clock.advance(Duration.ofHours(2));
            assertThat(closed.await(20, TimeUnit.SECONDS)).isTrue();
        } finally {
            stop.run();
        }
        assertThat(as(f.observer, () -> rounds.get(f.workspaceId, id)).votingEnded()).isTrue();
        as(f.owner, () -> rounds.confirmClosing(f.workspaceId, id));
        as(f.otherModerator, () -> rounds.confirmClosing(f.workspaceId, id));
        RecordView record = as(f.observer, () -> rounds.record(f.workspaceId, id)).orElseThrow();
        assertThat(record.closedHow()).isEqualTo(RecordView.ClosedHow.JOINT);
        assertThat(record.outcome()).isEqualTo(RecordView.Outcome.NO_DECISION);
    }
}
