package dk.ligevaerd.insight.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How one kind of activity is spread over the sides: a count per side. Every side of the workspace
 * appears, with zero where it did nothing, because a silent side is exactly what must show.
 *
 * @param key    names the measure (a translation key suffix, e.g. "authorship")
 * @param counts per side id, in the workspace's side order
 */
public record Measure(String key, Map<Long, Long> counts) {

    public Measure {
        counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        if (counts.values().stream().anyMatch(c -> c < 0)) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
    }

    /** A measure over the given sides; sides missing from {@code counted} count zero. */
    public static Measure of(String key, List<Long> sides, Map<Long, Long> counted) {
        Map<Long, Long> counts = new LinkedHashMap<>();
        for (Long side : sides) {
            counts.put(side, counted.getOrDefault(side, 0L));
        }
        return new Measure(key, counts);
    }

    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The side's share of the total, 0 when nothing was counted. */
    public double share(long side) {
        long total = total();
        return total == 0 ? 0 : (double) counts.getOrDefault(side, 0L) / total;
    }

    /**
     * The side that dominates this measure, if any: for two sides, one holding more than two thirds;
     * for more sides, one holding more than twice its equal share. Decided in whole numbers, so a
     * share of exactly two thirds is not dominance.
     */
    public Optional<Long> dominantSide() {
        return Dominance.dominant(counts);
    }
}
