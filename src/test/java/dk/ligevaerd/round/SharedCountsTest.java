package dk.ligevaerd.round;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The counts that every open page asks for after a ballot: read once for all the pages that ask
 * at the same moment, on real threads, and read again after the next ballot commits here.
 */
class SharedCountsTest {

    private static final long ROUND = 7;
    private static final long WORKSPACE = 3;

    private final OpenRounds open = new OpenRounds(null);

    @Test
    void eighty_pages_asking_at_once_after_a_ballot_share_one_read_and_all_see_it() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch asked = new CountDownLatch(80);
        try (ExecutorService pages = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<LiveCounts>> seen = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                seen.add(pages.submit(() -> {
                    asked.countDown();
                    return open.counts(ROUND, WORKSPACE, true, () -> {
                        reads.incrementAndGet();
                        try {
                            // The one read lasts until every page has asked.
                            reading.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return counts(1);
                    });
                }));
            }
            asked.await();
            reading.countDown();
            for (Future<LiveCounts> page : seen) {
                assertThat(page.get().ballots(1)).isEqualTo(1);
            }
        }
        assertThat(reads).hasValue(1);
    }

    @Test
    void a_ballot_committed_here_makes_the_next_page_read_again_and_news_from_another_node_is_always_read() {
        assertThat(open.counts(ROUND, WORKSPACE, true, () -> counts(1)).ballots(1)).isEqualTo(1);
        assertThat(open.counts(ROUND, WORKSPACE, true, () -> counts(99)).ballots(1)).as("nothing new committed")
                .isEqualTo(1);

        open.ballotCommitted(ROUND);

        assertThat(open.counts(ROUND, WORKSPACE, true, () -> counts(2)).ballots(1)).isEqualTo(2);
        assertThat(open.counts(ROUND, WORKSPACE, true, () -> counts(99)).ballots(1)).isEqualTo(2);
        assertThat(open.counts(ROUND, WORKSPACE, false, () -> counts(3)).ballots(1)).as("news from another node")
                .isEqualTo(3);
    }

    private static LiveCounts counts(int ballots) {
        return new LiveCounts(ROUND, Map.of(1L, ballots), ballots, null, null, List.of());
    }
}
