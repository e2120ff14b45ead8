package dk.ligevaerd.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * How often each kind of case came up in a property's tries, printed after the run so that a
 * generator that stops producing a case shows in the build log, and checked where a property is
 * only meaningful when a case comes up often enough.
 */
public final class Cases {

    private final String property;
    private final Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();

    public Cases(String property) {
        this.property = property;
    }

    public synchronized void collect(String label, Object value) {
        counts.computeIfAbsent(label, l -> new TreeMap<>()).merge(String.valueOf(value), 1, Integer::sum);
    }

    public synchronized double percentage(String label, Object value) {
        Map<String, Integer> ofLabel = counts.getOrDefault(label, Map.of());
        int total = ofLabel.values().stream().mapToInt(Integer::intValue).sum();
        return total == 0 ? 0 : 100.0 * ofLabel.getOrDefault(String.valueOf(value), 0) / total;
    }

    /** Prints the counts, then fails unless {@code value} made up more than {@code percent} of {@code label}. */
    public void requireMoreThan(String label, Object value, double percent) {
        assertThat(percentage(label, value))
                .as("share of %s = %s in %s%n%s", label, value, property, table())
                .isGreaterThan(percent);
    }

    public void print() {
        System.out.print(table());
    }

    private synchronized String table() {
        StringBuilder out = new StringBuilder();
        counts.forEach((label, values) -> {
            int total = values.values().stream().mapToInt(Integer::intValue).sum();
            out.append(String.format("[%s] %s (%d)%n", property, label, total));
            values.forEach((value, count) -> out.append(String.format("    %-12s | %6.2f %% | %d%n",
                    value, 100.0 * count / total, count)));
        });
        return out.toString();
    }
}
