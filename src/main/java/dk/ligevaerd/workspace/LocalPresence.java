package dk.ligevaerd.workspace;

import dk.ligevaerd.workspace.PresenceMessage.Key;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Who is present on this node: one {@link Visit} per open page, and a person counts as present in
 * a workspace while at least one of their pages there is. A page counts while it shows signs of
 * life: it counts from when it is first seen, stops at once when it says it is going away (hidden, its
 * connection closed) and, without a word, when it has not been {@link Visit#seen seen} for the page
 * timeout; it counts again when seen again, and never after it {@link Visit#leave left}.
 *
 * <p>Thread-safe. {@code announce} hears every flip of a person between absent and present, under
 * the lock, so that what it sends goes out in the order it happened; the methods return the
 * workspaces whose presence changed, for the caller to tell the pages outside the lock.
 */
final class LocalPresence {

    private final long timeoutNanos;
    private final LongSupplier clock;
    private final BiConsumer<Key, Boolean> announce;
    /** workspace id → user id → number of pages of that user that count. Guarded by this. */
    private final Map<Long, Map<Long, Integer>> counted = new HashMap<>();
    /** Every visit not yet left, in the order they came. Guarded by this. */
    private final Set<PageVisit> visits = new LinkedHashSet<>();

    /**
     * @param pageTimeout how long a page counts without being seen
     * @param clock nanoseconds, as {@link System#nanoTime()}
     * @param announce told of each person who became present ({@code true}) or absent in a workspace
     */
    LocalPresence(Duration pageTimeout, LongSupplier clock, BiConsumer<Key, Boolean> announce) {
        this.timeoutNanos = pageTimeout.toNanos();
        this.clock = clock;
        this.announce = announce;
    }

    /** One page open in a workspace, counting from now. */
    interface Visit {

        /** The page showed a sign of life: it counts (again). */
        Set<Long> seen();

        /** The page said it is going away or lost its connection: it stops counting until seen again. */
        Set<Long> away();

        /** The page is gone for good. Safe to call more than once. */
        Set<Long> leave();
    }

    /** A page opened in a workspace; it counts once {@link Visit#seen seen}. */
    synchronized Visit open(long workspaceId, long userId) {
        PageVisit visit = new PageVisit(new Key(workspaceId, userId));
        visits.add(visit);
        return visit;
    }

    /** The users present in the workspace on this node. */
    synchronized Set<Long> present(long workspaceId) {
        return new HashSet<>(counted.getOrDefault(workspaceId, Map.of()).keySet());
    }

    /** The pages open on this node per workspace, counting or not: for the operations metrics. */
    synchronized Map<Long, Integer> openPages() {
        Map<Long, Integer> pages = new HashMap<>();
        visits.forEach(visit -> pages.merge(visit.key.workspaceId(), 1, Integer::sum));
        return pages;
    }

    /** Hands everyone present here to {@code receiver}, under the lock, so nothing overtakes it. */
    synchronized void everyone(Consumer<List<Key>> receiver) {
        List<Key> present = new ArrayList<>();
        counted.forEach((workspaceId, users) -> users.keySet().forEach(user -> present.add(new Key(workspaceId, user))));
        receiver.accept(present);
    }

    /** Stops counting the pages that have not been seen for the page timeout. */
    synchronized Set<Long> sweep() {
        long now = clock.getAsLong();
        Set<Long> flipped = new HashSet<>();
        for (PageVisit visit : visits) {
            if (visit.counts && now - visit.lastSeen > timeoutNanos && visit.count(false)) {
                flipped.add(visit.key.workspaceId());
            }
        }
        return flipped;
    }

    private final class PageVisit implements Visit {

        private final Key key;
        private boolean counts;
        private boolean left;
        private long lastSeen;

        PageVisit(Key key) {
            this.key = key;
        }

        @Override
        public Set<Long> seen() {
            synchronized (LocalPresence.this) {
                if (left) {
                    return Set.of();
                }
                lastSeen = clock.getAsLong();
                return count(true) ? Set.of(key.workspaceId()) : Set.of();
            }
        }

        @Override
        public Set<Long> away() {
            synchronized (LocalPresence.this) {
                return !left && count(false) ? Set.of(key.workspaceId()) : Set.of();
            }
        }

        @Override
        public Set<Long> leave() {
            synchronized (LocalPresence.this) {
                if (left) {
                    return Set.of();
                }
                left = true;
                visits.remove(this);
                return count(false) ? Set.of(key.workspaceId()) : Set.of();
            }
        }

        /** @return whether the person flipped between absent and present; under the lock */
        private boolean count(boolean on) {
            if (counts == on) {
                return false;
            }
            counts = on;
            Map<Long, Integer> users = counted.computeIfAbsent(key.workspaceId(), id -> new HashMap<>());
            int before = users.getOrDefault(key.userId(), 0);
            int after = before + (on ? 1 : -1);
            if (after == 0) {
                users.remove(key.userId());
            } else {
                users.put(key.userId(), after);
            }
            if (users.isEmpty()) {
                counted.remove(key.workspaceId());
            }
            boolean flipped = (before == 0) != (after == 0);
            if (flipped) {
                announce.accept(key, on);
            }
            return flipped;
        }
    }
}
