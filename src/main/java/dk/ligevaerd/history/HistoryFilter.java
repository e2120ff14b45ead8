package dk.ligevaerd.history;

import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Which timeline entries to show. Every part is optional; an empty filter shows everything.
 *
 * @param area   the feature an entry belongs to: the first part of its kind ("priority", "round", …)
 * @param sideId the side the actor acted from
 * @param from   inclusive
 * @param to     exclusive
 */
public record HistoryFilter(@Nullable String area, @Nullable Long sideId, @Nullable Instant from,
        @Nullable Instant to) {

    public static final HistoryFilter ALL = new HistoryFilter(null, null, null, null);

    /** The areas entries are grouped into; "workspace" also covers sides, members and invitations. */
    public static String areaOf(String kind) {
        String first = kind.contains(".") ? kind.substring(0, kind.indexOf('.')) : kind;
        return switch (first) {
            case "side", "member", "invitation", "workspace" -> "workspace";
            default -> first.toLowerCase(Locale.ROOT);
        };
    }

    boolean matches(HistoryItem item) {
        return (area == null || area.equals(areaOf(item.kind())))
                && (sideId == null || sideId.equals(item.actorSideId()))
                && (from == null || !item.occurredAt().isBefore(from))
                && (to == null || item.occurredAt().isBefore(to));
    }
}
