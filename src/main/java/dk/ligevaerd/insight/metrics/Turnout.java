package dk.ligevaerd.insight.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ballots cast against members who could vote, per side: the share a side had in decisions
 * compared with how many of its people there are.
 *
 * @param cast     ballots cast per side (summed over the rounds considered)
 * @param eligible members who could vote per side (summed likewise)
 */
public record Turnout(Map<Long, Long> cast, Map<Long, Long> eligible) {

    public Turnout {
        cast = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cast));
        eligible = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(eligible));
    }

    /** The side's turnout between 0 and 1; 0 when it had nobody to vote. */
    public double rate(long side) {
        long possible = eligible.getOrDefault(side, 0L);
        return possible == 0 ? 0 : Math.min(1, (double) cast.getOrDefault(side, 0L) / possible);
    }

    public Measure asMeasure() {
        return new Measure("ballots", cast);
    }
}
