package dk.ligevaerd.testing;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Generators the property tests share that QuickTheories does not offer as such. */
public final class Gens {

    private Gens() {
    }

    /** Between {@code min} and {@code max} distinct elements, in the order first drawn. */
    public static <T> Gen<Set<T>> setOf(Gen<T> elements, int min, int max) {
        Gen<Integer> sizes = integers().between(min, max);
        return in -> {
            int size = sizes.generate(in);
            Set<T> set = new LinkedHashSet<>();
            // Enough draws to fill the set from the small ranges used here, however unlucky.
            for (int draw = 0; set.size() < size && draw < 100 * (size + 1); draw++) {
                set.add(elements.generate(in));
            }
            if (set.size() < min) {
                throw new IllegalStateException("Could not draw " + min + " distinct elements");
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
