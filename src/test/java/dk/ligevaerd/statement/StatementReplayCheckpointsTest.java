package dk.ligevaerd.statement;

import static org.assertj.core.api.Assertions.assertThat;

import dk.ligevaerd.statement.collab.Author;
import dk.ligevaerd.statement.collab.Authorship;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The replay's checkpoints: gapless, found from any version, and bounded in memory. */
class StatementReplayCheckpointsTest {

    private static final String HUNDRED = "x".repeat(100);
    private static final List<Authorship.Span> ONE_SPAN = List.of(new Authorship.Span(0, 100, new Author(1, 2)));
    /** What one checkpoint of {@link #HUNDRED} with one span costs. */
    private static final long COST = 100 + 2 * ReplayCheckpoints.SPAN_COST;

    private static void offer(ReplayCheckpoints checkpoints, long statement, int version) {
        checkpoints.offer(statement, version, HUNDRED, ONE_SPAN);
    }

    @Test
    void checkpoints_are_kept_only_in_order_and_at_their_interval() {
        ReplayCheckpoints checkpoints = new ReplayCheckpoints(4, 1_000_000);

        offer(checkpoints, 1, 3);
        offer(checkpoints, 1, 8);
        assertThat(checkpoints.versions(1)).isEmpty();
        offer(checkpoints, 1, 4);
        offer(checkpoints, 1, 8);
        offer(checkpoints, 1, 8);
        offer(checkpoints, 1, 16);

        assertThat(checkpoints.versions(1)).containsExactly(4, 8);
        assertThat(checkpoints.used()).isEqualTo(2 * COST);
    }

    @Test
    void the_checkpoint_before_a_version_is_the_latest_one_strictly_before_it() {
        ReplayCheckpoints checkpoints = new ReplayCheckpoints(4, 1_000_000);
        for (int v = 4; v <= 12; v += 4) {
            offer(checkpoints, 1, v);
        }

        assertThat(checkpoints.before(1, 1)).isNull();
        assertThat(checkpoints.before(1, 4)).isNull();
        assertThat(checkpoints.before(1, 5).version()).isEqualTo(4);
        assertThat(checkpoints.before(1, 8).version()).isEqualTo(4);
        assertThat(checkpoints.before(1, 9).version()).isEqualTo(8);
        assertThat(checkpoints.before(1, 1_000).version()).isEqualTo(12);
        assertThat(checkpoints.before(2, 1_000)).isNull();
    }

    @Test
    void a_statement_that_outgrows_its_share_keeps_every_second_checkpoint() {
        // A quarter of the budget per statement: room for six checkpoints, not seven.
        ReplayCheckpoints checkpoints = new ReplayCheckpoints(4, 4 * 6 * COST + 3);
        for (int v = 4; v <= 28; v += 4) {
            offer(checkpoints, 1, v);
        }

        assertThat(checkpoints.versions(1)).containsExactly(8, 16, 24);
        assertThat(checkpoints.used()).isEqualTo(3 * COST);
        assertThat(checkpoints.before(1, 23).version()).isEqualTo(16);

        offer(checkpoints, 1, 28);
        offer(checkpoints, 1, 32);
        assertThat(checkpoints.versions(1)).containsExactly(8, 16, 24, 32);
    }

    @Test
    void the_statement_replayed_longest_ago_is_forgotten_first_when_the_budget_is_spent() {
        ReplayCheckpoints checkpoints = new ReplayCheckpoints(4, 4 * COST);
        offer(checkpoints, 1, 4);
        offer(checkpoints, 2, 4);
        offer(checkpoints, 3, 4);
        offer(checkpoints, 4, 4);
        checkpoints.before(1, 100);

        offer(checkpoints, 5, 4);

        assertThat(checkpoints.versions(1)).containsExactly(4);
        assertThat(checkpoints.versions(2)).isEmpty();
        assertThat(checkpoints.versions(5)).containsExactly(4);
        assertThat(checkpoints.used()).isLessThanOrEqualTo(4 * COST);
    }

    @Test
    void checkpoints_beyond_the_stored_history_are_forgotten() {
        ReplayCheckpoints checkpoints = new ReplayCheckpoints(4, 1_000_000);
        offer(checkpoints, 1, 4);
        offer(checkpoints, 1, 8);

        checkpoints.forgetBeyond(1, 8);
        assertThat(checkpoints.versions(1)).containsExactly(4, 8);
        checkpoints.forgetBeyond(1, 7);
        assertThat(checkpoints.versions(1)).isEmpty();
        assertThat(checkpoints.used()).isZero();
    }
}
