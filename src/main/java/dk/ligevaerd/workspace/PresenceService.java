package dk.ligevaerd.workspace;

import dk.ligevaerd.shared.LiveEventBus;
import dk.ligevaerd.shared.cluster.ClusterChannel;
import dk.ligevaerd.workspace.WorkspaceEvents.PresenceChanged;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
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
 * Who has a workspace open right now. Presence follows open pages: each page that shows the
 * workspace is a {@link Visit}, and a person with several pages counts once and leaves when the
 * last one goes. A page counts while it shows signs of life (the page itself tells: it calls
 * {@link Visit#seen} at each of its heartbeats and when its connection opens, {@link Visit#away}
 * when it is hidden or its connection closes, {@link Visit#leave} when it goes). A page that falls
 * silent stops counting after {@code ligevaerd.presence.page-timeout}. Kept in memory: presence is
 * about this moment, and a restart empties it correctly because every browser reconnects and
 * enters again.
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
    /** How often silent pages are looked for: well within any page timeout that makes sense. */
    private static final Duration SWEEP = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(PresenceService.class);

    private final WorkspaceAccess access;
    private final LiveEventBus bus;
    private final ClusterChannel cluster;
    private final LocalPresence local;
    private final AtomicLong seq = new AtomicLong();
    private final @Nullable RemotePresence remote;
    private final ScheduledExecutorService timer;
    private final AtomicBoolean heartbeatAsked = new AtomicBoolean();
    private final Runnable unsubscribe;

    PresenceService(WorkspaceAccess access, LiveEventBus bus, ClusterChannel cluster, PresenceProperties properties) {
        this.access = access;
        this.bus = bus;
        this.cluster = cluster;
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "presence");
            thread.setDaemon(true);
            return thread;
        });
        if (!cluster.spansNodes()) {
            remote = null;
            local = new LocalPresence(properties.pageTimeout(), System::nanoTime, (key, present) -> {
            });
            unsubscribe = () -> {
            };
            timer.scheduleWithFixedDelay(this::sweep, SWEEP.toNanos(), SWEEP.toNanos(), TimeUnit.NANOSECONDS);
            return;
        }
        // Sent under the local lock: an arrival, a departure and a heartbeat go out in the order
        // they happened here, so the others never end with an old state.
        local = new LocalPresence(properties.pageTimeout(), System::nanoTime,
                (key, present) -> send(present ? new PresenceMessage.Arrived(seq.incrementAndGet(), key)
                        : new PresenceMessage.Left(seq.incrementAndGet(), key)));
        remote = new RemotePresence(properties.expiry(), System::nanoTime,
                id -> bus.publishLocally(new PresenceChanged(id)),
                this::heartbeatSoon, this::ask);
        timer.scheduleWithFixedDelay(this::sweep, SWEEP.toNanos(), SWEEP.toNanos(), TimeUnit.NANOSECONDS);
        long every = properties.heartbeatInterval().toNanos();
        timer.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.NANOSECONDS);
        unsubscribe = cluster.subscribe(TOPIC, remote);
        // A node that starts knows nobody: the others answer with their heartbeats.
        ask();
    }

    /** One open page's presence in a workspace. Thread-safe; its methods need no logged-in user. */
    public interface Visit extends Runnable {

        /** The page showed a sign of life (a heartbeat, its connection opened, shown again): it counts. */
        void seen();

        /** The page was hidden or lost its connection: it stops counting until it is seen again. */
        void away();

        /** The page is gone: it never counts again. Safe to call more than once. */
        void leave();

        /** Leaves. */
        @Override
        default void run() {
            leave();
        }
    }

    /**
     * Marks the current user present in the workspace, with a page that has just opened.
     *
     * @return the page's visit, which the page keeps up to date and ends by leaving
     */
    public Visit enter(long workspaceId) {
        Member member = access.requireMember(workspaceId);
        LocalPresence.Visit page = local.open(workspaceId, member.userId());
        Visit visit = new Visit() {
            @Override
            public void seen() {
                changed(page.seen());
            }

            @Override
            public void away() {
                changed(page.away());
            }

            @Override
            public void leave() {
                changed(page.leave());
            }
        };
        visit.seen();
        return visit;
    }

    /** The ids of the members who have the workspace open, on this node or another. */
    public Set<Long> online(long workspaceId) {
        access.requireMember(workspaceId);
        Set<Long> users = local.present(workspaceId);
        if (remote != null) {
            users.addAll(remote.present(workspaceId));
        }
        return Set.copyOf(users);
    }

    /** The pages open on this node per workspace; no user's rights involved (operations metrics). */
    Map<Long, Integer> openPagesHere() {
        return local.openPages();
    }

    private void changed(Set<Long> workspaces) {
        workspaces.forEach(id -> bus.publishLocally(new PresenceChanged(id)));
    }

    private void sweep() {
        try {
            changed(local.sweep());
        } catch (RuntimeException e) {
            log.warn("Looking for silent pages failed; trying again in a moment", e);
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
        local.everyone(present -> {
            for (PresenceMessage.Heartbeat part : PresenceMessage.Heartbeat.of(present, cluster.maxBodyLength(TOPIC),
                    seq::incrementAndGet)) {
                send(part);
            }
        });
    }

    /** Another node asked; several asking at once get one answer. */
    private void heartbeatSoon() {
        if (heartbeatAsked.compareAndSet(false, true)) {
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
        timer.shutdownNow();
        if (remote == null) {
            return;
        }
        unsubscribe.run();
        local.everyone(present -> send(new PresenceMessage.Farewell(seq.incrementAndGet())));
    }
}
