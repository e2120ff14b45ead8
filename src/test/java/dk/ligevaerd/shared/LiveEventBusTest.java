package dk.ligevaerd.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.ligevaerd.shared.cluster.ClusterChannel;
import dk.ligevaerd.shared.cluster.ClusterProperties;
import dk.ligevaerd.support.FakeClusterChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The bus with a channel that plays the other nodes: what it announces, what it makes of their
 * announcements, and that it stays on its node when it runs alone.
 */
class LiveEventBusTest {

    record Renamed(long workspaceId) implements WorkspaceEvent {
    }

    private final FakeClusterChannel channel = new FakeClusterChannel("here");
    private final LiveEventBus bus = new LiveEventBus(channel, properties(Duration.ofMillis(200)));
    private final List<WorkspaceEvent> seen = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        bus.stop();
    }

    private static ClusterProperties properties(Duration refresh) {
        ClusterProperties d = ClusterProperties.defaults();
        return new ClusterProperties(true, d.channel(), null, refresh, d.reconnectMinDelay(), d.reconnectMaxDelay(),
                d.healthCheckInterval(), null);
    }

    @Test
    void a_published_event_reaches_local_subscribers_and_is_announced_with_ids_only() {
        bus.subscribe(7, seen::add);

        bus.publish(new Renamed(7));

        assertThat(seen).containsExactly(new Renamed(7));
        assertThat(channel.sent()).containsExactly(new FakeClusterChannel.Sent("event", "7.Renamed"));
    }

    @Test
    void an_event_published_locally_is_not_announced() {
        bus.subscribe(7, seen::add);

        bus.publishLocally(new Renamed(7));

        assertThat(seen).containsExactly(new Renamed(7));
        assertThat(channel.sent()).isEmpty();
    }

    @Test
    void another_nodes_event_arrives_as_a_remote_change_and_is_never_announced_again() {
        bus.subscribe(7, seen::add);

        channel.deliver("there", "event", "7.Renamed");

        await().atMost(Duration.ofSeconds(5)).until(() -> !seen.isEmpty());
        assertThat(seen).containsExactly(new RemoteChange(7));
        assertThat(channel.sent()).isEmpty();
    }

    @Test
    void a_burst_from_another_node_becomes_few_refreshes_and_one_after_the_last() {
        AtomicInteger latestAnnounced = new AtomicInteger();
        List<Integer> observed = new CopyOnWriteArrayList<>();
        bus.subscribe(7, e -> observed.add(latestAnnounced.get()));

        for (int i = 1; i <= 500; i++) {
            latestAnnounced.set(i);
            channel.deliver("there", "event", "7.BallotCountChanged");
            if (i % 50 == 0) {
                // Paces the burst over a few refresh intervals, as ballots would arrive.
                sleep(40);
            }
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> !observed.isEmpty() && observed.getLast() == 500);
        assertThat(observed).hasSizeLessThan(50);
    }

    @Test
    void events_of_workspaces_nobody_here_shows_are_ignored() {
        bus.subscribe(7, seen::add);

        channel.deliver("there", "event", "8.Renamed");
        channel.deliver("there", "event", "7.Renamed");

        await().atMost(Duration.ofSeconds(5)).until(() -> !seen.isEmpty());
        assertThat(seen).containsExactly(new RemoteChange(7));
    }

    @Test
    void malformed_event_messages_are_ignored() {
        bus.subscribe(7, seen::add);

        for (String body : List.of("", "7", "7.", ".Renamed", "x.Renamed", "-7.Renamed", "0.Renamed", "7.Re:named")) {
            channel.deliver("there", "event", body);
        }
        channel.deliver("there", "event", "7.Renamed");

        await().atMost(Duration.ofSeconds(5)).until(() -> !seen.isEmpty());
        // Longer than one refresh interval: a malformed message taken for an event would show up here.
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> seen.size() == 1);
        assertThat(seen).containsExactly(new RemoteChange(7));
    }

    @Test
    void after_listening_again_every_workspace_shown_here_is_read_afresh() {
        List<WorkspaceEvent> other = new CopyOnWriteArrayList<>();
        bus.subscribe(7, seen::add);
        bus.subscribe(8, other::add);

        channel.resume();

        await().atMost(Duration.ofSeconds(5)).until(() -> !seen.isEmpty() && !other.isEmpty());
        assertThat(seen).containsExactly(new RemoteChange(7));
        assertThat(other).containsExactly(new RemoteChange(8));
    }

    @Test
    void alone_on_its_node_the_bus_announces_nothing_and_starts_no_thread() {
        LiveEventBus alone = new LiveEventBus(ClusterChannel.alone(), ClusterProperties.defaults());
        alone.subscribe(7, seen::add);
        int threads = Thread.activeCount();

        alone.publish(new Renamed(7));

        assertThat(seen).containsExactly(new Renamed(7));
        assertThat(Thread.activeCount()).isLessThanOrEqualTo(threads);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
