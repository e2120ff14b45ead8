package dk.ligevaerd.workspace;

import dk.ligevaerd.shared.LiveEventBus;
import dk.ligevaerd.shared.cluster.ClusterChannel;
import dk.ligevaerd.workspace.PresenceMessage.Key;
import dk.ligevaerd.workspace.WorkspaceEvents.PresenceChanged;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Who has a workspace open right now. A person with several tabs counts once and leaves when the
 * last tab goes. Kept in memory: presence is about this moment, and a restart empties it
 * correctly because every browser reconnects and enters again.
 *
 * <p>With several application nodes, each node keeps its own browsers' presence and tells the
 * others over the cluster channel: when someone arrives or leaves here, and everyone present here
 * every heartbeat ({@code ligevaerd.presence.heartbeat-interval}). What the others said holds until
 * it expires ({@code ligevaerd.presence.expiry}) unless repeated, so {@link #online} is everyone
 * present on any node that is still alive. A node that stops says goodbye; one that dies is
 * forgotten at expiry.
 */
@Service
public class PresenceService {

    static final String TOPIC = "presence";

    private static final Logger log = LoggerFactory.getLogger(PresenceService.class);

    private final WorkspaceAccess access;
    private final LiveEventBus bus;
    private final ClusterChannel cluster;
    /**
     * Guards {@link #open} and orders what is sent about it: an arrival, a departure and a
     * heartbeat go out in the order they happened here, so the others never end with an old state.
     */
    private final Object lock = new Object();
    /** workspace id → user id → number of open views of that user on this node. */
    private final Map<Long, Map<Long, Integer>> open = new HashMap<>();
    private final AtomicLong seq = new AtomicLong();
    private final @Nullable RemotePresence remote;
    private final @Nullable ScheduledExecutorService timer;
    private final AtomicBoolean heartbeatAsked = new AtomicBoolean();
    private final Runnable unsubscribe;

    PresenceService(WorkspaceAccess access, LiveEventBus bus, ClusterChannel cluster, PresenceProperties properties) {
        this.access = access;
        this.bus = bus;
        this.cluster = cluster;
        if (!cluster.spansNodes()) {
            remote = null;
            timer = null;
            unsubscribe = () -> {
            };
            return;
        }
        remote = new RemotePresence(properties.expiry(), System::nanoTime,
                id -> bus.publishLocally(new PresenceChanged(id)),
                this::heartbeatSoon, this::ask);
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "presence-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.heartbeatInterval().toNanos();
        timer.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.NANOSECONDS);
        unsubscribe = cluster.subscribe(TOPIC, remote);
        // A node that starts knows nobody: the others answer with their heartbeats.
        ask();
    }

    /**
     * Marks the current user present in the workspace.
     *
     * @return the action that marks them gone again; safe to call more than once
     */
    public Runnable enter(long workspaceId) {
        Member member = access.requireMember(workspaceId);
        boolean arrived = change(workspaceId, member.userId(), +1);
        if (arrived) {
            bus.publishLocally(new PresenceChanged(workspaceId));
        }
        AtomicBoolean left = new AtomicBoolean();
        return () -> {
            if (left.compareAndSet(false, true) && change(workspaceId, member.userId(), -1)) {
                bus.publishLocally(new PresenceChanged(workspaceId));
            }
        };
    }

    /** The ids of the members who have the workspace open, on this node or another. */
    public Set<Long> online(long workspaceId) {
        access.requireMember(workspaceId);
        Set<Long> users;
        synchronized (lock) {
            users = new HashSet<>(open.getOrDefault(workspaceId, Map.of()).keySet());
        }
        if (remote != null) {
            users.addAll(remote.present(workspaceId));
        }
        return Set.copyOf(users);
    }

    /** @return whether the user went from absent to present or back on this node */
    private boolean change(long workspaceId, long userId, int delta) {
        synchronized (lock) {
            Map<Long, Integer> users = open.computeIfAbsent(workspaceId, id -> new HashMap<>());
            int before = users.getOrDefault(userId, 0);
            int after = Math.max(0, before + delta);
            if (after == 0) {
                users.remove(userId);
            } else {
                users.put(userId, after);
            }
            if (users.isEmpty()) {
                open.remove(workspaceId);
            }
            boolean flipped = (before == 0) != (after == 0);
            if (flipped && remote != null) {
                Key key = new Key(workspaceId, userId);
                send(after > 0 ? new PresenceMessage.Arrived(seq.incrementAndGet(), key)
                        : new PresenceMessage.Left(seq.incrementAndGet(), key));
            }
            return flipped;
        }
    }

    private void tick() {
        try {
            heartbeat();
            if (remote != null) {
                remote.sweep();
            }
        } catch (RuntimeException e) {
            log.warn("Presence heartbeat failed; trying again at the next", e);
        }
    }

    private void heartbeat() {
        synchronized (lock) {
            List<Key> present = new ArrayList<>();
            open.forEach((workspaceId, users) -> users.keySet().forEach(user -> present.add(new Key(workspaceId, user))));
            for (PresenceMessage.Heartbeat part : PresenceMessage.Heartbeat.of(present, cluster.maxBodyLength(TOPIC),
                    seq::incrementAndGet)) {
                send(part);
            }
        }
    }

    /** Another node asked; several asking at once get one answer. */
    private void heartbeatSoon() {
        if (timer != null && heartbeatAsked.compareAndSet(false, true)) {
            try {
                timer.execute(() -> {
                    heartbeatAsked.set(false);
                    heartbeat();
                });
            } catch (RejectedExecutionException stopping) {
                heartbeatAsked.set(false);
            }
        }
    }

    private void ask() {
        send(new PresenceMessage.Asking(seq.incrementAndGet()));
    }

    private void send(PresenceMessage message) {
        cluster.send(TOPIC, message.encode());
    }

    /** Says goodbye, so that the other nodes stop showing this node's people at once. */
    @PreDestroy
    void stop() {
        if (timer == null) {
            return;
        }
        unsubscribe.run();
        timer.shutdownNow();
        synchronized (lock) {
            send(new PresenceMessage.Farewell(seq.incrementAndGet()));
        }
    }
}
