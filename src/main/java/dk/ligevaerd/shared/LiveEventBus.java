package dk.ligevaerd.shared;

import dk.ligevaerd.shared.cluster.ClusterChannel;
import dk.ligevaerd.shared.cluster.ClusterProperties;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Carries workspace events to the open views of that workspace. Domain events reach it only after
 * their transaction committed, so a view never shows something that was rolled back.
 * Subscribers must hand work to their UI with {@code UI.access}: the bus calls them on the
 * publishing thread.
 *
 * <p>With several application nodes on one PostgreSQL database, every event published here is
 * also announced to the other nodes (workspace id and kind of event, nothing else), and what the
 * other nodes announce reaches this node's subscribers as a {@link RemoteChange}: at most one per
 * workspace every {@code ligevaerd.cluster.refresh-interval}, however many events came in between,
 * and always one after the last of them. When the node listens again after losing its
 * connection, every workspace with subscribers gets a {@link RemoteChange}, since what was
 * announced meanwhile is lost. Alone on a node (an embedded database) none of this runs.
 */
@Component
public class LiveEventBus {

    static final String TOPIC = "event";

    private static final Logger log = LoggerFactory.getLogger(LiveEventBus.class);
    private static final Pattern NOT_A_KIND = Pattern.compile("[^A-Za-z0-9]");

    private final Map<Long, Set<Consumer<WorkspaceEvent>>> subscribers = new ConcurrentHashMap<>();
    private final ClusterChannel cluster;
    private final @Nullable Remote remote;

    public LiveEventBus(ClusterChannel cluster, ClusterProperties properties) {
        this.cluster = cluster;
        this.remote = cluster.spansNodes() ? new Remote(properties.refreshInterval()) : null;
    }

    /** Returns the action that ends the subscription; call it when the view detaches. */
    public Runnable subscribe(long workspaceId, Consumer<WorkspaceEvent> subscriber) {
        subscribers.computeIfAbsent(workspaceId, id -> new CopyOnWriteArraySet<>()).add(subscriber);
        return () -> subscribers.computeIfPresent(workspaceId, (id, set) -> {
            set.remove(subscriber);
            if (set.isEmpty() && remote != null) {
                remote.forget(workspaceId);
            }
            return set.isEmpty() ? null : set;
        });
    }

    /**
     * Delivers an event that is not part of a transaction (or whose transaction committed) to this
     * node's subscribers, and tells the other nodes that the workspace changed.
     */
    public void publish(WorkspaceEvent event) {
        publishLocally(event);
        if (remote != null && !(event instanceof RemoteChange)) {
            cluster.send(TOPIC, event.workspaceId() + "." + kind(event));
        }
    }

    /**
     * Delivers an event to this node's subscribers only: for events that the other nodes learn of
     * in their own way (presence has its own messages).
     */
    public void publishLocally(WorkspaceEvent event) {
        for (Consumer<WorkspaceEvent> subscriber : subscribers.getOrDefault(event.workspaceId(), Set.of())) {
            try {
                subscriber.accept(event);
            } catch (RuntimeException e) {
                log.warn("A live subscriber failed on {}", event, e);
            }
        }
    }

    /**
     * Tells this node's subscribers soon, with a {@link RemoteChange}, that the workspace changed on
     * another node; folded with others as described above. For features that hear of other
     * nodes' changes in their own way.
     */
    public void changedOnAnotherNode(long workspaceId) {
        if (remote != null) {
            remote.signal(workspaceId);
        } else {
            publishLocally(new RemoteChange(workspaceId));
        }
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
    }

    /** The event's kind for the message: its class's simple name, letters and digits only. */
    static String kind(WorkspaceEvent event) {
        String name = NOT_A_KIND.matcher(event.getClass().getSimpleName()).replaceAll("");
        return name.isEmpty() ? "Event" : name.length() > 64 ? name.substring(0, 64) : name;
    }

    /**
     * Reads the body of an event message, {@code <workspaceId>.<kind>}.
     *
     * @throws IllegalArgumentException for anything else
     */
    static long workspaceOf(String body) {
        int dot = body.indexOf('.');
        if (dot <= 0 || dot == body.length() - 1 || NOT_A_KIND.matcher(body.substring(dot + 1)).find()) {
            throw new IllegalArgumentException("Not <workspace>.<kind>: " + body);
        }
        long workspaceId = Long.parseLong(body, 0, dot, 10);
        if (workspaceId <= 0) {
            throw new IllegalArgumentException("No workspace has the id " + workspaceId);
        }
        return workspaceId;
    }

    /** What crosses from the other nodes, folded per workspace. */
    private final class Remote implements ClusterChannel.Listener {

        private final long intervalNanos;
        private final Map<Long, Slot> slots = new ConcurrentHashMap<>();
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "live-remote-timer");
            thread.setDaemon(true);
            return thread;
        });
        /** Refreshing pages may take a while; one workspace's pages never wait for another's. */
        private final ExecutorService delivery = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("live-remote-", 0).factory());
        private final Runnable unsubscribe;

        Remote(Duration interval) {
            this.intervalNanos = interval.toNanos();
            this.unsubscribe = cluster.subscribe(TOPIC, this);
        }

        @Override
        public void received(String fromNode, String body) {
            long workspaceId;
            try {
                workspaceId = workspaceOf(body);
            } catch (IllegalArgumentException e) {
                log.warn("Ignored an event message from node {}: {}", fromNode, e.getMessage());
                return;
            }
            signal(workspaceId);
        }

        @Override
        public void resumed() {
            subscribers.keySet().forEach(this::signal);
        }

        void signal(long workspaceId) {
            if (!subscribers.containsKey(workspaceId)) {
                // Nobody on this node shows the workspace; whoever opens it reads it afresh anyway.
                return;
            }
            Slot slot = slots.computeIfAbsent(workspaceId, Slot::new);
            synchronized (slot) {
                if (slot.pending) {
                    return;
                }
                slot.pending = true;
                if (!slot.running) {
                    schedule(slot);
                }
            }
        }

        /** Under the slot's lock. */
        private void schedule(Slot slot) {
            long delay = slot.lastStart == null ? 0 : Math.max(0, slot.lastStart + intervalNanos - System.nanoTime());
            try {
                timer.schedule(() -> delivery.execute(() -> deliver(slot)), delay, TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                slot.pending = false;
            }
        }

        private void deliver(Slot slot) {
            synchronized (slot) {
                // Cleared before delivering, so an event that arrives meanwhile brings one more.
                slot.pending = false;
                slot.running = true;
                slot.lastStart = System.nanoTime();
            }
            try {
                publishLocally(new RemoteChange(slot.workspaceId));
            } finally {
                synchronized (slot) {
                    slot.running = false;
                    if (slot.pending) {
                        schedule(slot);
                    }
                }
            }
        }

        void forget(long workspaceId) {
            slots.remove(workspaceId);
        }

        void stop() {
            unsubscribe.run();
            timer.shutdownNow();
            delivery.shutdownNow();
        }
    }

    /** One workspace's deliveries from other nodes. Guarded by itself. */
    private static final class Slot {
        final long workspaceId;
        @Nullable Long lastStart;
        boolean pending;
        boolean running;

        Slot(long workspaceId) {
            this.workspaceId = workspaceId;
        }
    }
}
