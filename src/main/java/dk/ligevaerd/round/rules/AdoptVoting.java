package dk.ligevaerd.round.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An ADOPT round on one version of the purpose statement: yes, no, abstain, and under
 * {@link AdoptRule#CONSENT} object.
 *
 * @param rule   how support becomes adoption
 * @param quorum ballots needed from each side
 */
public record AdoptVoting(AdoptRule rule, Quorum quorum) {

    public AdoptVoting {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(quorum, "quorum");
    }

    /**
     * Refuses a ballot the voter must correct.
     *
     * <p>An objection is refused outside {@link AdoptRule#CONSENT}: side parity and double
     * majority give no one a veto, so an objection there could only count as a no, and a voter
     * who objects would believe they had blocked what they had merely voted against.
     *
     * @throws BallotRejected {@code error.ballot.objectionNotAllowed};
     *                        {@code error.ballot.objectionWithoutReason};
     *                        {@code error.ballot.objectionReasonTooLong} with the longest allowed
     */
    public void validate(AdoptBallot ballot) {
        if (ballot.vote() != Vote.OBJECT) {
            return;
        }
        if (rule != AdoptRule.CONSENT) {
            throw new BallotRejected("error.ballot.objectionNotAllowed");
        }
        String reason = ballot.reason();
        if (reason == null || reason.isBlank()) {
            throw new BallotRejected("error.ballot.objectionWithoutReason");
        }
        if (reason.length() > AdoptBallot.REASON_MAX_LENGTH) {
            throw new BallotRejected("error.ballot.objectionReasonTooLong", AdoptBallot.REASON_MAX_LENGTH);
        }
    }

    /**
     * Decides by the round's rule, every side weighing the same, with
     * {@code support_s = yes_s / (yes_s + no_s)}, or 1/2 for a side with no yes or no:
     * <ul>
     * <li>{@link AdoptRule#SIDE_PARITY}: adopted iff {@code (1/|S|) · Σ_s support_s > 1/2}. Exactly
     * 1/2 is not adopted: a tie between the sides is no majority.</li>
     * <li>{@link AdoptRule#DOUBLE_MAJORITY}: adopted iff {@code support_s > 1/2} for every side, so a
     * side that only abstains blocks.</li>
     * <li>{@link AdoptRule#CONSENT}: adopted iff no ballot objects. Yes, no and abstain are counted
     * and shown for information only, with each objection counting as a no in the support; a no
     * here says "I would rather not, but I can live with it".</li>
     * </ul>
     * A side without ballots has support 1/2, like one that only abstains; it misses any quorum
     * of one or more.
     *
     * @param sides         every side of the workspace, including those that cast nothing; their
     *                      order does not matter
     * @param ballotsBySide side id to the latest ballot of each of its voters; a side may be left out
     * @throws BallotRejected           if any ballot is invalid: no result is computed from a bad one
     * @throws IllegalArgumentException if there are no sides, or ballots from a side not among them
     */
    public AdoptResult tally(Set<Long> sides, Map<Long, ? extends List<AdoptBallot>> ballotsBySide) {
        SortedMap<Long, VoteCount> votes = new TreeMap<>();
        SortedMap<Long, Fraction> support = new TreeMap<>();
        SortedMap<Long, Integer> ballotCounts = new TreeMap<>();
        List<Objection> objections = new ArrayList<>();
        Sides.withBallots(sides, ballotsBySide).forEach((side, ballots) -> {
            ballots.forEach(this::validate);
            VoteCount count = VoteCount.of(ballots);
            votes.put(side, count);
            support.put(side, count.support());
            ballotCounts.put(side, count.total());
            ballots.stream()
                    .filter(ballot -> ballot.vote() == Vote.OBJECT)
                    .forEach(ballot -> objections.add(new Objection(side, Objects.requireNonNull(ballot.reason()))));
        });

        Fraction paritySupport = Fraction.mean(support.values());
        Fraction headCountSupport = VoteCount.sum(votes.values()).support();
        boolean ruleAdopts = switch (rule) {
            case SIDE_PARITY -> paritySupport.isGreaterThan(Fraction.HALF);
            case DOUBLE_MAJORITY -> AdoptResult.withoutMajority(support).isEmpty();
            case CONSENT -> objections.isEmpty();
        };
        boolean headCountAdopts = rule == AdoptRule.CONSENT
                ? objections.isEmpty()
                : headCountSupport.isGreaterThan(Fraction.HALF);

        return new AdoptResult(rule, votes, support, paritySupport, ruleAdopts, headCountSupport, headCountAdopts,
                objections, quorum.missedBy(ballotCounts));
    }
}
