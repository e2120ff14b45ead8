package dk.ligevaerd.round.rules;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A PRIORITIZE round by ranking, scored by Borda count: with m options, the option a ballot puts
 * in place r (counting from 1) gets {@code m − r} points, and options it leaves out get 0.
 *
 * <p>Then the round is tallied as dot voting with P = m − 1. SPEC.md says "P = the most points a
 * ballot can give"; we read that as the most it can give <em>one option</em> (its first place),
 * which is what makes every score, like a dot-voting score, a share in [0, 1]. Reading it as the
 * most a ballot can give in all, m(m − 1)/2, would multiply every score of every side by the same
 * constant 2/m and change no ranking, tie or outcome.
 *
 * @param options the option ids that can be ranked, at least two, since ranking one option says nothing
 * @param quorum  ballots needed from each side
 */
public record RankingVoting(Set<Long> options, Quorum quorum) {

    public RankingVoting {
        options = Ordered.copyOf(options);
        Objects.requireNonNull(quorum, "quorum");
        if (options.size() < 2) {
            throw new IllegalArgumentException("A ranking needs at least two options, not " + options.size());
        }
    }

    /** P = m − 1: the points of a first place, the most a ballot can give one option. */
    public int maxPoints() {
        return options.size() - 1;
    }

    /**
     * Refuses a ballot the voter must correct, checking its entries in order.
     *
     * @throws BallotRejected {@code error.ballot.unknownOption}; {@code error.ballot.duplicateInRanking}
     */
    public void validate(RankingBallot ballot) {
        Set<Long> seen = new HashSet<>();
        for (Long option : ballot.order()) {
            if (!options.contains(option)) {
                throw new BallotRejected("error.ballot.unknownOption");
            }
            if (!seen.add(option)) {
                throw new BallotRejected("error.ballot.duplicateInRanking");
            }
        }
    }

    /**
     * The Borda points of a valid ballot, option id to points, every option of the round included;
     * a form can show them as the voter ranks.
     *
     * @throws BallotRejected if the ballot is invalid
     */
    public Map<Long, Integer> bordaPoints(RankingBallot ballot) {
        validate(ballot);
        int m = options.size();
        Map<Long, Integer> points = new TreeMap<>();
        options.forEach(option -> points.put(option, 0));
        List<Long> order = ballot.order();
        for (int place = 1; place <= order.size(); place++) {
            points.put(order.get(place - 1), m - place);
        }
        return Ordered.copyOf(points);
    }

    /**
     * Ranks the options with every side weighing the same: the Borda points of each ballot,
     * tallied exactly as {@link DotVoting#tally} does with P = {@link #maxPoints()}, including a
     * side without ballots scoring 0 everywhere.
     *
     * @param sides         every side of the workspace, including those that cast nothing; their
     *                      order does not matter
     * @param ballotsBySide side id to the latest ballot of each of its voters; a side may be left out
     * @throws BallotRejected           if any ballot is invalid: no result is computed from a bad one
     * @throws IllegalArgumentException if there are no sides, or ballots from a side not among them
     */
    public PrioritizeResult tally(Set<Long> sides, Map<Long, ? extends List<RankingBallot>> ballotsBySide) {
        SortedMap<Long, List<Map<Long, Integer>>> pointsBySide = new TreeMap<>();
        Sides.withBallots(sides, ballotsBySide)
                .forEach((side, ballots) -> pointsBySide.put(side, ballots.stream().map(this::bordaPoints).toList()));
        return PointTally.tally(PrioritizeMethod.RANKING, options, maxPoints(), quorum, pointsBySide);
    }
}
