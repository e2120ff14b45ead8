package dk.ligevaerd.workspace;

import dk.ligevaerd.shared.cluster.ClusterChannel;
import dk.ligevaerd.workspace.PresenceMessage.Key;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who is present on the other nodes, as they last said. Each node's word about a person holds for
 * the expiry time unless the node repeats it (its heartbeat does), so the people of a node that
 * stopped without saying goodbye, or whose messages no longer arrive, are gone after that time.
 * A node that says goodbye takes its people along at once.
 *
 * <p>Thread-safe; called on the channel's listening thread, which it never keeps waiting: changes
 * go to the pages through {@code changed}, which folds and delivers them elsewhere.
 */
final class RemotePresence implements ClusterChannel.Listener {

    private static final Logger log = LoggerFactory.getLogger(RemotePresence.class);

    private final long expiryNanos;
    private final LongSupplier clock;
    private final LongConsumer changed;
    private final Runnable asked;
    private final Runnable resumed;
    /** workspace → user → node → when that node's word expires ({@link System#nanoTime()}). Guarded by this. */
    private final Map<Long, Map<Long, Map<String, Long>>> entries = new HashMap<>();

    /**
     * @param changed told the workspace whose presence changed
     * @param asked run when another node asks for everyone's presence
     * @param resumed run when this node listens again after missing messages
     */
    RemotePresence(Duration expiry, LongSupplier clock, LongConsumer changed, Runnable asked, Runnable resumed) {
        this.expiryNanos = expiry.toNanos();
        this.clock = clock;
        this.changed = changed;
        this.asked = asked;
        this.resumed = resumed;
    }

    @Override
    public void received(String fromNode, String body) {
        PresenceMessage message;
        try {
            message = PresenceMessage.decode(body);
        } catch (IllegalArgumentException e) {
            log.warn("Ignored a presence message from node {}: {}", fromNode, e.getMessage());
            return;
        }
        Set<Long> flipped = new HashSet<>();
        synchronized (this) {
            long now = clock.getAsLong();
            switch (message) {
                case PresenceMessage.Arrived arrived -> put(fromNode, arrived.key(), now, flipped);
                case PresenceMessage.Left left -> remove(fromNode, left.key(), now, flipped);
                case PresenceMessage.Heartbeat heartbeat -> heartbeat.present()
                        .forEach(key -> put(fromNode, key, now, flipped));
                case PresenceMessage.Farewell farewell -> forget(fromNode, now, flipped);
                case PresenceMessage.Asking asking -> {
                    // Answered below, outside the lock.
                }
            }
        }
        if (message instanceof PresenceMessage.Asking) {
            asked.run();
        }
        flipped.forEach(changed::accept);
    }

    @Override
    public void resumed() {
        resumed.run();
    }

    /** The users present in the workspace on other nodes. */
    synchronized Set<Long> present(long workspaceId) {
        long now = clock.getAsLong();
        Set<Long> users = new HashSet<>();
        entries.getOrDefault(workspaceId, Map.of()).forEach((user, nodes) -> {
            if (anyValid(nodes, now)) {
                users.add(user);
            }
        });
        return users;
    }

    /** Forgets what has expired, and tells the workspaces where someone is gone because of it. */
    void sweep() {
        Set<Long> flipped = new HashSet<>();
        synchronized (this) {
            long now = clock.getAsLong();
            for (Iterator<Map.Entry<Long, Map<Long, Map<String, Long>>>> workspaces = entries.entrySet().iterator();
                    workspaces.hasNext(); ) {
                Map.Entry<Long, Map<Long, Map<String, Long>>> workspace = workspaces.next();
                for (Iterator<Map<String, Long>> users = workspace.getValue().values().iterator(); users.hasNext(); ) {
                    Map<String, Long> nodes = users.next();
                    if (nodes.values().removeIf(expires -> expires - now <= 0) && nodes.isEmpty()) {
                        flipped.add(workspace.getKey());
                    }
                    if (nodes.isEmpty()) {
                        users.remove();
                    }
                }
                if (workspace.getValue().isEmpty()) {
                    workspaces.remove();
                }
            }
        }
        flipped.forEach(changed::accept);
    }

    private void put(String node, Key key, long now, Set<Long> flipped) {
        Map<String, Long> nodes = entries.computeIfAbsent(key.workspaceId(), id -> new HashMap<>())
                .computeIfAbsent(key.userId(), id -> new HashMap<>());
        if (!anyValid(nodes, now)) {
            flipped.add(key.workspaceId());
        }
        nodes.put(node, now + expiryNanos);
    }

    private void remove(String node, Key key, long now, Set<Long> flipped) {
        Map<Long, Map<String, Long>> users = entries.get(key.workspaceId());
        Map<String, Long> nodes = users == null ? null : users.get(key.userId());
        if (nodes == null) {
            return;
        }
        boolean before = anyValid(nodes, now);
        nodes.remove(node);
        if (before && !anyValid(nodes, now)) {
            flipped.add(key.workspaceId());
        }
        if (nodes.isEmpty()) {
            users.remove(key.userId());
            if (users.isEmpty()) {
                entries.remove(key.workspaceId());
            }
        }
    }

    private void forget(String node, long now, Set<Long> flipped) {
        for (Map.Entry<Long, Map<Long, Map<String, Long>>> workspace : Map.copyOf(entries).entrySet()) {
            for (Long user : Set.copyOf(workspace.getValue().keySet())) {
                if (workspace.getValue().get(user).containsKey(node)) {
                    remove(node, new Key(workspace.getKey(), user), now, flipped);
                }
            }
        }
    }

    private static boolean anyValid(Map<String, Long> nodes, long now) {
        for (long expires : nodes.values()) {
            if (expires - now > 0) {
                return true;
            }
        }
        return false;
    }
}
