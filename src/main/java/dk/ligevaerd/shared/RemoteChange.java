package dk.ligevaerd.shared;

import java.util.List;

/**
 * An event that happened in the workspace on another application node, as that node announced it:
 * its kind and ids (never user text), and whether it was recorded in the history. A receiver
 * updates what the kind concerns, as for the event itself, reading the current state.
 *
 * <p>With an empty kind it stands for anything: the node may have missed announcements (its
 * listening connection was lost) or the announcement came in a form it does not know, and a
 * receiver reads afresh everything it shows.
 */
public record RemoteChange(long workspaceId, String kind, List<Long> ids, boolean recordedThere)
        implements WorkspaceEvent {

    public RemoteChange {
        ids = List.copyOf(ids);
    }

    /** Anything may have changed in the workspace. */
    public RemoteChange(long workspaceId) {
        this(workspaceId, "", List.of(), true);
    }

    /** Whether this stands for anything, rather than one event of a known kind. */
    public boolean anything() {
        return kind.isEmpty();
    }

    @Override
    public String eventKind() {
        return kind;
    }

    @Override
    public List<Long> eventIds() {
        return ids;
    }

    @Override
    public boolean recorded() {
        return recordedThere;
    }
}
