package dk.ligevaerd.round.rules;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A PRIORITIZE round by dot voting: every voter spreads up to {@code budget} points over the
 * options, at most {@code capPerOption} on any one.
 *
 * <p>Spending less than the budget is allowed: a voter who cares about one option only should not
 * have to scatter points to be counted. A cap above the budget is allowed and simply never binds.
 *
 * @param options      the option ids on the ballot, at least one
 * @param budget       P, the points each voter has, at least 1
 * @param capPerOption M, the most points one voter may give one option, at least 1
 * @param quorum       ballots needed from each side
 */
public record DotVoting(Set<Long> options, int budget, int capPerOption, Quorum quorum) {

    public DotVoting {
        options = Ordered.copyOf(options);
        Objects.requireNonNull(quorum, "quorum");
        if (options.isEmpty()) {
            throw new IllegalArgumentException("Dot voting needs at least one option");
        }
        if (budget < 1 || capPerOption < 1) {
            throw new IllegalArgumentException(
                    "Budget and cap must be at least 1, not " + budget + " and " + capPerOption);
        }
    }

    /**
     * Refuses a ballot the voter must correct. Checks each option in ascending id order (unknown,
     * then negative, then over the cap) and then the total, so that the same ballot always gets
     * the same message.
     *
     * @throws BallotRejected {@code error.ballot.unknownOption}; {@code error.ballot.negativePoints};
     *                        {@code error.ballot.overCap} with the cap and the points given;
     *                        {@code error.ballot.overBudget} with the budget and the total given
     */
    public void validate(DotBallot ballot) {
        ballot.points().forEach((option, points) -> {
            if (!options.contains(option)) {
                throw new BallotRejected("error.ballot.unknownOption");
            }
            if (points < 0) {
                throw new BallotRejected("error.ballot.negativePoints");
            }
            if (points > capPerOption) {
                throw new BallotRejected("error.ballot.overCap", capPerOption, points);
            }
        });
        long total = ballot.total();
        if (total > budget) {
            throw new BallotRejected("error.ballot.overBudget", budget, total);
        }
    }

    /**
     * Ranks the options with every side weighing the same, SPEC.md's
     * {@code score_s(o) = (1/n_s) · Σ_b points_b(o) / P} and
     * {@code score(o) = (1/|S|) · Σ_s score_s(o)}; every score lies in [0, 1] because no ballot can
     * give one option more than P.
     *
     * <p>A side without ballots has score 0 for every option: it adds nothing, which lowers every
     * parity score by the same factor and leaves the ranking as if the side were absent. It misses
     * any quorum of one or more, so this matters only for a round opened with quorum 0.
     *
     * @param sides         every side of the workspace, including those that cast nothing; their
     *                      order does not matter
     * @param ballotsBySide side id to the latest ballot of each of its voters; a side may be left out
     * @throws BallotRejected           if any ballot is invalid: no result is computed from a bad one
     * @throws IllegalArgumentException if there are no sides, or ballots from a side not among them
     */
    public PrioritizeResult tally(Set<Long> sides, Map<Long, ? extends List<DotBallot>> ballotsBySide) {
        SortedMap<Long, List<Map<Long, Integer>>> pointsBySide = new TreeMap<>();
        Sides.withBallots(sides, ballotsBySide).forEach((side, ballots) -> {
            ballots.forEach(this::validate);
            pointsBySide.put(side, ballots.stream().map(DotBallot::points).toList());
        });
        return PointTally.tally(PrioritizeMethod.DOTS, options, budget, quorum, pointsBySide);
    }
}
