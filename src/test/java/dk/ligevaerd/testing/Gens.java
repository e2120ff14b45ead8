package dk.ligevaerd.testing;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Generators the property tests share that QuickTheories does not offer as such. */
public final class Gens {

    private Gens() {
    }

    /**
     * Between {@code minSize} and {@code maxSize} distinct numbers from {@code min} to {@code max},
     * in the order drawn. Each is drawn from those not yet taken, so the set always has its size,
     * also while QuickTheories shrinks a failing case.
     */
    public static Gen<Set<Long>> distinctLongs(long min, long max, int minSize, int maxSize) {
        Gen<Integer> sizes = integers().between(minSize, maxSize);
        return in -> {
            int size = sizes.generate(in);
            List<Long> left = new ArrayList<>(LongStream.rangeClosed(min, max).boxed().toList());
            Set<Long> set = new LinkedHashSet<>();
            while (set.size() < size) {
                set.add(left.remove((int) Generate.range(0, left.size() - 1).generate(in)));
            }
            return set;
        };
    }

    /** Strings of up to {@code maxLength} characters taken from {@code chars}. */
    public static Gen<String> strings(String chars, int maxLength) {
        List<Character> alphabet = chars.chars().mapToObj(c -> (char) c).toList();
        return lists().of(Generate.pick(alphabet)).ofSizeBetween(0, maxLength)
                .map(list -> list.stream().map(String::valueOf).collect(Collectors.joining()));
    }

    /** The elements in an order of the generator's choosing. */
    public static <T> Gen<List<T>> shuffled(List<T> elements) {
        return in -> {
            List<T> left = new ArrayList<>(elements);
            List<T> order = new ArrayList<>();
            while (!left.isEmpty()) {
                order.add(left.remove((int) Generate.range(0, left.size() - 1).generate(in)));
            }
            return order;
        };
    }
}
