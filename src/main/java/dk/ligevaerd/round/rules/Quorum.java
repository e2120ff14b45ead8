package dk.ligevaerd.round.rules;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fewest ballots each side must cast for a round to decide anything: q_s in SPEC.md, one
 * number per side, by default the same for all. Abstentions and empty ballots count: they show
 * that a side took part.
 *
 * <p>It is the one place where the rules count people on purpose: a side that did not show up
 * must not be decided for, however small it is.
 *
 * @param ballotsFromEachSide zero or more: the quorum of a side not named in {@code perSide}
 * @param perSide             a side's own quorum, where the round's creator set one
 */
public record Quorum(int ballotsFromEachSide, Map<Long, Integer> perSide) {

    /** One ballot from each side, the default for a new round. */
    public static final Quorum DEFAULT = new Quorum(1);

    public Quorum {
        if (ballotsFromEachSide < 0) {
            throw new IllegalArgumentException("A quorum cannot be negative: " + ballotsFromEachSide);
        }
        perSide = Map.copyOf(perSide);
        perSide.forEach((side, q) -> {
            if (q < 0) {
                throw new IllegalArgumentException("A quorum cannot be negative: " + q + " for side " + side);
            }
        });
    }

    public Quorum(int ballotsFromEachSide) {
        this(ballotsFromEachSide, Map.of());
    }

    public static Quorum of(int ballotsFromEachSide) {
        return new Quorum(ballotsFromEachSide);
    }

    /** q_s: this side's quorum. */
    public int of(long side) {
        return perSide.getOrDefault(side, ballotsFromEachSide);
    }

    /** Whether a side with no quorum of its own meets the common one. */
    public boolean isMetBy(int ballots) {
        return ballots >= ballotsFromEachSide;
    }

    public boolean isMetBy(long side, int ballots) {
        return ballots >= of(side);
    }

    /** The sides, in ascending order, whose count of ballots is below their quorum. */
    public Set<Long> missedBy(Map<Long, Integer> ballotsPerSide) {
        Set<Long> missing = new TreeSet<>();
        ballotsPerSide.forEach((side, ballots) -> {
            if (!isMetBy(side, ballots)) {
                missing.add(side);
            }
        });
        return Ordered.copyOf(missing);
    }
}
