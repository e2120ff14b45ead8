package dk.ligevaerd.history;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the timeline for display. {@code kind} names a translation ("history.kind.*");
 * {@code detail} holds the entry's facts as {@code key=value} lines.
 */
public record HistoryItem(long id, Instant occurredAt, String kind, long actorId, @Nullable Long actorSideId,
        @Nullable Long subjectUserId, String detail) {
}
