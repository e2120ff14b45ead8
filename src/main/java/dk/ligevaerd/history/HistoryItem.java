package dk.ligevaerd.history;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the timeline for display. {@code kind} names a translation ("history.kind.*");
 * {@code detail} holds the entry's facts as {@code key=value} lines. Names are resolved from the
 * accounts, so people who have since left the workspace are still named.
 */
public record HistoryItem(long id, Instant occurredAt, String kind, long actorId, String actorName,
        @Nullable Long actorSideId, @Nullable Long subjectUserId, @Nullable String subjectName, String detail) {

    /** The detail lines as an ordered map. */
    public Map<String, String> facts() {
        Map<String, String> facts = new LinkedHashMap<>();
        for (String line : detail.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                facts.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return facts;
    }
}
