package dk.ligevaerd.insight;

import dk.ligevaerd.insight.metrics.Measure;
import java.time.Instant;
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

    /** A measure with its place in the list. */
    record OrderedMeasure(int order, Measure measure) {
    }
}
