package dk.ligevaerd.insight;

import dk.ligevaerd.insight.metrics.Measure;
import dk.ligevaerd.insight.metrics.Weekly;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A feature's contribution to the equality view: measures it alone can count, such as the
 * authorship of the statement's text or the ballots cast in rounds. Spring beans; called inside
 * {@link InsightService#report}'s read-only transaction after the membership check.
 */
public interface EqualitySource {

    /** Position among the measures; priorities are 20–30, moderation 50, headcount last (1000). */
    int order();

    /**
     * The measures for the period ({@code from} inclusive, {@code to} exclusive, either open),
     * built with {@link Measure#of} over exactly these sides.
     */
    List<OrderedMeasure> measures(long workspaceId, List<Long> sides, @Nullable Instant from, @Nullable Instant to);

    /** Turnout per side (0–1), if this source knows it; empty otherwise. */
    default java.util.Map<Long, Double> turnout(long workspaceId, List<Long> sides, @Nullable Instant from,
            @Nullable Instant to) {
        return java.util.Map.of();
    }

    /**
     * Measures this source also counts week by week for the period, each drawn over time in the
     * equality view; built with {@link Weekly#count} over exactly these sides, so that every
     * feature cuts the weeks as the view does. None by default.
     */
    default List<Weekly> weekly(long workspaceId, List<Long> sides, @Nullable Instant from, @Nullable Instant to,
            ZoneId zone) {
        return List.of();
    }

    /** A measure with its place in the list. */
    record OrderedMeasure(int order, Measure measure) {
    }
}
