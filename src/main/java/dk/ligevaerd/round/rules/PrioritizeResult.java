package dk.ligevaerd.round.rules;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a PRIORITIZE round gives: the ranking with every side weighing the same, each side's own
 * tally, and beside it the ranking one-person-one-vote would have given.
 *
 * <p>The tallies are there even when the round fails its quorum, so that a record of "no
 * decision" still shows who took part and how.
 *
 * @param method             dots or ranking
 * @param parityRanking      every option of the round by parity score, ties sharing a place
 * @param headCountRanking   the same options by their mean score over all ballots pooled, as if
 *                           sides did not exist
 * @param sideScores         side id to option id to that side's score (each in [0, 1])
 * @param sidePoints         side id to option id to the points that side's ballots gave it: the
 *                           raw tally people recognise ("the municipality gave it 14 points")
 * @param ballotsPerSide     side id to its number of ballots, zero included
 * @param sidesMissingQuorum the sides that cast fewer ballots than the quorum asks
 */
public record PrioritizeResult(
        PrioritizeMethod method,
        Ranking parityRanking,
        Ranking headCountRanking,
        Map<Long, Map<Long, Fraction>> sideScores,
        Map<Long, Map<Long, Long>> sidePoints,
        Map<Long, Integer> ballotsPerSide,
        Set<Long> sidesMissingQuorum) {

    /** Whether the round decided. A PRIORITIZE round is not adopted or rejected; it ranks. */
    public enum Outcome {
        /** Every side met the quorum; {@link #parityRanking()} is the decision. */
        DECIDED,
        /** At least one side missed the quorum; the round can only close without a decision. */
        NO_DECISION
    }

    public PrioritizeResult {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(parityRanking, "parityRanking");
        Objects.requireNonNull(headCountRanking, "headCountRanking");
        sideScores = Ordered.copyOfNested(sideScores);
        sidePoints = Ordered.copyOfNested(sidePoints);
        ballotsPerSide = Ordered.copyOf(ballotsPerSide);
        sidesMissingQuorum = Ordered.copyOf(sidesMissingQuorum);
    }

    public Outcome outcome() {
        return sidesMissingQuorum.isEmpty() ? Outcome.DECIDED : Outcome.NO_DECISION;
    }

    /**
     * Whether one-person-one-vote would have placed any option differently. Scores almost always
     * differ between the two; only a different order changes what the round decides, so only
     * that counts as a difference worth showing.
     */
    public boolean differs() {
        return !parityRanking.samePlacesAs(headCountRanking);
    }
}
