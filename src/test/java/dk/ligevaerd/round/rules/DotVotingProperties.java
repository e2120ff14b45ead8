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

/** SPEC.md's properties 1–4 for dot voting, over generated rounds. */
class DotVotingProperties {

    @Provide
    Arbitrary<Round<DotVoting, DotBallot>> rounds() {
        return RoundGenerators.dotRounds();
    }

    static PrioritizeResult tally(Round<DotVoting, DotBallot> round) {
        return round.voting().tally(round.sides(), round.ballots());
    }

    /*
     * Property 1. The quorum alone counts heads, on purpose: copies can help the copied side reach
     * it, and that is the only way the outcome may change.
     */
    @Property(tries = 300)
    void copying_a_sides_ballots_changes_no_parity_result(
            @ForAll("rounds") Round<DotVoting, DotBallot> round,
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
        Statistics.label("copied side newly reached quorum").collect(reachedQuorum);
    }

    /* Property 2: new side ids, and sides and ballots handed over in another order. */
    @Property(tries = 300)
    void renaming_and_reordering_sides_changes_no_result(
            @ForAll("rounds") Round<DotVoting, DotBallot> round, @ForAll Random random) {
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
     * ballot that has room are skipped, about half of them, hence the extra tries.
     */
    @Property(tries = 500)
    void adding_points_to_an_option_never_lowers_its_parity_score(
            @ForAll("rounds") Round<DotVoting, DotBallot> round, @ForAll Random random) {
        DotVoting voting = round.voting();
        record Room(long side, int ballot, long option, int points) {
        }
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
        Assume.that(!rooms.isEmpty());
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
    @Property(tries = 300)
    void a_side_missing_the_quorum_means_no_decision_and_only_then(
            @ForAll("rounds") Round<DotVoting, DotBallot> round) {
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

    /*
     * Not one of SPEC's four, but it pins the formula down: when every side cast the same number
     * of ballots, weighing sides equally and weighing ballots equally are the same thing.
     */
    @Property(tries = 200)
    void with_equally_many_ballots_on_every_side_parity_and_head_count_agree(
            @ForAll("rounds") Round<DotVoting, DotBallot> round) {
        int fewest = round.sides().stream().mapToInt(round::ballotCount).min().orElseThrow();
        Assume.that(fewest > 0);
        Map<Long, List<DotBallot>> equal = new HashMap<>();
        round.ballots().forEach((side, ballots) -> equal.put(side, ballots.subList(0, fewest)));

        PrioritizeResult result = tally(round.withBallots(equal));

        assertThat(result.headCountRanking()).isEqualTo(result.parityRanking());
        assertThat(result.differs()).isFalse();
    }

    @Property(tries = 200)
    void every_score_lies_between_zero_and_one(@ForAll("rounds") Round<DotVoting, DotBallot> round) {
        PrioritizeResult result = tally(round);

        List<Fraction> scores = new ArrayList<>(result.parityRanking().scores().values());
        scores.addAll(result.headCountRanking().scores().values());
        result.sideScores().values().forEach(side -> scores.addAll(side.values()));
        assertThat(scores).allSatisfy(score -> assertThat(score).isBetween(Fraction.ZERO, Fraction.ONE));
    }
}
