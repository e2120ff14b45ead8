package dk.ligevaerd.round.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dk.ligevaerd.round.rules.PrioritizeResult.Outcome;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Worked examples of dot voting, each calculated by hand in its comment. */
class DotVotingTest {

    static final long KOMMUNE = 1;
    static final long CIVIL = 2;
    static final long BORGERE = 3;

    static final long VISITS = 10;
    static final long CAFE = 20;
    static final long TRANSPORT = 30;
    static final long EFFICIENCY = 40;
    static final long PARTICIPATION = 50;

    static DotBallot ballot(long option, int points) {
        return new DotBallot(Map.of(option, points));
    }

    static DotBallot ballot(long option1, int points1, long option2, int points2) {
        return new DotBallot(Map.of(option1, points1, option2, points2));
    }

    static DotBallot ballot(long option1, int points1, long option2, int points2, long option3, int points3) {
        return new DotBallot(Map.of(option1, points1, option2, points2, option3, points3));
    }

    /*
     * P = 5 points per voter, at most M = 3 on one option.
     *
     *   Kommune:  {visits 3, cafe 2}, {visits 2, transport 3}                  n = 2, n·P = 10
     *   Civil:    {cafe 3, transport 2}, {cafe 2, visits 2, transport 1}       n = 2, n·P = 10
     *
     *                 score_Kommune   score_Civil    parity = mean
     *   visits        5/10 = 1/2      2/10 = 1/5     (1/2 + 1/5) / 2 = 7/20
     *   cafe          2/10 = 1/5      5/10 = 1/2     (1/5 + 1/2) / 2 = 7/20
     *   transport     3/10            3/10           (3/10 + 3/10) / 2 = 6/20
     *
     * Visits and cafe tie for first place; transport is third (not second: two options are ahead).
     * Head count pools all 4 ballots (4·P = 20): visits 7/20, cafe 7/20, transport 6/20, the same
     * places, because both sides cast the same number of ballots.
     */
    @Test
    void equal_parity_scores_share_a_place_and_are_not_broken_by_id() {
        DotVoting voting = new DotVoting(Set.of(VISITS, CAFE, TRANSPORT), 5, 3, Quorum.DEFAULT);

        PrioritizeResult result = voting.tally(Set.of(KOMMUNE, CIVIL), Map.of(
                KOMMUNE, List.of(ballot(VISITS, 3, CAFE, 2), ballot(VISITS, 2, TRANSPORT, 3)),
                CIVIL, List.of(ballot(CAFE, 3, TRANSPORT, 2), ballot(CAFE, 2, VISITS, 2, TRANSPORT, 1))));

        assertThat(result.outcome()).isEqualTo(Outcome.DECIDED);
        assertThat(result.method()).isEqualTo(PrioritizeMethod.DOTS);
        assertThat(result.parityRanking().entries()).containsExactly(
                new OptionScore(VISITS, Fraction.of(7, 20), 1),
                new OptionScore(CAFE, Fraction.of(7, 20), 1),
                new OptionScore(TRANSPORT, Fraction.of(6, 20), 3));
        assertThat(result.parityRanking().leaders()).extracting(OptionScore::option).containsExactly(VISITS, CAFE);
        assertThat(result.parityRanking().hasTies()).isTrue();
        assertThat(result.parityRanking().atPlace(2)).isEmpty();
        assertThat(result.sideScores()).isEqualTo(Map.of(
                KOMMUNE, Map.of(VISITS, Fraction.HALF, CAFE, Fraction.of(1, 5), TRANSPORT, Fraction.of(3, 10)),
                CIVIL, Map.of(VISITS, Fraction.of(1, 5), CAFE, Fraction.HALF, TRANSPORT, Fraction.of(3, 10))));
        assertThat(result.sidePoints()).isEqualTo(Map.of(
                KOMMUNE, Map.of(VISITS, 5L, CAFE, 2L, TRANSPORT, 3L),
                CIVIL, Map.of(VISITS, 2L, CAFE, 5L, TRANSPORT, 3L)));
        assertThat(result.headCountRanking().scores()).isEqualTo(Map.of(
                VISITS, Fraction.of(7, 20), CAFE, Fraction.of(7, 20), TRANSPORT, Fraction.of(6, 20)));
        assertThat(result.differs()).isFalse();
        assertThat(result.ballotsPerSide()).isEqualTo(Map.of(KOMMUNE, 2, CIVIL, 2));
        assertThat(result.sidesMissingQuorum()).isEmpty();
    }

    /*
     * P = 4, M = 4. Each side puts all its points on its own priority.
     *
     *   Kommune, 3 voters:  {efficiency 4} three times        n·P = 12
     *   Civil,   6 voters:  {participation 4} six times       n·P = 24
     *
     *                   score_Kommune   score_Civil   parity           head count (9·4 = 36)
     *   efficiency      12/12 = 1       0             (1 + 0)/2 = 1/2  12/36 = 1/3
     *   participation   0               24/24 = 1     (0 + 1)/2 = 1/2  24/36 = 2/3
     *
     * As equals the two sides tie; by head count the side with twice the turnout would win outright.
     */
    @Test
    void three_municipal_and_six_civil_voters_tie_as_sides_but_not_by_head_count() {
        DotVoting voting = new DotVoting(Set.of(EFFICIENCY, PARTICIPATION), 4, 4, Quorum.DEFAULT);

        PrioritizeResult result = voting.tally(Set.of(KOMMUNE, CIVIL), Map.of(
                KOMMUNE, Collections.nCopies(3, ballot(EFFICIENCY, 4)),
                CIVIL, Collections.nCopies(6, ballot(PARTICIPATION, 4))));

        assertThat(result.parityRanking().places()).isEqualTo(Map.of(EFFICIENCY, 1, PARTICIPATION, 1));
        assertThat(result.parityRanking().scores())
                .isEqualTo(Map.of(EFFICIENCY, Fraction.HALF, PARTICIPATION, Fraction.HALF));
        assertThat(result.headCountRanking().entries()).containsExactly(
                new OptionScore(PARTICIPATION, Fraction.of(2, 3), 1),
                new OptionScore(EFFICIENCY, Fraction.of(1, 3), 2));
        assertThat(result.differs()).isTrue();
        assertThat(result.outcome()).isEqualTo(Outcome.DECIDED);
    }

    /*
     * Quorum 2, P = 5, M = 5.
     *
     *   Kommune: {visits 5}, {visits 3, cafe 2}    2 ballots, meets the quorum
     *   Civil:   {cafe 5}                          1 ballot, misses it
     *
     *   score_Kommune: visits 8/10 = 4/5, cafe 2/10 = 1/5, transport 0
     *   score_Civil:   visits 0,          cafe 5/5 = 1,    transport 0
     *   parity:        visits 2/5,        cafe 3/5,        transport 0
     *
     * The round can only close as no decision, but the tallies are all there for the record.
     */
    @Test
    void a_side_below_the_quorum_leaves_no_decision_but_keeps_the_tallies() {
        DotVoting voting = new DotVoting(Set.of(VISITS, CAFE, TRANSPORT), 5, 5, Quorum.of(2));

        PrioritizeResult result = voting.tally(Set.of(KOMMUNE, CIVIL), Map.of(
                KOMMUNE, List.of(ballot(VISITS, 5), ballot(VISITS, 3, CAFE, 2)),
                CIVIL, List.of(ballot(CAFE, 5))));

        assertThat(result.outcome()).isEqualTo(Outcome.NO_DECISION);
        assertThat(result.sidesMissingQuorum()).containsExactly(CIVIL);
        assertThat(result.ballotsPerSide()).isEqualTo(Map.of(KOMMUNE, 2, CIVIL, 1));
        assertThat(result.parityRanking().entries()).containsExactly(
                new OptionScore(CAFE, Fraction.of(3, 5), 1),
                new OptionScore(VISITS, Fraction.of(2, 5), 2),
                new OptionScore(TRANSPORT, Fraction.ZERO, 3));
    }

    /*
     * The ballots of the first example, plus a third side, Borgere, that cast nothing.
     *
     * Quorum 0: Borgere scores 0 everywhere, so every parity score is (2/3) of the two-side one:
     *   visits (1/2 + 1/5 + 0)/3 = 7/30, cafe 7/30, transport (3/10 + 3/10 + 0)/3 = 6/30,
     * the same places as without Borgere. With the default quorum of 1, Borgere misses it.
     */
    @Test
    void a_side_without_ballots_scores_zero_and_misses_the_default_quorum() {
        Map<Long, List<DotBallot>> ballots = Map.of(
                KOMMUNE, List.of(ballot(VISITS, 3, CAFE, 2), ballot(VISITS, 2, TRANSPORT, 3)),
                CIVIL, List.of(ballot(CAFE, 3, TRANSPORT, 2), ballot(CAFE, 2, VISITS, 2, TRANSPORT, 1)));
        Set<Long> sides = Set.of(KOMMUNE, CIVIL, BORGERE);

        PrioritizeResult withoutQuorum = new DotVoting(Set.of(VISITS, CAFE, TRANSPORT), 5, 3, Quorum.of(0))
                .tally(sides, ballots);
        PrioritizeResult withQuorum = new DotVoting(Set.of(VISITS, CAFE, TRANSPORT), 5, 3, Quorum.DEFAULT)
                .tally(sides, ballots);

        assertThat(withoutQuorum.outcome()).isEqualTo(Outcome.DECIDED);
        assertThat(withoutQuorum.sideScores().get(BORGERE))
                .isEqualTo(Map.of(VISITS, Fraction.ZERO, CAFE, Fraction.ZERO, TRANSPORT, Fraction.ZERO));
        assertThat(withoutQuorum.ballotsPerSide()).containsEntry(BORGERE, 0);
        assertThat(withoutQuorum.parityRanking().entries()).containsExactly(
                new OptionScore(VISITS, Fraction.of(7, 30), 1),
                new OptionScore(CAFE, Fraction.of(7, 30), 1),
                new OptionScore(TRANSPORT, Fraction.of(6, 30), 3));
        assertThat(withQuorum.outcome()).isEqualTo(Outcome.NO_DECISION);
        assertThat(withQuorum.sidesMissingQuorum()).containsExactly(BORGERE);
    }

    @Test
    void result_maps_iterate_in_ascending_side_and_option_order() {
        DotVoting voting = new DotVoting(Set.of(TRANSPORT, VISITS, CAFE), 5, 5, Quorum.DEFAULT);

        PrioritizeResult result = voting.tally(Set.of(CIVIL, BORGERE, KOMMUNE), Map.of(
                BORGERE, List.of(ballot(TRANSPORT, 5)),
                KOMMUNE, List.of(ballot(CAFE, 5)),
                CIVIL, List.of(ballot(VISITS, 5))));

        assertThat(result.ballotsPerSide().keySet()).containsExactly(KOMMUNE, CIVIL, BORGERE);
        assertThat(result.sideScores().get(CIVIL).keySet()).containsExactly(VISITS, CAFE, TRANSPORT);
    }
}
