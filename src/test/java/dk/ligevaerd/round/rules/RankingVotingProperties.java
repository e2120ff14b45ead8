package dk.ligevaerd.round.rules;

import static dk.ligevaerd.round.rules.RoundGenerators.ASSUMPTION_ATTEMPTS;
import static dk.ligevaerd.round.rules.RoundGenerators.anySide;
import static dk.ligevaerd.round.rules.RoundGenerators.copied;
import static dk.ligevaerd.round.rules.RoundGenerators.renamed;
import static dk.ligevaerd.round.rules.RoundGenerators.renamedAndShuffled;
import static dk.ligevaerd.round.rules.RoundGenerators.renamedKeys;
import static dk.ligevaerd.round.rules.RoundGenerators.renaming;
import static dk.ligevaerd.round.rules.RoundGenerators.replaced;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dk.ligevaerd.round.rules.PrioritizeResult.Outcome;
import dk.ligevaerd.round.rules.RoundGenerators.Round;
import dk.ligevaerd.testing.Cases;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** SPEC.md's properties 1–4 for ranking by Borda count, over generated rounds. */
class RankingVotingProperties {

    static Gen<Round<RankingVoting, RankingBallot>> rounds() {
        return RoundGenerators.rankingRounds();
    }

    static PrioritizeResult tally(Round<RankingVoting, RankingBallot> round) {
        return round.voting().tally(round.sides(), round.ballots());
    }

    /*
     * Property 1. The quorum alone counts heads, on purpose: copies can help the copied side reach
     * it, and that is the only way the outcome may change.
     */
    @Test
    void copying_a_sides_ballots_changes_no_parity_result() {
        Cases cases = new Cases("copying_a_sides_ballots_changes_no_parity_result");
        qt().withExamples(300).forAll(rounds(), integers().between(2, 4), RoundGenerators.seeds())
                .checkAssert((round, copies, seed) -> cases.collect("copied side newly reached quorum",
                        copyingChangesNoParityResult(round, copies, new Random(seed))));
        cases.print();
    }

    /** Checks property 1 and says whether the copies helped the copied side reach the quorum. */
    private static boolean copyingChangesNoParityResult(Round<RankingVoting, RankingBallot> round, int copies,
            Random random) {
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
        return reachedQuorum;
    }

    /* Property 2: new side ids, and sides and ballots handed over in another order. */
    @Test
    void renaming_and_reordering_sides_changes_no_result() {
        Cases cases = new Cases("renaming_and_reordering_sides_changes_no_result");
        qt().withExamples(300).forAll(rounds(), RoundGenerators.seeds()).checkAssert((round, seed) -> {
            renamingChangesNoResult(round, new Random(seed));
            cases.collect("sides", round.sides().size());
        });
        cases.print();
    }

    private static void renamingChangesNoResult(Round<RankingVoting, RankingBallot> round, Random random) {
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
    @Test
    void ranking_an_option_higher_never_lowers_its_parity_score() {
        Cases cases = new Cases("ranking_an_option_higher_never_lowers_its_parity_score");
        qt().withExamples(300).withGenerateAttempts(ASSUMPTION_ATTEMPTS).forAll(rounds(), RoundGenerators.seeds())
                .assuming((round, seed) -> !promotions(round).isEmpty())
                .checkAssert((round, seed) -> cases.collect("promoted",
                        rankingHigherNeverLowers(round, new Random(seed))));
        cases.print();
    }

    private record Promotion(long side, int ballot, long option) {
    }

    private static List<Promotion> promotions(Round<RankingVoting, RankingBallot> round) {
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
        return promotions;
    }

    /** Checks property 3 and says whether the option moved up a place or joined the ballot. */
    private static String rankingHigherNeverLowers(Round<RankingVoting, RankingBallot> round, Random random) {
        List<Promotion> promotions = promotions(round);
        Promotion promotion = promotions.get(random.nextInt(promotions.size()));
        boolean added = !round.ballots().get(promotion.side()).get(promotion.ballot()).order()
                .contains(promotion.option());

        PrioritizeResult before = tally(round);
        PrioritizeResult after = tally(round.withBallots(replaced(round.ballots(), promotion.side(), promotion.ballot(),
                ballot -> promoted(ballot, promotion.option()))));

        assertThat(after.parityRanking().entryFor(promotion.option()).score())
                .isGreaterThanOrEqualTo(before.parityRanking().entryFor(promotion.option()).score());
        return added ? "added at the end" : "moved up a place";
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
    @Test
    void a_side_missing_the_quorum_means_no_decision_and_only_then() {
        Cases cases = new Cases("a_side_missing_the_quorum_means_no_decision_and_only_then");
        qt().withExamples(300).forAll(rounds()).checkAssert(round -> {
            int quorum = round.voting().quorum().ballotsFromEachSide();
            boolean anyMissing = round.sides().stream().anyMatch(side -> round.ballotCount(side) < quorum);

            PrioritizeResult result = tally(round);

            assertThat(result.outcome() == Outcome.NO_DECISION).isEqualTo(anyMissing);
            cases.collect("quorum", anyMissing ? "missed" : "met");
        });
        cases.print();
        cases.requireMoreThan("quorum", "missed", 10);
        cases.requireMoreThan("quorum", "met", 10);
    }

    /* Weighing sides equally and ballots equally coincide when every side cast as many ballots. */
    @Test
    void with_equally_many_ballots_on_every_side_parity_and_head_count_agree() {
        Cases cases = new Cases("with_equally_many_ballots_on_every_side_parity_and_head_count_agree");
        qt().withExamples(200).withGenerateAttempts(ASSUMPTION_ATTEMPTS).forAll(rounds())
                .assuming(round -> fewestBallots(round) > 0)
                .checkAssert(round -> {
                    equallyManyBallotsAgree(round);
                    cases.collect("ballots a side", fewestBallots(round));
                });
        cases.print();
    }

    private static int fewestBallots(Round<RankingVoting, RankingBallot> round) {
        return round.sides().stream().mapToInt(round::ballotCount).min().orElseThrow();
    }

    private static void equallyManyBallotsAgree(Round<RankingVoting, RankingBallot> round) {
        int fewest = fewestBallots(round);
        Map<Long, List<RankingBallot>> equal = new HashMap<>();
        round.ballots().forEach((side, ballots) -> equal.put(side, ballots.subList(0, fewest)));

        PrioritizeResult result = tally(round.withBallots(equal));

        assertThat(result.headCountRanking()).isEqualTo(result.parityRanking());
    }

    /* P = m − 1 is what keeps a Borda score a share, like a dot-voting score. */
    @Test
    void every_score_lies_between_zero_and_one() {
        Cases cases = new Cases("every_score_lies_between_zero_and_one");
        qt().withExamples(200).forAll(rounds()).checkAssert(round -> {
            PrioritizeResult result = tally(round);

            List<Fraction> scores = new ArrayList<>(result.parityRanking().scores().values());
            scores.addAll(result.headCountRanking().scores().values());
            result.sideScores().values().forEach(side -> scores.addAll(side.values()));
            assertThat(scores).allSatisfy(score -> assertThat(score).isBetween(Fraction.ZERO, Fraction.ONE));
            cases.collect("outcome", result.outcome());
        });
        cases.print();
    }
}
