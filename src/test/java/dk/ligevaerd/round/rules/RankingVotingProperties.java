package dk.ligevaerd.round.rules;

import static dk.ligevaerd.round.rules.RoundGenerators.anySide;
import static dk.ligevaerd.round.rules.RoundGenerators.copied;
import static dk.ligevaerd.round.rules.RoundGenerators.renamed;
import static dk.ligevaerd.round.rules.RoundGenerators.renamedAndShuffled;
import static dk.ligevaerd.round.rules.RoundGenerators.renamedKeys;
import static dk.ligevaerd.round.rules.RoundGenerators.renaming;
import static dk.ligevaerd.round.rules.RoundGenerators.replaced;
import static org.assertj.core.api.Assertions.assertThat;

import dk.ligevaerd.round.rules.PrioritizeResult.Outcome;
import dk.ligevaerd.round.rules.RoundGenerators.Round;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/** SPEC.md's properties 1–4 for ranking by Borda count, over generated rounds. */
class RankingVotingProperties {

    @Provide
    Arbitrary<Round<RankingVoting, RankingBallot>> rounds() {
        return RoundGenerators.rankingRounds();
    }

    static PrioritizeResult tally(Round<RankingVoting, RankingBallot> round) {
        return round.voting().tally(round.sides(), round.ballots());
    }

    /*
     * Property 1. The quorum alone counts heads, on purpose: copies can help the copied side reach
     * it, and that is the only way the outcome may change.
     */
    @Property(tries = 300)
    void copying_a_sides_ballots_changes_no_parity_result(
            @ForAll("rounds") Round<RankingVoting, RankingBallot> round,
            @ForAll @IntRange(min = 2, max = 4) int copies,
            @ForAll Random random) {
        long side = anySide(round.sides(), random);

        PrioritizeResult before = tally(round);
        PrioritizeResult after = tally(round.withBallots(copied(round.ballots(), side, copies)));

        assertThat(after.parityRanking()).isEqualTo(before.parityRanking());
        assertThat(after.sideScores()).isEqualTo(before.sideScores());
        boolean reachedQuorum = before.sidesMissingQuorum().contains(side)
                && !after.sidesMissingQuorum().contains(side);
        if (!reachedQuorum) {
            assertThat(after.outcome()).isEqualTo(before.outcome());
        }
    }

    /* Property 2: new side ids, and sides and ballots handed over in another order. */
    @Property(tries = 300)
    void renaming_and_reordering_sides_changes_no_result(
            @ForAll("rounds") Round<RankingVoting, RankingBallot> round, @ForAll Random random) {
        Map<Long, Long> renaming = renaming(round.sides(), random);

        PrioritizeResult original = tally(round);
        PrioritizeResult renamed = tally(renamedAndShuffled(round, renaming, random));

        assertThat(renamed).isEqualTo(new PrioritizeResult(original.method(), original.parityRanking(),
                original.headCountRanking(), renamedKeys(original.sideScores(), renaming),
                renamedKeys(original.sidePoints(), renaming), renamedKeys(original.ballotsPerSide(), renaming),
                renamed(original.sidesMissingQuorum(), renaming)));
    }

    /*
     * Property 3. In a ranking, "adding points to o" means ranking o higher on one ballot: moving
     * it up one place, or adding it at the end if the ballot left it out.
     */
    @Property(tries = 300)
    void ranking_an_option_higher_never_lowers_its_parity_score(
            @ForAll("rounds") Round<RankingVoting, RankingBallot> round, @ForAll Random random) {
        record Promotion(long side, int ballot, long option) {
        }
        List<Promotion> promotions = new ArrayList<>();
        round.ballots().forEach((side, ballots) -> {
            for (int i = 0; i < ballots.size(); i++) {
                List<Long> order = ballots.get(i).order();
                for (long option : round.voting().options()) {
                    if (order.indexOf(option) != 0) {
                        promotions.add(new Promotion(side, i, option));
                    }
                }
            }
        });
        Assume.that(!promotions.isEmpty());
        Promotion promotion = promotions.get(random.nextInt(promotions.size()));

        PrioritizeResult before = tally(round);
        PrioritizeResult after = tally(round.withBallots(replaced(round.ballots(), promotion.side(), promotion.ballot(),
                ballot -> promoted(ballot, promotion.option()))));

        assertThat(after.parityRanking().entryFor(promotion.option()).score())
                .isGreaterThanOrEqualTo(before.parityRanking().entryFor(promotion.option()).score());
    }

    static RankingBallot promoted(RankingBallot ballot, long option) {
        List<Long> order = new ArrayList<>(ballot.order());
        int place = order.indexOf(option);
        if (place < 0) {
            order.add(option);
        } else {
            Collections.swap(order, place, place - 1);
        }
        return new RankingBallot(order);
    }

    /* Property 4, both ways. */
    @Property(tries = 300)
    void a_side_missing_the_quorum_means_no_decision_and_only_then(
            @ForAll("rounds") Round<RankingVoting, RankingBallot> round) {
        int quorum = round.voting().quorum().ballotsFromEachSide();
        boolean anyMissing = round.sides().stream().anyMatch(side -> round.ballotCount(side) < quorum);

        PrioritizeResult result = tally(round);

        assertThat(result.outcome() == Outcome.NO_DECISION).isEqualTo(anyMissing);
        Statistics.label("quorum").collect(anyMissing ? "missed" : "met");
        Statistics.label("quorum").coverage(coverage -> {
            coverage.check("missed").percentage(p -> p > 10);
            coverage.check("met").percentage(p -> p > 10);
        });
    }

    /* Weighing sides equally and ballots equally coincide when every side cast as many ballots. */
    @Property(tries = 200)
    void with_equally_many_ballots_on_every_side_parity_and_head_count_agree(
            @ForAll("rounds") Round<RankingVoting, RankingBallot> round) {
        int fewest = round.sides().stream().mapToInt(round::ballotCount).min().orElseThrow();
        Assume.that(fewest > 0);
        Map<Long, List<RankingBallot>> equal = new HashMap<>();
        round.ballots().forEach((side, ballots) -> equal.put(side, ballots.subList(0, fewest)));

        PrioritizeResult result = tally(round.withBallots(equal));

        assertThat(result.headCountRanking()).isEqualTo(result.parityRanking());
    }

    /* P = m − 1 is what keeps a Borda score a share, like a dot-voting score. */
    @Property(tries = 200)
    void every_score_lies_between_zero_and_one(@ForAll("rounds") Round<RankingVoting, RankingBallot> round) {
        PrioritizeResult result = tally(round);

        List<Fraction> scores = new ArrayList<>(result.parityRanking().scores().values());
        scores.addAll(result.headCountRanking().scores().values());
        result.sideScores().values().forEach(side -> scores.addAll(side.values()));
        assertThat(scores).allSatisfy(score -> assertThat(score).isBetween(Fraction.ZERO, Fraction.ONE));
    }
}
