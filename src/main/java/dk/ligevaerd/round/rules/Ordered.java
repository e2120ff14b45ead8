package dk.ligevaerd.round.rules;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Immutable copies that iterate in ascending key order. Results become decision records that are
 * chained by hash, so the same tally must always serialize in the same order.
 */
final class Ordered {

    private Ordered() {
    }

    static <K extends Comparable<K>, V> Map<K, V> copyOf(Map<K, ? extends V> map) {
        TreeMap<K, V> copy = new TreeMap<>();
        map.forEach((key, value) -> copy.put(Objects.requireNonNull(key), Objects.requireNonNull(value)));
        return Collections.unmodifiableSortedMap(copy);
    }

    static <K extends Comparable<K>, L extends Comparable<L>, V> Map<K, Map<L, V>> copyOfNested(
            Map<K, ? extends Map<L, ? extends V>> map) {
        TreeMap<K, Map<L, V>> copy = new TreeMap<>();
        map.forEach((key, inner) -> copy.put(Objects.requireNonNull(key), copyOf(inner)));
        return Collections.unmodifiableSortedMap(copy);
    }

    static <E extends Comparable<E>> Set<E> copyOf(Set<E> set) {
        TreeSet<E> copy = new TreeSet<>();
        set.forEach(element -> copy.add(Objects.requireNonNull(element)));
        return Collections.unmodifiableSortedSet(copy);
    }
}
