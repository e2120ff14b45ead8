package dk.ligevaerd.shared;

import org.jspecify.annotations.Nullable;

/**
 * A workspace event that belongs in the workspace's history. The history feature stores every
 * such event without knowing the feature that raised it; the feature says what to store.
 */
public interface RecordedEvent extends WorkspaceEvent {

    long actorId();

    /** The actor's side at the time; null for observers and for the system acting alone. */
    @Nullable Long actorSideId();

    /** Names the translation {@code history.kind.<kind>}, e.g. "priority.proposed". */
    String historyKind();

    /** The member the event is about, if it is about one. */
    default @Nullable Long subjectUserId() {
        return null;
    }

    /** The facts worth keeping, as {@code key=value} lines. */
    String historyDetail();

    @Override
    default boolean recorded() {
        return true;
    }
}
