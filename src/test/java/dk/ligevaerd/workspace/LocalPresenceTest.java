package dk.ligevaerd.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dk.ligevaerd.workspace.PresenceMessage.Key;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Presence on this node follows the open pages, on a clock the test moves. */
class LocalPresenceTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final List<Map.Entry<Key, Boolean>> announced = new CopyOnWriteArrayList<>();
    private final LocalPresence local = new LocalPresence(Duration.ofNanos(100), now::get,
            (key, present) -> announced.add(Map.entry(key, present)));

    @Test
    void a_page_counts_once_seen_and_not_after_it_left() {
        LocalPresence.Visit page = local.open(42, 7);
        assertThat(local.present(42)).isEmpty();

        assertThat(page.seen()).containsExactly(42L);
        assertThat(local.present(42)).containsExactly(7L);

        assertThat(page.leave()).containsExactly(42L);
        assertThat(local.present(42)).isEmpty();
        assertThat(page.seen()).isEmpty();
        assertThat(page.leave()).isEmpty();
        assertThat(local.present(42)).isEmpty();
        assertThat(announced).containsExactly(Map.entry(new Key(42, 7), true), Map.entry(new Key(42, 7), false));
    }

    @Test
    void a_person_with_two_pages_stays_until_neither_counts() {
        LocalPresence.Visit first = local.open(42, 7);
        LocalPresence.Visit second = local.open(42, 7);
        first.seen();
        assertThat(second.seen()).isEmpty();

        assertThat(first.away()).isEmpty();
        assertThat(local.present(42)).containsExactly(7L);
        assertThat(second.leave()).containsExactly(42L);
        assertThat(local.present(42)).isEmpty();

        assertThat(first.seen()).containsExactly(42L);
        assertThat(local.present(42)).containsExactly(7L);
    }

    @Test
    void a_page_that_went_away_counts_again_when_seen_again() {
        LocalPresence.Visit page = local.open(42, 7);
        page.seen();

        assertThat(page.away()).containsExactly(42L);
        assertThat(page.away()).isEmpty();
        assertThat(local.present(42)).isEmpty();

        assertThat(page.seen()).containsExactly(42L);
        assertThat(local.present(42)).containsExactly(7L);
    }

    @Test
    void a_silent_page_stops_counting_after_the_timeout_and_counts_again_at_its_next_sign_of_life() {
        LocalPresence.Visit silent = local.open(42, 7);
        LocalPresence.Visit alive = local.open(42, 8);
        silent.seen();
        alive.seen();

        now.addAndGet(60);
        alive.seen();
        assertThat(local.sweep()).isEmpty();
        now.addAndGet(60);
        assertThat(local.sweep()).containsExactly(42L);
        assertThat(local.present(42)).containsExactly(8L);
        assertThat(local.sweep()).isEmpty();

        assertThat(silent.seen()).containsExactly(42L);
        assertThat(local.present(42)).containsExactlyInAnyOrder(7L, 8L);
    }

    @Test
    void everyone_present_is_handed_over_by_workspace_and_user() {
        local.open(42, 7).seen();
        local.open(43, 7).seen();
        local.open(43, 9).seen();
        local.open(44, 1);

        List<List<Key>> handed = new CopyOnWriteArrayList<>();
        local.everyone(handed::add);

        assertThat(handed).hasSize(1);
        assertThat(handed.getFirst()).containsExactlyInAnyOrder(new Key(42, 7), new Key(43, 7), new Key(43, 9));
    }
}
