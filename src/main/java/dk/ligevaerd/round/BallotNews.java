package dk.ligevaerd.round;

import dk.ligevaerd.round.RoundEvents.BallotCountChanged;
import dk.ligevaerd.shared.LiveEventBus;
import jakarta.annotation.PreDestroy;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells open views that a round's ballot count changed, after the ballot committed, from a thread
 * of its own, and at most once per round at a time.
 *
 * <p>Why not publish on the voter's thread like other events: the live-event bus calls every open
 * page of the workspace on the publishing thread, and Vaadin then refreshes each page right there
 * if it can take that page's lock. A voter's click would wait for every open page to redraw, and
 * a thousand ballots a second would redraw every page a thousand times. Here the voter returns
 * at once, and ballots that arrive while the pages are still being told about earlier ones are
 * folded into one notice: each page reads the current count anyway.
 */
@Component
class BallotNews {

    private final LiveEventBus bus;
    private final ExecutorService delivery = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "round-ballot-news");
        thread.setDaemon(true);
        return thread;
    });
    /** Rounds with a notice waiting to go out. */
    private final Set<Long> pending = ConcurrentHashMap.newKeySet();

    BallotNews(LiveEventBus bus) {
        this.bus = bus;
    }

    /** Called inside the ballot's transaction; the notice goes out only if it commits. */
    void ballotCast(long workspaceId, long roundId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            announce(workspaceId, roundId);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                announce(workspaceId, roundId);
            }
        });
    }

    private void announce(long workspaceId, long roundId) {
        if (pending.add(roundId)) {
            delivery.execute(() -> {
                // Removed before publishing, so a ballot committed meanwhile sends one more notice.
                pending.remove(roundId);
                bus.publish(new BallotCountChanged(workspaceId, roundId));
            });
        }
    }

    @PreDestroy
    void stop() {
        delivery.shutdownNow();
    }
}
