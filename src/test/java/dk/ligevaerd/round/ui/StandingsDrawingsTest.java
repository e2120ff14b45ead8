package dk.ligevaerd.round.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dk.ligevaerd.round.DecisionRule;
import dk.ligevaerd.round.RoundKind;
import dk.ligevaerd.round.RoundState;
import dk.ligevaerd.round.RoundView;
import dk.ligevaerd.shared.ui.Sketch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class StandingsDrawingsTest {

    /** An open round whose standings differ by its ballot revision (as after each ballot). */
    private static RoundView round(long revision) {
        return new RoundView(7, "Hvad først?", RoundKind.PRIORITIZE, null, DecisionRule.SIDE_PARITY, 5, 4, 2, 1, true,
                false, null, RoundState.OPEN, List.of(), null, null, null, List.of(), false, List.of(), 1,
                Instant.EPOCH, Instant.EPOCH, null, null, null, null, null, null, false, revision, null, List.of(),
                List.of(), List.of(), Map.of(), false, List.of());
    }

    private final List<Long> drawn = new ArrayList<>();
    private final Function<RoundView, Sketch> draw = r -> {
        drawn.add(r.ballotRevision());
        return new Sketch("p", null, Map.of(), Map.of(), List.of(new Sketch(null, "revision " + r.ballotRevision(),
                Map.of(), Map.of(), List.of())));
    };

    @Test
    void pages_that_take_in_a_burst_at_different_ballots_get_each_version_drawn_once() {
        StandingsDrawings drawings = new StandingsDrawings();

        // Pages folding a burst differently ask for the 3rd and the 4th ballot in turn.
        for (int page = 0; page < 6; page++) {
            Sketch sketch = drawings.of(round(3 + page % 2), Locale.ENGLISH, draw);
            assertThat(sketch.children().getFirst().text()).isEqualTo("revision " + (3 + page % 2));
        }

        assertThat(drawn).containsExactly(3L, 4L);
    }

    @Test
    void only_the_latest_few_versions_of_a_round_are_kept_and_a_language_is_drawn_on_its_own() {
        StandingsDrawings drawings = new StandingsDrawings();
        for (long revision = 1; revision <= StandingsDrawings.VERSIONS + 2; revision++) {
            drawings.of(round(revision), Locale.ENGLISH, draw);
        }
        drawings.of(round(1), Locale.of("da"), draw);

        assertThat(drawings.kept()).isEqualTo(StandingsDrawings.VERSIONS + 1);
        drawn.clear();
        drawings.of(round(1), Locale.ENGLISH, draw);
        drawings.of(round(StandingsDrawings.VERSIONS + 2), Locale.ENGLISH, draw);
        assertThat(drawn).as("the oldest was let go, the newest kept").containsExactly(1L);

        drawings.forget(7);
        assertThat(drawings.kept()).isZero();
    }

    @Test
    void pages_asking_at_once_wait_for_one_drawing_and_a_failed_drawing_is_drawn_afresh_next_time() throws Exception {
        StandingsDrawings drawings = new StandingsDrawings();
        java.util.concurrent.CountDownLatch drawing = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger draws = new java.util.concurrent.atomic.AtomicInteger();
        Function<RoundView, Sketch> slow = r -> {
            draws.incrementAndGet();
            drawing.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return draw.apply(r);
        };
        try (var pages = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            var first = pages.submit(() -> drawings.of(round(5), Locale.ENGLISH, slow));
            drawing.await();
            List<java.util.concurrent.Future<Sketch>> others = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                others.add(pages.submit(() -> drawings.of(round(5), Locale.ENGLISH, slow)));
            }
            release.countDown();
            Sketch sketch = first.get();
            for (var other : others) {
                assertThat(other.get()).isSameAs(sketch);
            }
        }
        assertThat(draws).hasValue(1);

        Function<RoundView, Sketch> failing = r -> {
            throw new IllegalStateException("drawing failed");
        };
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> drawings.of(round(6), Locale.ENGLISH, failing))
                .hasMessage("drawing failed");
        assertThat(drawings.of(round(6), Locale.ENGLISH, draw).children().getFirst().text()).isEqualTo("revision 6");
    }
}
