package dk.ligevaerd.workspace;

import dk.ligevaerd.shared.LiveEventBus;
import dk.ligevaerd.workspace.WorkspaceEvents.PresenceChanged;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Service;

/**
 * Who has a workspace open right now. A person with several tabs counts once and leaves when the
 * last tab goes. Kept in memory: presence is about this moment, and a restart empties it
 * correctly because every browser reconnects and enters again.
 */
@Service
public class PresenceService {

    private final WorkspaceAccess access;
    private final LiveEventBus bus;
    /** workspace id → user id → number of open views of that user. */
    private final Map<Long, Map<Long, Integer>> open = new ConcurrentHashMap<>();

    PresenceService(WorkspaceAccess access, LiveEventBus bus) {
        this.access = access;
        this.bus = bus;
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
            bus.publish(new PresenceChanged(workspaceId));
        }
        AtomicBoolean left = new AtomicBoolean();
        return () -> {
            if (left.compareAndSet(false, true) && change(workspaceId, member.userId(), -1)) {
                bus.publish(new PresenceChanged(workspaceId));
            }
        };
    }

    /** The ids of the members who have the workspace open. */
    public Set<Long> online(long workspaceId) {
        access.requireMember(workspaceId);
        return Set.copyOf(open.getOrDefault(workspaceId, Map.of()).keySet());
    }

    /** @return whether the user went from absent to present or back */
    private boolean change(long workspaceId, long userId, int delta) {
        AtomicBoolean flipped = new AtomicBoolean();
        open.compute(workspaceId, (id, users) -> {
            Map<Long, Integer> map = users == null ? new ConcurrentHashMap<>() : users;
            int before = map.getOrDefault(userId, 0);
            int after = Math.max(0, before + delta);
            if (after == 0) {
                map.remove(userId);
            } else {
                map.put(userId, after);
            }
            flipped.set((before == 0) != (after == 0));
            return map.isEmpty() ? null : map;
        });
        return flipped.get();
    }
}
