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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** SPEC.md's properties 1–4 for dot voting, over generated rounds. */
class DotVotingProperties {

    static Gen<Round<DotVoting, DotBallot>> rounds() {
        return RoundGenerators.dotRounds();
    }

    static PrioritizeResult tally(Round<DotVoting, DotBallot> round) {
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
    private static boolean copyingChangesNoParityResult(Round<DotVoting, DotBallot> round, int copies,
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

    private static void renamingChangesNoResult(Round<DotVoting, DotBallot> round, Random random) {
        Map<Long, Long> renaming = renaming(round.sides(), random);

        PrioritizeResult original = tally(round);
        PrioritizeResult renamed = tally(renamedAndShuffled(round, renaming, random));

        assertThat(renamed).isEqualTo(new PrioritizeResult(original.method(), original.parityRanking(),
                original.headCountRanking(), renamedKeys(original.sideScores(), renaming),
                renamedKeys(original.sidePoints(), renaming), renamedKeys(original.ballotsPerSide(), renaming),
                renamed(original.sidesMissingQuorum(), renaming)));
    }

    /*
     * Property 3: more points for o on one ballot, within the budget and the cap. Rounds without a
     * ballot that has room are skipped (about half of them) and do not count as examples.
     */
    @Test
    void adding_points_to_an_option_never_lowers_its_parity_score() {
        Cases cases = new Cases("adding_points_to_an_option_never_lowers_its_parity_score");
        qt().withExamples(500).withGenerateAttempts(ASSUMPTION_ATTEMPTS).forAll(rounds(), RoundGenerators.seeds())
                .assuming((round, seed) -> !rooms(round).isEmpty())
                .checkAssert((round, seed) -> {
                    addingPointsNeverLowers(round, new Random(seed));
                    cases.collect("options", round.voting().options().size());
                });
        cases.print();
    }

    private record Room(long side, int ballot, long option, int points) {
    }

    private static List<Room> rooms(Round<DotVoting, DotBallot> round) {
        DotVoting voting = round.voting();
        List<Room> rooms = new ArrayList<>();
        round.ballots().forEach((side, ballots) -> {
            for (int i = 0; i < ballots.size(); i++) {
                DotBallot ballot = ballots.get(i);
                for (long option : voting.options()) {
                    long room = Math.min(voting.capPerOption() - ballot.pointsFor(option),
                            voting.budget() - ballot.total());
                    if (room > 0) {
                        rooms.add(new Room(side, i, option, (int) room));
                    }
                }
            }
        });
        return rooms;
    }

    private static void addingPointsNeverLowers(Round<DotVoting, DotBallot> round, Random random) {
        DotVoting voting = round.voting();
        List<Room> rooms = rooms(round);
        Room room = rooms.get(random.nextInt(rooms.size()));
        int extra = 1 + random.nextInt(room.points());

        PrioritizeResult before = tally(round);
        PrioritizeResult after = tally(round.withBallots(
                replaced(round.ballots(), room.side(), room.ballot(), ballot -> {
                    Map<Long, Integer> points = new HashMap<>(ballot.points());
                    points.merge(room.option(), extra, Integer::sum);
                    return new DotBallot(points);
                })));

        Fraction scoreBefore = before.parityRanking().entryFor(room.option()).score();
        assertThat(after.parityRanking().entryFor(room.option()).score()).isGreaterThanOrEqualTo(scoreBefore);
        for (long other : voting.options()) {
            if (other != room.option()) {
                assertThat(after.parityRanking().entryFor(other).score())
                        .isEqualTo(before.parityRanking().entryFor(other).score());
            }
        }
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

    /*
     * Not one of SPEC's four, but it pins the formula down: when every side cast the same number
     * of ballots, weighing sides equally and weighing ballots equally are the same thing.
     */
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

    private static int fewestBallots(Round<DotVoting, DotBallot> round) {
        return round.sides().stream().mapToInt(round::ballotCount).min().orElseThrow();
    }

    private static void equallyManyBallotsAgree(Round<DotVoting, DotBallot> round) {
        int fewest = fewestBallots(round);
        Map<Long, List<DotBallot>> equal = new HashMap<>();
        round.ballots().forEach((side, ballots) -> equal.put(side, ballots.subList(0, fewest)));

        PrioritizeResult result = tally(round.withBallots(equal));

        assertThat(result.headCountRanking()).isEqualTo(result.parityRanking());
        assertThat(result.differs()).isFalse();
    }

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
