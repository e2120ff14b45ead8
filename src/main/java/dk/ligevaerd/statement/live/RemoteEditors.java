package dk.ligevaerd.statement.live;

import dk.ligevaerd.statement.live.EditorMessage.Carets;
import dk.ligevaerd.statement.live.EditorMessage.Editor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The live editors connected to the other nodes, as those nodes last said. A node's word about an
 * editor holds for the expiry time unless the node repeats it (its heartbeat does), so the editors
 * of a node that died, or whose messages no longer arrive, are gone after that time; a node that
 * says goodbye takes its editors along at once. Keeps each editor's newest carets too, for someone
 * who opens the editor here later.
 *
 * <p>Thread-safe. It only keeps the state: what changed comes back as {@link Change}s, which the
 * caller hands on to the connections of this node.
 */
final class RemoteEditors {

    /** What changed for this node's connections of one workspace. */
    sealed interface Change {
        long workspaceId();
    }

    /** An editor on another node is now in the workspace's editor. */
    record Arrived(Remote editor) implements Change {
        @Override
        public long workspaceId() {
            return editor.editor().workspaceId();
        }
    }

    /** The editor with this id (as this node's connections know it) is gone. */
    record Departed(long workspaceId, String id) implements Change {
    }

    /** The editor moved its carets. */
    record Moved(Remote editor, Carets carets) implements Change {
        @Override
        public long workspaceId() {
            return editor.editor().workspaceId();
        }
    }

    /** An editor on another node, and the id this node's connections know it by. */
    record Remote(String node, Editor editor) {
        /** Unique among all nodes: the node's id before the session id it gave. */
        String id() {
            return id(node, editor.session());
        }

        static String id(String node, String session) {
            return node + ":" + session;
        }
    }

    private final long expiryNanos;
    private final LongSupplier clock;
    /** workspace → id → entry, in order of arrival. Guarded by this. */
    private final Map<Long, Map<String, Entry>> entries = new HashMap<>();

    RemoteEditors(Duration expiry, LongSupplier clock) {
        this.expiryNanos = expiry.toNanos();
        this.clock = clock;
    }

    /** Takes in a message from {@code node}; returns what changed for this node's connections. */
    synchronized List<Change> received(String node, EditorMessage message) {
        long now = clock.getAsLong();
        List<Change> changes = new ArrayList<>();
        switch (message) {
            case EditorMessage.Joined joined -> put(node, joined.editor(), now, changes);
            case EditorMessage.Heartbeat heartbeat -> heartbeat.editors().forEach(e -> put(node, e, now, changes));
            case EditorMessage.Left left -> remove(left.workspaceId(), Remote.id(node, left.session()), changes);
            case EditorMessage.Moved moved -> {
                for (Carets carets : moved.carets()) {
                    Map<String, Entry> workspace = entries.get(carets.workspaceId());
                    Entry entry = workspace == null ? null : workspace.get(Remote.id(node, carets.session()));
                    // Carets of an editor not (or no longer) known are dropped: it is gone, or its
                    // arrival was missed and the next heartbeat brings it.
                    if (entry != null) {
                        entry.carets = carets;
                        changes.add(new Moved(entry.remote, carets));
                    }
                }
            }
            case EditorMessage.Farewell farewell -> {
                for (Map<String, Entry> workspace : List.copyOf(entries.values())) {
                    for (Entry entry : List.copyOf(workspace.values())) {
                        if (entry.remote.node().equals(node)) {
                            remove(entry.remote.editor().workspaceId(), entry.remote.id(), changes);
                        }
                    }
                }
            }
            case EditorMessage.Asking asking -> {
                // The caller answers with a heartbeat.
            }
        }
        return changes;
    }

    /** The editors of the workspace on other nodes, with their newest carets if any. */
    synchronized List<Present> present(long workspaceId) {
        long now = clock.getAsLong();
        List<Present> present = new ArrayList<>();
        for (Entry entry : entries.getOrDefault(workspaceId, Map.of()).values()) {
            if (entry.expires - now > 0) {
                present.add(new Present(entry.remote, entry.carets));
            }
        }
        return present;
    }

    record Present(Remote editor, @Nullable Carets carets) {
    }

    /** Forgets the editors whose node has not repeated them in time. */
    synchronized List<Change> sweep() {
        long now = clock.getAsLong();
        List<Change> changes = new ArrayList<>();
        for (Iterator<Map.Entry<Long, Map<String, Entry>>> workspaces = entries.entrySet().iterator();
                workspaces.hasNext(); ) {
            Map.Entry<Long, Map<String, Entry>> workspace = workspaces.next();
            for (Iterator<Entry> editors = workspace.getValue().values().iterator(); editors.hasNext(); ) {
                Entry entry = editors.next();
                if (entry.expires - now <= 0) {
                    editors.remove();
                    changes.add(new Departed(workspace.getKey(), entry.remote.id()));
                }
            }
            if (workspace.getValue().isEmpty()) {
                workspaces.remove();
            }
        }
        return changes;
    }

    private void put(String node, Editor editor, long now, List<Change> changes) {
        Remote remote = new Remote(node, editor);
        Map<String, Entry> workspace = entries.computeIfAbsent(editor.workspaceId(), id -> new LinkedHashMap<>());
        Entry entry = workspace.get(remote.id());
        if (entry == null || entry.expires - now <= 0 || !entry.remote.equals(remote)) {
            entry = new Entry(remote);
            workspace.put(remote.id(), entry);
            changes.add(new Arrived(remote));
        }
        entry.expires = now + expiryNanos;
    }

    private void remove(long workspaceId, String id, List<Change> changes) {
        Map<String, Entry> workspace = entries.get(workspaceId);
        if (workspace == null || workspace.remove(id) == null) {
            return;
        }
        if (workspace.isEmpty()) {
            entries.remove(workspaceId);
        }
        changes.add(new Departed(workspaceId, id));
    }

    private static final class Entry {
        final Remote remote;
        long expires;
        @Nullable Carets carets;

        Entry(Remote remote) {
            this.remote = remote;
        }
    }
}
