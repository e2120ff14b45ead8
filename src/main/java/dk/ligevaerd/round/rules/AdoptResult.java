package dk.ligevaerd.round.rules;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * What an ADOPT round gives: each side's votes and support, the verdict of the round's rule, and
 * beside it the verdict of one-person-one-vote.
 *
 * <p>{@link #ruleAdopts()} and {@link #headCountAdopts()} are what the two ways of counting say
 * about the ballots, whether or not the quorum was met; {@link #outcome()} is what the round
 * decides. Keeping them apart lets a "no decision" record still show how the vote stood.
 *
 * @param rule               the rule the round was opened with
 * @param votesPerSide       side id to its counts, zero included
 * @param supportPerSide     side id to {@code yes / (yes + no)}, or 1/2 without yes or no
 *                           (an objection counting as a no: see {@link VoteCount#support()})
 * @param paritySupport      the mean of the sides' support, each side weighing the same (shown
 *                           for every rule, though only {@link AdoptRule#SIDE_PARITY} decides by it)
 * @param ruleAdopts         whether the rule adopts, quorum aside
 * @param headCountSupport   the same over all ballots pooled
 * @param headCountAdopts    whether one-person-one-vote adopts: pooled support above 1/2, or
 *                           under consent, no objection (a veto every person holds, so headcount
 *                           cannot change it)
 * @param objections         every objection with its side, by side id and then in ballot order
 * @param sidesMissingQuorum the sides that cast fewer ballots than the quorum asks
 */
public record AdoptResult(
        AdoptRule rule,
        Map<Long, VoteCount> votesPerSide,
        Map<Long, Fraction> supportPerSide,
        Fraction paritySupport,
        boolean ruleAdopts,
        Fraction headCountSupport,
        boolean headCountAdopts,
        List<Objection> objections,
        Set<Long> sidesMissingQuorum) {

    /** What the round decides. */
    public enum Outcome {
        ADOPTED,
        REJECTED,
        /** At least one side missed the quorum; the round can only close without a decision. */
        NO_DECISION
    }

    public AdoptResult {
        Objects.requireNonNull(rule, "rule");
        votesPerSide = Ordered.copyOf(votesPerSide);
        supportPerSide = Ordered.copyOf(supportPerSide);
        Objects.requireNonNull(paritySupport, "paritySupport");
        Objects.requireNonNull(headCountSupport, "headCountSupport");
        objections = List.copyOf(objections);
        sidesMissingQuorum = Ordered.copyOf(sidesMissingQuorum);
    }

    public Outcome outcome() {
        if (!sidesMissingQuorum.isEmpty()) {
            return Outcome.NO_DECISION;
        }
        return ruleAdopts ? Outcome.ADOPTED : Outcome.REJECTED;
    }

    public boolean adopted() {
        return outcome() == Outcome.ADOPTED;
    }

    /** Whether one-person-one-vote would have decided otherwise than the rule. */
    public boolean differs() {
        return ruleAdopts != headCountAdopts;
    }

    /**
     * {@link AdoptRule#DOUBLE_MAJORITY}: the sides whose support is not above one half, each of
     * which keeps the rule from adopting on its own; empty under the other rules, which decide by
     * something else. The rule's own test, so a view that names these sides says what decided.
     */
    public java.util.Set<Long> sidesWithoutMajority() {
        return rule == AdoptRule.DOUBLE_MAJORITY ? withoutMajority(supportPerSide) : java.util.Set.of();
    }

    static java.util.Set<Long> withoutMajority(Map<Long, Fraction> supportPerSide) {
        java.util.Set<Long> without = new java.util.TreeSet<>();
        supportPerSide.forEach((side, support) -> {
            if (!support.isGreaterThan(Fraction.HALF)) {
                without.add(side);
            }
        });
        return Ordered.copyOf(without);
    }

    /**
     * {@link AdoptRule#CONSENT}: the objections, each of which keeps the rule from adopting; zero
     * under the other rules, which allow none.
     */
    public int blockingObjections() {
        return rule == AdoptRule.CONSENT ? objections.size() : 0;
    }

    /**
     * Whether the rule uses {@link #paritySupport()} to decide: only side parity does. Double
     * majority decides by each side's support and consent by objections, so a view shows the mean
     * only where it is what decided.
     */
    public boolean decidedByParitySupport() {
        return rule == AdoptRule.SIDE_PARITY;
    }

    /** Side id to its number of ballots, abstentions and objections included. */
    public Map<Long, Integer> ballotsPerSide() {
        Map<Long, Integer> ballots = new TreeMap<>();
        votesPerSide.forEach((side, votes) -> ballots.put(side, votes.total()));
        return Ordered.copyOf(ballots);
    }
}
