package dk.ligevaerd.round.rules;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Checks and orders the input every tally shares: the sides, and each side's latest ballots. */
final class Sides {

    private Sides() {
    }

    /**
     * Every side of the round with its ballots, in ascending side order; a side that cast nothing
     * gets an empty list.
     *
     * <p>The sides are passed on their own rather than read from the keys of the ballot map: a map
     * built by grouping ballots has no key for a side that cast none, and that side would silently
     * drop out of the average and the quorum check.
     *
     * @throws IllegalArgumentException if there are no sides, or ballots from a side not among them
     */
    static <B> SortedMap<Long, List<B>> withBallots(Iterable<Long> sides, Map<Long, ? extends List<B>> ballotsBySide) {
        SortedMap<Long, List<B>> result = new TreeMap<>();
        for (Long side : sides) {
            List<B> ballots = ballotsBySide.get(side);
            result.put(side, ballots == null ? List.of() : List.copyOf(ballots));
        }
        if (result.isEmpty()) {
            throw new IllegalArgumentException("A round needs at least one side");
        }
        for (Long side : ballotsBySide.keySet()) {
            if (!result.containsKey(side)) {
                throw new IllegalArgumentException(
                        "Ballots from side " + side + ", which is not among the sides " + result.keySet());
            }
        }
        return result;
    }
}
