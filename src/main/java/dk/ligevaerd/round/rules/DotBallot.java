package dk.ligevaerd.round.rules;

import java.util.Map;

/**
 * One voter's ballot in a dot-voting round: the points given to each option. An option left out
 * gets no points; a ballot that gives none at all still counts towards the quorum, the
 * prioritizing counterpart of an abstention.
 *
 * <p>Whether the points fit the round's budget and cap is checked by
 * {@link DotVoting#validate(DotBallot)}, because only the round knows them.
 *
 * @param points option id to points, iterating in ascending option order
 */
public record DotBallot(Map<Long, Integer> points) {

    public DotBallot {
        points = Ordered.copyOf(points);
    }

    public int pointsFor(long option) {
        return points.getOrDefault(option, 0);
    }

    /** All points on the ballot, as a {@code long} so that no sum of {@code int}s can overflow. */
    public long total() {
        return points.values().stream().mapToLong(Integer::longValue).sum();
    }
}
