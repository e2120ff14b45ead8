package dk.ligevaerd.shared;

import java.util.List;

/**
 * Something that happened in one workspace and that open views of that workspace may need to
 * show. Carries ids only; a receiver asks the owning service for what it needs.
 *
 * <p>Views decide what an event concerns by its {@link #eventKind()} and {@link #eventIds()}, never
 * by its class, so that the same event announced by another application node (a
 * {@link RemoteChange} with the same kind and ids) updates the same parts of a page.
 */
public interface WorkspaceEvent {

    long workspaceId();

    /** The kind of event: the record's simple name, e.g. {@code BallotCountChanged}. */
    default String eventKind() {
        return getClass().getSimpleName();
    }

    /**
     * The ids the event is about, in an order its kind defines (a round's id for round events, a
     * priority's for priority events); empty when the kind says enough.
     */
    default List<Long> eventIds() {
        return List.of();
    }

    /** Whether the event belongs in the workspace's history (see {@link RecordedEvent}). */
    default boolean recorded() {
        return false;
    }

    /** The first of {@link #eventIds()}, or -1 when there is none. */
    default long firstId() {
        List<Long> ids = eventIds();
        return ids.isEmpty() ? -1 : ids.getFirst();
    }

    /** Whether this event is of the given kind, here or announced by another node. */
    default boolean is(Class<? extends WorkspaceEvent> kind) {
        return eventKind().equals(kind.getSimpleName());
    }
}
