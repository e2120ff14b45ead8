package dk.ligevaerd.insight.metrics;

import java.util.Map;
import java.util.Optional;

/**
 * The product's one rule for "one side dominates": with two sides, more than two thirds of the
 * total; with k &gt; 2 sides, more than twice the equal share 1/k. For two sides the two rules
 * coincide (2 · 1/2 = 1 would be unreachable), which is why two sides get the stricter two thirds.
 */
public final class Dominance {

    private Dominance() {
    }

    public static Optional<Long> dominant(Map<Long, Long> counts) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        int sides = counts.size();
        if (total == 0 || sides < 2) {
            return Optional.empty();
        }
        for (Map.Entry<Long, Long> e : counts.entrySet()) {
            long count = e.getValue();
            boolean dominates = sides == 2 ? count * 3 > total * 2 : count * sides > total * 2;
            if (dominates) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }
}
