package dk.ligevaerd.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** What other nodes said about presence, and how long it holds, on a clock the test moves. */
class RemotePresenceTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final List<Long> changed = new CopyOnWriteArrayList<>();
    private final AtomicInteger asked = new AtomicInteger();
    private final AtomicInteger resumed = new AtomicInteger();
    private final RemotePresence remote = new RemotePresence(Duration.ofNanos(100), now::get, changed::add,
            asked::incrementAndGet, resumed::incrementAndGet);

    @Test
    void an_arrival_shows_the_person_until_they_leave() {
        remote.received("a", "on.1.42:7");
        assertThat(remote.present(42)).containsExactly(7L);

        remote.received("a", "off.2.42:7");
        assertThat(remote.present(42)).isEmpty();
        assertThat(changed).containsExactly(42L, 42L);
    }

    @Test
    void a_person_on_two_nodes_stays_until_both_let_go() {
        remote.received("a", "on.1.42:7");
        remote.received("b", "on.1.42:7");

        remote.received("a", "off.2.42:7");
        assertThat(remote.present(42)).containsExactly(7L);
        remote.received("b", "bye.2");
        assertThat(remote.present(42)).isEmpty();
        assertThat(changed).containsExactly(42L, 42L);
    }

    @Test
    void a_node_that_stops_heart_beating_loses_its_people_at_expiry() {
        remote.received("a", "hb.1.42:7,43:8");
        now.addAndGet(60);
        remote.received("a", "hb.2.42:7");
        now.addAndGet(60);

        assertThat(remote.present(42)).containsExactly(7L);
        assertThat(remote.present(43)).isEmpty();
        remote.sweep();
        assertThat(changed).containsExactly(42L, 43L, 43L);

        now.addAndGet(60);
        remote.sweep();
        assertThat(remote.present(42)).isEmpty();
        assertThat(changed).containsExactly(42L, 43L, 43L, 42L);
    }

    @Test
    void a_farewell_forgets_only_that_nodes_people() {
        remote.received("a", "on.1.42:7");
        remote.received("b", "on.1.42:8");

        remote.received("a", "bye.2");

        assertThat(remote.present(42)).containsExactly(8L);
    }

    @Test
    void a_question_is_answered_and_a_malformed_message_changes_nothing() {
        remote.received("a", "ask.1");
        remote.received("a", "on.1.42");
        remote.received("a", "hb.1.42:7,,");

        assertThat(asked).hasValue(1);
        assertThat(remote.present(42)).isEmpty();
        assertThat(changed).isEmpty();
    }
}
