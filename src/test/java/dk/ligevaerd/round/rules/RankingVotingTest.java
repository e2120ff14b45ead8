package dk.ligevaerd.round.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dk.ligevaerd.round.rules.PrioritizeResult.Outcome;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Worked examples of ranking by Borda count, each calculated by hand in its comment. */
class RankingVotingTest {

    static final long KOMMUNE = 1;
    static final long CIVIL = 2;

    static final long VISITS = 10;
    static final long CAFE = 20;
    static final long TRANSPORT = 30;
    static final long GARDEN = 40;

    final RankingVoting voting = new RankingVoting(Set.of(VISITS, CAFE, TRANSPORT, GARDEN), Quorum.DEFAULT);

    /*
     * m = 4 options, so place 1 gets 3 points, place 2 gets 2, place 3 gets 1, the rest 0; P = 3.
     * Ranking only two options leaves the other two with 0.
     */
    @Test
    void place_r_of_m_options_gets_m_minus_r_points_and_unranked_options_none() {
        assertThat(voting.maxPoints()).isEqualTo(3);
        assertThat(voting.bordaPoints(RankingBallot.of(CAFE, VISITS)))
                .isEqualTo(Map.of(CAFE, 3, VISITS, 2, TRANSPORT, 0, GARDEN, 0));
        assertThat(voting.bordaPoints(RankingBallot.of(GARDEN, TRANSPORT, CAFE, VISITS)))
                .isEqualTo(Map.of(GARDEN, 3, TRANSPORT, 2, CAFE, 1, VISITS, 0));
    }

    /*
     * m = 4, P = 3.
     *
     *   Kommune: [visits, cafe, transport, garden]  -> visits 3, cafe 2, transport 1, garden 0
     *            [cafe, visits]                     -> cafe 3, visits 2
     *            n·P = 6: visits 5/6, cafe 5/6, transport 1/6, garden 0
     *   Civil:   [transport, visits, cafe]          -> transport 3, visits 2, cafe 1, garden 0
     *            n·P = 3: transport 1, visits 2/3, cafe 1/3, garden 0
     *
     *   parity:  visits    (5/6 + 4/6) / 2 = 9/12 = 3/4    place 1
     *            cafe      (5/6 + 2/6) / 2 = 7/12          place 2 (tie)
     *            transport (1/6 + 6/6) / 2 = 7/12          place 2 (tie)
     *            garden    0                               place 4
     *
     *   head count, 3 ballots, 3·P = 9:
     *            visits (3+2+2)/9 = 7/9, cafe (2+3+1)/9 = 2/3, transport (1+0+3)/9 = 4/9, garden 0
     *            places 1, 2, 3, 4: the Kommune's extra ballot breaks the tie for cafe, so they differ.
     */
    @Test
    void borda_scores_are_tallied_per_side_and_weighed_equally() {
        PrioritizeResult result = voting.tally(Set.of(KOMMUNE, CIVIL), Map.of(
                KOMMUNE, List.of(RankingBallot.of(VISITS, CAFE, TRANSPORT, GARDEN), RankingBallot.of(CAFE, VISITS)),
                CIVIL, List.of(RankingBallot.of(TRANSPORT, VISITS, CAFE))));

        assertThat(result.method()).isEqualTo(PrioritizeMethod.RANKING);
        assertThat(result.outcome()).isEqualTo(Outcome.DECIDED);
        assertThat(result.sideScores()).isEqualTo(Map.of(
                KOMMUNE, Map.of(VISITS, Fraction.of(5, 6), CAFE, Fraction.of(5, 6), TRANSPORT, Fraction.of(1, 6),
                        GARDEN, Fraction.ZERO),
                CIVIL, Map.of(VISITS, Fraction.of(2, 3), CAFE, Fraction.of(1, 3), TRANSPORT, Fraction.ONE,
                        GARDEN, Fraction.ZERO)));
        assertThat(result.sidePoints()).isEqualTo(Map.of(
                KOMMUNE, Map.of(VISITS, 5L, CAFE, 5L, TRANSPORT, 1L, GARDEN, 0L),
                CIVIL, Map.of(VISITS, 2L, CAFE, 1L, TRANSPORT, 3L, GARDEN, 0L)));
        assertThat(result.parityRanking().entries()).containsExactly(
                new OptionScore(VISITS, Fraction.of(3, 4), 1),
                new OptionScore(CAFE, Fraction.of(7, 12), 2),
                new OptionScore(TRANSPORT, Fraction.of(7, 12), 2),
                new OptionScore(GARDEN, Fraction.ZERO, 4));
        assertThat(result.headCountRanking().entries()).containsExactly(
                new OptionScore(VISITS, Fraction.of(7, 9), 1),
                new OptionScore(CAFE, Fraction.of(2, 3), 2),
                new OptionScore(TRANSPORT, Fraction.of(4, 9), 3),
                new OptionScore(GARDEN, Fraction.ZERO, 4));
        assertThat(result.differs()).isTrue();
    }

    /*
     * An empty ranking takes part (quorum) but gives nothing. Quorum 1:
     *   Kommune: []                 -> counts, all scores 0
     *   Civil:   [garden, visits]   -> garden 3/3 = 1, visits 2/3
     *   parity:  garden 1/2, visits 1/3, cafe and transport 0 (tied for third)
     */
    @Test
    void an_empty_ranking_counts_for_the_quorum_and_gives_no_points() {
        PrioritizeResult result = voting.tally(Set.of(KOMMUNE, CIVIL), Map.of(
                KOMMUNE, List.of(RankingBallot.of()),
                CIVIL, List.of(RankingBallot.of(GARDEN, VISITS))));

        assertThat(result.outcome()).isEqualTo(Outcome.DECIDED);
        assertThat(result.parityRanking().entries()).containsExactly(
                new OptionScore(GARDEN, Fraction.HALF, 1),
                new OptionScore(VISITS, Fraction.of(1, 3), 2),
                new OptionScore(CAFE, Fraction.ZERO, 3),
                new OptionScore(TRANSPORT, Fraction.ZERO, 3));
    }
}
