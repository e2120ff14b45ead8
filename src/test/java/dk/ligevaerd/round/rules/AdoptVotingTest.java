package dk.ligevaerd.round.rules;

import static dk.ligevaerd.round.rules.AdoptBallot.abstain;
import static dk.ligevaerd.round.rules.AdoptBallot.no;
import static dk.ligevaerd.round.rules.AdoptBallot.object;
import static dk.ligevaerd.round.rules.AdoptBallot.yes;
import static org.assertj.core.api.Assertions.assertThat;

import dk.ligevaerd.round.rules.AdoptResult.Outcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Worked examples of the three ADOPT rules, each calculated by hand in its comment. */
class AdoptVotingTest {

    static final long KOMMUNE = 1;
    static final long CIVIL = 2;
    static final Set<Long> SIDES = Set.of(KOMMUNE, CIVIL);

    static AdoptResult tally(AdoptRule rule, List<AdoptBallot> kommune, List<AdoptBallot> civil) {
        return new AdoptVoting(rule, Quorum.DEFAULT).tally(SIDES, Map.of(KOMMUNE, kommune, CIVIL, civil));
    }

    /*
     * Side parity.
     *   Kommune: yes, yes, yes, no      support 3/(3+1) = 3/4
     *   Civil:   yes, no, abstain       support 1/(1+1) = 1/2 (the abstention only counts for quorum)
     *   parity support (3/4 + 1/2) / 2 = 5/8 > 1/2  -> adopted
     *   head count: 4 yes, 2 no -> 4/6 = 2/3 > 1/2  -> adopted too; no difference
     */
    @Test
    void side_parity_adopts_when_the_mean_support_is_above_one_half() {
        AdoptResult result = tally(AdoptRule.SIDE_PARITY,
                List.of(yes(), yes(), yes(), no()), List.of(yes(), no(), abstain()));

        assertThat(result.votesPerSide()).isEqualTo(Map.of(
                KOMMUNE, new VoteCount(3, 1, 0, 0),
                CIVIL, new VoteCount(1, 1, 1, 0)));
        assertThat(result.supportPerSide()).isEqualTo(Map.of(KOMMUNE, Fraction.of(3, 4), CIVIL, Fraction.HALF));
        assertThat(result.paritySupport()).isEqualTo(Fraction.of(5, 8));
        assertThat(result.ruleAdopts()).isTrue();
        assertThat(result.headCountSupport()).isEqualTo(Fraction.of(2, 3));
        assertThat(result.headCountAdopts()).isTrue();
        assertThat(result.differs()).isFalse();
        assertThat(result.outcome()).isEqualTo(Outcome.ADOPTED);
        assertThat(result.adopted()).isTrue();
        assertThat(result.ballotsPerSide()).isEqualTo(Map.of(KOMMUNE, 4, CIVIL, 3));
    }

    /*
     * Side parity at exactly one half.
     *   Kommune: yes, yes, no   support 2/3
     *   Civil:   yes, no, no    support 1/3
     *   parity support (2/3 + 1/3) / 2 = 1/2, not above 1/2 -> rejected (in doubles, 2/3 + 1/3
     *   may or may not be exactly 1; with fractions it is)
     *   head count: 3 yes, 3 no -> 1/2 -> not adopted either
     */
    @Test
    void side_parity_at_exactly_one_half_rejects() {
        AdoptResult result = tally(AdoptRule.SIDE_PARITY, List.of(yes(), yes(), no()), List.of(yes(), no(), no()));

        assertThat(result.paritySupport()).isEqualTo(Fraction.HALF);
        assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(result.headCountSupport()).isEqualTo(Fraction.HALF);
        assertThat(result.headCountAdopts()).isFalse();
        assertThat(result.differs()).isFalse();
    }

    /*
     * Double majority, with a side that only abstains.
     *   Kommune: yes, yes, no        support 2/3 > 1/2
     *   Civil:   abstain, abstain    support 1/2 (neutral), not above 1/2 -> blocks
     *   -> rejected, although the parity support (2/3 + 1/2)/2 = 7/12 is above one half
     *   head count: 2 yes, 1 no -> 2/3 -> adopted, so the two differ
     */
    @Test
    void double_majority_is_blocked_by_a_side_that_only_abstains() {
        AdoptResult result = tally(AdoptRule.DOUBLE_MAJORITY,
                List.of(yes(), yes(), no()), List.of(abstain(), abstain()));

        assertThat(result.supportPerSide()).isEqualTo(Map.of(KOMMUNE, Fraction.of(2, 3), CIVIL, Fraction.HALF));
        assertThat(result.paritySupport()).isEqualTo(Fraction.of(7, 12));
        assertThat(result.ruleAdopts()).isFalse();
        assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(result.headCountSupport()).isEqualTo(Fraction.of(2, 3));
        assertThat(result.headCountAdopts()).isTrue();
        assertThat(result.differs()).isTrue();
    }

    /*
     * Double majority.
     *   Kommune: yes, yes, no   support 2/3 > 1/2
     *   Civil:   yes            support 1   > 1/2   -> every side is for it: adopted
     */
    @Test
    void double_majority_adopts_when_every_side_is_for_it() {
        AdoptResult result = tally(AdoptRule.DOUBLE_MAJORITY, List.of(yes(), yes(), no()), List.of(yes()));

        assertThat(result.outcome()).isEqualTo(Outcome.ADOPTED);
        assertThat(result.headCountAdopts()).isTrue();
    }

    /*
     * Consent.
     *   Kommune: yes, yes                               no objection
     *   Civil:   yes, no, object("..."), abstain        one objection -> rejected
     * The no does not block under consent; yes/no are counted for information, the objection
     * counting as a no: support Kommune 2/2 = 1, Civil 1/(1 + 1 + 1) = 1/3.
     * Head count under consent is the same veto, so the two never differ.
     */
    @Test
    void consent_is_withheld_by_one_objection_shown_with_its_side_and_reason() {
        String reason = "Budgettet til besøgsvenner er ikke sikret efter 2027.";

        AdoptResult result = tally(AdoptRule.CONSENT,
                List.of(yes(), yes()), List.of(yes(), no(), object(reason), abstain()));

        assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(result.objections()).containsExactly(new Objection(CIVIL, reason));
        assertThat(result.votesPerSide().get(CIVIL)).isEqualTo(new VoteCount(1, 1, 1, 1));
        assertThat(result.supportPerSide()).isEqualTo(Map.of(KOMMUNE, Fraction.ONE, CIVIL, Fraction.of(1, 3)));
        assertThat(result.headCountAdopts()).isFalse();
        assertThat(result.differs()).isFalse();
    }

    /*
     * Consent.
     *   Kommune: no, no      Civil: abstain
     *   No one objects -> adopted, although no one voted yes: under consent a no means
     *   "I would rather not, but I can live with it".
     */
    @Test
    void consent_is_given_when_nobody_objects_even_against_no_votes() {
        AdoptResult result = tally(AdoptRule.CONSENT, List.of(no(), no()), List.of(abstain()));

        assertThat(result.outcome()).isEqualTo(Outcome.ADOPTED);
        assertThat(result.objections()).isEmpty();
        assertThat(result.paritySupport()).isEqualTo(Fraction.of(1, 4));
    }

    /*
     * Quorum 2, side parity.
     *   Kommune: yes, yes (2 ballots, meets it)     Civil: abstain (1 ballot, misses it)
     *   The rule alone would adopt ((1 + 1/2)/2 = 3/4), but the round can only close as no decision.
     */
    @Test
    void a_side_below_the_quorum_leaves_no_decision_but_keeps_the_tallies() {
        AdoptResult result = new AdoptVoting(AdoptRule.SIDE_PARITY, Quorum.of(2))
                .tally(SIDES, Map.of(KOMMUNE, List.of(yes(), yes()), CIVIL, List.of(abstain())));

        assertThat(result.outcome()).isEqualTo(Outcome.NO_DECISION);
        assertThat(result.adopted()).isFalse();
        assertThat(result.sidesMissingQuorum()).containsExactly(CIVIL);
        assertThat(result.ruleAdopts()).isTrue();
        assertThat(result.paritySupport()).isEqualTo(Fraction.of(3, 4));
        assertThat(result.ballotsPerSide()).isEqualTo(Map.of(KOMMUNE, 2, CIVIL, 1));
    }

    /*
     * Quorum 1, side parity; Civil cast nothing at all (left out of the ballot map).
     *   Civil: no ballots -> support 1/2, 0 ballots -> misses the quorum -> no decision.
     */
    @Test
    void a_side_that_cast_nothing_is_neutral_and_misses_the_quorum() {
        AdoptResult result = new AdoptVoting(AdoptRule.SIDE_PARITY, Quorum.DEFAULT)
                .tally(SIDES, Map.of(KOMMUNE, List.of(yes())));

        assertThat(result.votesPerSide()).containsEntry(CIVIL, VoteCount.NONE);
        assertThat(result.supportPerSide()).containsEntry(CIVIL, Fraction.HALF);
        assertThat(result.outcome()).isEqualTo(Outcome.NO_DECISION);
        assertThat(result.sidesMissingQuorum()).containsExactly(CIVIL);
    }

    /*
     * Side parity, 3 municipal against 6 civil voters.
     *   Kommune: yes, yes, yes               support 3/3 = 1
     *   Civil:   yes, no, no, no, no, no     support 1/6
     *   parity support (1 + 1/6) / 2 = 7/12 > 1/2     -> adopted
     *   head count: 4 yes, 5 no -> 4/9 < 1/2          -> would be rejected
     * The Kommune is unanimous and the civil side mostly against; counted as heads, the side with
     * twice the turnout would decide alone.
     */
    @Test
    void three_municipal_and_six_civil_voters_decide_differently_by_parity_and_by_head_count() {
        List<AdoptBallot> civil = new ArrayList<>(List.of(yes()));
        civil.addAll(Collections.nCopies(5, no()));

        AdoptResult result = tally(AdoptRule.SIDE_PARITY, Collections.nCopies(3, yes()), civil);

        assertThat(result.paritySupport()).isEqualTo(Fraction.of(7, 12));
        assertThat(result.outcome()).isEqualTo(Outcome.ADOPTED);
        assertThat(result.headCountSupport()).isEqualTo(Fraction.of(4, 9));
        assertThat(result.headCountAdopts()).isFalse();
        assertThat(result.differs()).isTrue();
    }
}
