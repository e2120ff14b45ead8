package dk.ligevaerd.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.ligevaerd.shared.cluster.ClusterChannel;
import dk.ligevaerd.shared.cluster.ClusterProperties;
import dk.ligevaerd.support.FakeClusterChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The bus with a channel that plays the other nodes: how it hands events to subscribers (in
 * parallel, in order, folded while a subscriber is busy), what it announces, what it makes of
 * other nodes' announcements, and that it stays on its node when it runs alone.
 */
class LiveEventBusTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    record Renamed(long workspaceId) implements WorkspaceEvent {
    }

    record Counted(long workspaceId, long roundId, int n) implements WorkspaceEvent {
        @Override
        public List<Long> eventIds() {
            return List.of(roundId);
        }
    }

    record Noted(long workspaceId, long actorId) implements RecordedEvent {
        @Override
        public Long actorSideId() {
            return null;
        }

        @Override
        public String historyKind() {
            return "test.noted";
        }

        @Override
        public String historyDetail() {
            return "";
        }
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
    void a_published_event_reaches_local_subscribers_and_is_announced_with_its_kind_and_ids_only() {
        bus.subscribe(7, seen::add);

        bus.publish(new Renamed(7));
        bus.publish(new Counted(7, 12, 1));
        bus.publish(new Noted(7, 3));

        await().atMost(WAIT).until(() -> seen.size() == 3);
        assertThat(seen).containsExactly(new Renamed(7), new Counted(7, 12, 1), new Noted(7, 3));
        assertThat(channel.sent()).containsExactly(new FakeClusterChannel.Sent("event", "7.Renamed.l"),
                new FakeClusterChannel.Sent("event", "7.Counted.l.12"),
                new FakeClusterChannel.Sent("event", "7.Noted.h"));
    }

    @Test
    void an_event_published_locally_is_not_announced() {
        bus.subscribe(7, seen::add);

        bus.publishLocally(new Renamed(7));

        await().atMost(WAIT).until(() -> !seen.isEmpty());
        assertThat(seen).containsExactly(new Renamed(7));
        assertThat(channel.sent()).isEmpty();
    }

    @Test
    void another_nodes_event_arrives_with_its_kind_and_ids_and_is_never_announced_again() {
        bus.subscribe(7, seen::add);

        channel.deliver("there", "event", "7.Counted.l.12");
        channel.deliver("there", "event", "7.Noted.h");

        await().atMost(WAIT).until(() -> seen.size() == 2);
        assertThat(seen).containsExactly(new RemoteChange(7, "Counted", List.of(12L), false),
                new RemoteChange(7, "Noted", List.of(), true));
        assertThat(seen.getFirst().is(Counted.class)).isTrue();
        assertThat(seen.getFirst().firstId()).isEqualTo(12);
        assertThat(seen.getLast().recorded()).isTrue();
        assertThat(channel.sent()).isEmpty();
    }

    @Test
    void an_announcement_in_the_older_form_stands_for_anything() {
        bus.subscribe(7, seen::add);

        channel.deliver("there", "event", "7.Renamed");

        await().atMost(WAIT).until(() -> !seen.isEmpty());
        assertThat(seen).containsExactly(new RemoteChange(7));
        assertThat(((RemoteChange) seen.getFirst()).anything()).isTrue();
    }

    @Test
    void a_burst_from_another_node_becomes_few_deliveries_and_one_after_the_last() {
        AtomicInteger latestAnnounced = new AtomicInteger();
        List<Integer> observed = new CopyOnWriteArrayList<>();
        bus.subscribe(7, e -> observed.add(latestAnnounced.get()));

        for (int i = 1; i <= 500; i++) {
            latestAnnounced.set(i);
            channel.deliver("there", "event", "7.Counted.l.12");
            if (i % 50 == 0) {
                // Paces the burst over a few refresh intervals, as ballots would arrive.
                sleep(40);
            }
        }

        await().atMost(WAIT).until(() -> !observed.isEmpty() && observed.getLast() == 500);
        assertThat(observed).hasSizeLessThan(50);
    }

    @Test
    void events_of_workspaces_nobody_here_shows_are_ignored() {
        bus.subscribe(7, seen::add);

        channel.deliver("there", "event", "8.Renamed.l");
        channel.deliver("there", "event", "7.Renamed.l");

        await().atMost(WAIT).until(() -> !seen.isEmpty());
        assertThat(seen).containsExactly(new RemoteChange(7, "Renamed", List.of(), false));
    }

    @Test
    void malformed_event_messages_are_ignored() {
        bus.subscribe(7, seen::add);

        for (String body : List.of("", "7", "7.", ".Renamed", "x.Renamed", "-7.Renamed", "0.Renamed", "7.Re:named",
                "7.Renamed.x", "7.Renamed.h.", "7.Renamed.h.a", "7.Renamed.h.0", "7.Renamed.h.1,-2",
                "7.Renamed.h.1.2", "+7.Renamed.h")) {
            channel.deliver("there", "event", body);
        }
        channel.deliver("there", "event", "7.Renamed.l");

        await().atMost(WAIT).until(() -> !seen.isEmpty());
        // Longer than one refresh interval: a malformed message taken for an event would show up here.
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> seen.size() == 1);
        assertThat(seen).containsExactly(new RemoteChange(7, "Renamed", List.of(), false));
    }

    @Test
    void after_listening_again_every_workspace_shown_here_is_read_afresh() {
        List<WorkspaceEvent> other = new CopyOnWriteArrayList<>();
        bus.subscribe(7, seen::add);
        bus.subscribe(8, other::add);

        channel.resume();

        await().atMost(WAIT).until(() -> !seen.isEmpty() && !other.isEmpty());
        assertThat(seen).containsExactly(new RemoteChange(7));
        assertThat(other).containsExactly(new RemoteChange(8));
    }

    @Test
    void publishing_waits_for_no_subscriber_and_a_stuck_subscriber_holds_up_no_other() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        bus.subscribe(7, e -> waitFor(release));
        bus.subscribe(7, seen::add);

        long start = System.nanoTime();
        bus.publish(new Renamed(7));
        long publishing = System.nanoTime() - start;

        await().atMost(WAIT).until(() -> seen.size() == 1);
        assertThat(TimeUnit.NANOSECONDS.toMillis(publishing)).isLessThan(1000);
        assertThat(bus.idle()).isFalse();
        release.countDown();
        await().atMost(WAIT).until(bus::idle);
    }

    @Test
    void what_arrives_while_a_subscriber_is_busy_comes_in_its_next_batch_in_order() throws Exception {
        List<List<WorkspaceEvent>> batches = new CopyOnWriteArrayList<>();
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        bus.follow(7, batch -> {
            batches.add(batch);
            // A page redrawing a card and pushing it to the browser: busy with its first batch
            // until the test lets it go.
            busy.countDown();
            waitFor(release);
        });

        try {
            bus.publish(new Counted(7, 12, 1));
            assertThat(busy.await(30, TimeUnit.SECONDS)).as("the first event reached the subscriber").isTrue();
            IntStream.rangeClosed(2, 40).forEach(n -> bus.publish(new Counted(7, 12, n)));
            assertThat(batches).as("nothing more is handed over while the subscriber is busy").hasSize(1);
        } finally {
            release.countDown();
        }

        await().atMost(WAIT).until(() -> bus.idle() && batches.stream().mapToInt(List::size).sum() == 40);
        // The 39 that came while it was busy come together, in the order published, none lost.
        assertThat(batches.stream().map(batch -> batch.stream().map(e -> ((Counted) e).n()).toList()).toList())
                .isEqualTo(List.of(List.of(1), IntStream.rangeClosed(2, 40).boxed().toList()));
    }

    @Test
    void a_subscription_ended_receives_nothing_more() {
        Runnable end = bus.subscribe(7, seen::add);
        end.run();

        bus.publish(new Renamed(7));

        await().during(Duration.ofMillis(200)).atMost(WAIT).until(seen::isEmpty);
    }

    @Test
    void alone_on_its_node_the_bus_announces_nothing() {
        LiveEventBus alone = new LiveEventBus(ClusterChannel.alone(), ClusterProperties.defaults());
        try {
            alone.subscribe(7, seen::add);

            alone.publish(new Renamed(7));

            await().atMost(WAIT).until(() -> !seen.isEmpty());
            assertThat(seen).containsExactly(new Renamed(7));
        } finally {
            alone.stop();
        }
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
