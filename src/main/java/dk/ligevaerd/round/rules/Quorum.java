package dk.ligevaerd.round.rules;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fewest ballots every side must cast for a round to decide anything. Abstentions and empty
 * ballots count: they show that a side took part.
 *
 * <p>The same number applies to every side, as SPEC.md's "at least q ballots from each side". It
 * is the one place where the rules count people on purpose: a side that did not show up must not
 * be decided for, however small it is.
 *
 * @param ballotsFromEachSide zero or more
 */
public record Quorum(int ballotsFromEachSide) {

    /** One ballot from each side, the default for a new round. */
    public static final Quorum DEFAULT = new Quorum(1);

    public Quorum {
        if (ballotsFromEachSide < 0) {
            throw new IllegalArgumentException("A quorum cannot be negative: " + ballotsFromEachSide);
        }
    }

    public static Quorum of(int ballotsFromEachSide) {
        return new Quorum(ballotsFromEachSide);
    }

    public boolean isMetBy(int ballots) {
        return ballots >= ballotsFromEachSide;
    }

    /** The sides, in ascending order, whose count of ballots is below the quorum. */
    public Set<Long> missedBy(Map<Long, Integer> ballotsPerSide) {
        Set<Long> missing = new TreeSet<>();
        ballotsPerSide.forEach((side, ballots) -> {
            if (!isMetBy(ballots)) {
                missing.add(side);
            }
        });
        return Ordered.copyOf(missing);
    }
}
