package dk.ligevaerd.shared;

import dk.ligevaerd.shared.cluster.ClusterChannel;
import dk.ligevaerd.shared.cluster.ClusterProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Carries workspace events to the open views of that workspace. Domain events reach it only after
 * their transaction committed, so a view never shows something that was rolled back.
 *
 * <p>Each subscriber has a mailbox of its own, emptied on a virtual thread: publishing never waits
 * for a subscriber, subscribers are served in parallel, and each gets its events in order, never
 * two deliveries at once. Events that arrive while a subscriber is still busy with earlier ones
 * are handed over together in its next delivery, so a page that needs 50 ms to redraw sees a burst
 * of 40 ballots as a few batches, not 40 redraws ({@link #follow}).
 *
 * <p>With several application nodes on one PostgreSQL database, every event published here is
 * also announced to the other nodes: workspace id, kind of event, whether it is recorded, and its
 * ids, nothing else. What the other nodes announce reaches this node's subscribers as a
 * {@link RemoteChange} of the same kind and ids, so pages update the same parts as for a local
 * event; identical announcements are folded to at most one every
 * {@code ligevaerd.cluster.refresh-interval}, and always one after the last of them. When the node
 * listens again after losing its connection, every workspace with subscribers gets a
 * {@link RemoteChange} that stands for anything, since what was announced meanwhile is lost. Alone
 * on a node (an embedded database) none of this runs.
 */
@Component
public class LiveEventBus {

    static final String TOPIC = "event";

    private static final Logger log = LoggerFactory.getLogger(LiveEventBus.class);
    private static final Pattern NOT_A_KIND = Pattern.compile("[^A-Za-z0-9]");

    private final Map<Long, Set<Mailbox>> subscribers = new ConcurrentHashMap<>();
    private final ExecutorService delivery = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("live-delivery-", 0).factory());
    /** Mailboxes with a delivery under way; zero when everything published has been handed over. */
    private final AtomicInteger busy = new AtomicInteger();
    private final ClusterChannel cluster;
    private final @Nullable Remote remote;

    /**
     * How long events wait from arriving in a page's mailbox until the page has taken them in
     * (docs/operations.md): the lag of live updates, as a histogram for percentiles.
     */
    private final Timer deliveryLag;

    @Autowired
    public LiveEventBus(ClusterChannel cluster, ClusterProperties properties, MeterRegistry registry) {
        this.cluster = cluster;
        this.remote = cluster.spansNodes() ? new Remote(properties.refreshInterval()) : null;
        this.deliveryLag = Timer.builder("ligevaerd.live.delivery")
                .description("From an event reaching a page's mailbox until the page has taken it in")
                .publishPercentileHistogram().register(registry);
    }

    /** A bus whose figures go nowhere, for tests that build one by hand. */
    public LiveEventBus(ClusterChannel cluster, ClusterProperties properties) {
        this(cluster, properties, new SimpleMeterRegistry());
    }

    /**
     * Follows a workspace: the receiver gets the workspace's events in order, in batches of those
     * that arrived while it was busy with the previous batch, on a thread of the bus's own. A
     * receiver that hands the work to a UI should wait until the UI has done it (block on the
     * future of {@code UI.access}): that wait is what folds bursts.
     *
     * @return the action that ends the subscription; call it when the view detaches
     */
    public Runnable follow(long workspaceId, Consumer<List<WorkspaceEvent>> receiver) {
        Mailbox mailbox = new Mailbox(receiver);
        subscribers.computeIfAbsent(workspaceId, id -> new CopyOnWriteArraySet<>()).add(mailbox);
        return () -> {
            mailbox.close();
            subscribers.computeIfPresent(workspaceId, (id, set) -> {
                set.remove(mailbox);
                if (set.isEmpty() && remote != null) {
                    remote.forget(workspaceId);
                }
                return set.isEmpty() ? null : set;
            });
        };
    }

    /** As {@link #follow}, one event at a time. */
    public Runnable subscribe(long workspaceId, Consumer<WorkspaceEvent> subscriber) {
        return follow(workspaceId, batch -> batch.forEach(subscriber));
    }

    /**
     * Delivers an event that is not part of a transaction (or whose transaction committed) to this
     * node's subscribers, and tells the other nodes of it.
     */
    public void publish(WorkspaceEvent event) {
        publishLocally(event);
        if (remote != null && !(event instanceof RemoteChange)) {
            cluster.send(TOPIC, body(event));
        }
    }

    /**
     * Delivers an event to this node's subscribers only: for events that the other nodes learn of
     * in their own way (presence has its own messages).
     */
    public void publishLocally(WorkspaceEvent event) {
        for (Mailbox mailbox : subscribers.getOrDefault(event.workspaceId(), Set.of())) {
            mailbox.post(event);
        }
    }

    /**
     * Tells this node's subscribers soon, with a {@link RemoteChange} that stands for anything,
     * that the workspace changed on another node. For features that hear of other nodes' changes
     * in their own way and cannot say what changed.
     */
    public void changedOnAnotherNode(long workspaceId) {
        if (remote != null) {
            remote.signal(String.valueOf(workspaceId), new RemoteChange(workspaceId));
        } else {
            publishLocally(new RemoteChange(workspaceId));
        }
    }

    /**
     * Whether every event published so far has been handed to its subscribers and they are done
     * with it. For tests and benchmarks.
     */
    public boolean idle() {
        return busy.get() == 0;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void afterCommit(WorkspaceEvent event) {
        publish(event);
    }

    @PreDestroy
    void stop() {
        if (remote != null) {
            remote.stop();
        }
        delivery.shutdownNow();
    }

    /** The event's kind for the message: its kind, letters and digits only. */
    static String kind(WorkspaceEvent event) {
        String name = NOT_A_KIND.matcher(event.eventKind()).replaceAll("");
        return name.isEmpty() ? "Event" : name.length() > 64 ? name.substring(0, 64) : name;
    }

    /**
     * The body of an event message: {@code <workspace>.<kind>.<h|l>[.<id>,<id>…]}, {@code h} for an
     * event kept in the history, {@code l} for one that is live only.
     */
    static String body(WorkspaceEvent event) {
        String body = event.workspaceId() + "." + kind(event) + "." + (event.recorded() ? "h" : "l");
        List<Long> ids = event.eventIds();
        // The ids of one event are few; a message stays far below NOTIFY's 8000 bytes.
        return ids.isEmpty() ? body : body + "." + ids.stream().limit(32).map(String::valueOf)
                .collect(Collectors.joining(","));
    }

    /**
     * Reads the body of an event message, as written by {@link #body}; the older form
     * {@code <workspace>.<kind>} stands for anything.
     *
     * @throws IllegalArgumentException for anything else
     */
    static RemoteChange read(String body) {
        String[] parts = body.split("\\.", -1);
        if (parts.length < 2 || parts.length > 4 || parts[1].isEmpty() || NOT_A_KIND.matcher(parts[1]).find()) {
            throw new IllegalArgumentException("Not <workspace>.<kind>[.<h|l>[.<ids>]]: " + body);
        }
        long workspaceId = positive(parts[0]);
        if (parts.length == 2) {
            return new RemoteChange(workspaceId);
        }
        if (!parts[2].equals("h") && !parts[2].equals("l")) {
            throw new IllegalArgumentException("Neither h nor l: " + body);
        }
        List<Long> ids = parts.length == 3 ? List.of()
                : Arrays.stream(parts[3].split(",", -1)).map(LiveEventBus::positive).toList();
        return new RemoteChange(workspaceId, parts[1], ids, parts[2].equals("h"));
    }

    private static long positive(String digits) {
        if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit) || digits.length() > 18) {
            throw new IllegalArgumentException("Not an id: " + digits);
        }
        long id = Long.parseLong(digits);
        if (id <= 0) {
            throw new IllegalArgumentException("No id is " + id);
        }
        return id;
    }

    /** One subscriber's events waiting to be handed over. Guarded by itself. */
    private final class Mailbox {

        private final Consumer<List<WorkspaceEvent>> receiver;
        private final List<WorkspaceEvent> waiting = new ArrayList<>();
        /** When the oldest of {@link #waiting} arrived ({@link System#nanoTime}). */
        private long waitingSince;
        private boolean draining;
        private boolean closed;

        Mailbox(Consumer<List<WorkspaceEvent>> receiver) {
            this.receiver = receiver;
        }

        void post(WorkspaceEvent event) {
            synchronized (this) {
                if (closed) {
                    return;
                }
                if (waiting.isEmpty()) {
                    waitingSince = System.nanoTime();
                }
                waiting.add(event);
                if (draining) {
                    return;
                }
                draining = true;
            }
            busy.incrementAndGet();
            try {
                delivery.execute(this::drain);
            } catch (RejectedExecutionException stopping) {
                synchronized (this) {
                    draining = false;
                    waiting.clear();
                }
                busy.decrementAndGet();
            }
        }

        private void drain() {
            try {
                while (true) {
                    List<WorkspaceEvent> batch;
                    long since;
                    synchronized (this) {
                        if (waiting.isEmpty() || closed) {
                            waiting.clear();
                            draining = false;
                            return;
                        }
                        batch = List.copyOf(waiting);
                        since = waitingSince;
                        waiting.clear();
                    }
                    try {
                        receiver.accept(batch);
                    } catch (RuntimeException e) {
                        log.warn("A live subscriber failed on {}", batch, e);
                    }
                    deliveryLag.record(System.nanoTime() - since, TimeUnit.NANOSECONDS);
                }
            } finally {
                busy.decrementAndGet();
            }
        }

        synchronized void close() {
            closed = true;
            waiting.clear();
        }
    }

    /** What crosses from the other nodes, identical announcements folded. */
    private final class Remote implements ClusterChannel.Listener {

        private final long intervalNanos;
        private final Map<String, Slot> slots = new ConcurrentHashMap<>();
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "live-remote-timer");
            thread.setDaemon(true);
            return thread;
        });
        private final Runnable unsubscribe;

        Remote(Duration interval) {
            this.intervalNanos = interval.toNanos();
            this.unsubscribe = cluster.subscribe(TOPIC, this);
        }

        @Override
        public void received(String fromNode, String body) {
            RemoteChange change;
            try {
                change = read(body);
            } catch (IllegalArgumentException e) {
                log.warn("Ignored an event message from node {}: {}", fromNode, e.getMessage());
                return;
            }
            signal(body, change);
        }

        @Override
        public void resumed() {
            subscribers.keySet().forEach(id -> signal(String.valueOf(id), new RemoteChange(id)));
        }

        void signal(String key, RemoteChange change) {
            if (!subscribers.containsKey(change.workspaceId())) {
                // Nobody on this node shows the workspace; whoever opens it reads it afresh anyway.
                return;
            }
            Slot slot = slots.computeIfAbsent(key, k -> new Slot(change));
            synchronized (slot) {
                if (slot.pending) {
                    return;
                }
                slot.pending = true;
                long delay = slot.lastStart == null ? 0
                        : Math.max(0, slot.lastStart + intervalNanos - System.nanoTime());
                if (delay == 0) {
                    deliver(slot);
                    return;
                }
                try {
                    timer.schedule(() -> {
                        synchronized (slot) {
                            deliver(slot);
                        }
                    }, delay, TimeUnit.NANOSECONDS);
                } catch (RejectedExecutionException stopping) {
                    slot.pending = false;
                }
            }
        }

        /** Under the slot's lock; posting to mailboxes never waits for a page. */
        private void deliver(Slot slot) {
            slot.pending = false;
            slot.lastStart = System.nanoTime();
            publishLocally(slot.change);
        }

        void forget(long workspaceId) {
            slots.values().removeIf(slot -> slot.change.workspaceId() == workspaceId);
        }

        void stop() {
            unsubscribe.run();
            timer.shutdownNow();
        }
    }

    /** One kind of announcement from other nodes, folded. Guarded by itself. */
    private static final class Slot {
        final RemoteChange change;
        @Nullable Long lastStart;
        boolean pending;

        Slot(RemoteChange change) {
            this.change = change;
        }
    }
}
