package dk.ligevaerd.round.rules;

import static dk.ligevaerd.round.rules.RoundGenerators.anySide;
import static dk.ligevaerd.round.rules.RoundGenerators.copied;
import static dk.ligevaerd.round.rules.RoundGenerators.renamedAndShuffled;
import static dk.ligevaerd.round.rules.RoundGenerators.renaming;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dk.ligevaerd.round.rules.RoundGenerators.Round;
import dk.ligevaerd.testing.Cases;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Which priorities a decided round adopts ({@link Adoption}), over generated dot-voting rounds:
 * within the top places, never without points, with "every side gave points" only a subset, and
 * as blind to head count and to the sides' names as the ranking it reads.
 */
class AdoptionProperties {

    private static PrioritizeResult tally(Round<DotVoting, DotBallot> round) {
        return round.voting().tally(round.sides(), round.ballots());
    }

    @Test
    void adopted_priorities_lie_in_the_top_places_have_points_and_every_option_is_sorted_once() {
        Cases cases = new Cases("adopted_priorities_lie_in_the_top_places");
        qt().withExamples(400).forAll(RoundGenerators.dotRounds(), integers().between(1, 5), integers().between(0, 1))
                .checkAssert((round, places, flag) -> {
                    PrioritizeResult result = tally(round);
                    Adoption adoption = new Adoption(places, flag == 1);
                    Adoption.Selection selection = adoption.select(result);
                    cases.collect("outcome", result.outcome());
                    if (result.outcome() == PrioritizeResult.Outcome.NO_DECISION) {
                        assertThat(selection.adopted()).isEmpty();
                        assertThat(selection.notAdopted()).isEmpty();
                        return;
                    }
                    cases.collect("adopted", selection.adopted().size());
                    Set<Long> all = new HashSet<>(selection.adopted());
                    all.addAll(selection.notAdopted());
                    assertThat(all).isEqualTo(round.voting().options());
                    assertThat(selection.adopted().size() + selection.notAdopted().size())
                            .isEqualTo(round.voting().options().size());
                    for (long option : selection.adopted()) {
                        OptionScore entry = result.parityRanking().entryFor(option);
                        assertThat(entry.place()).isLessThanOrEqualTo(places);
                        assertThat(entry.score().signum()).isPositive();
                    }
                    // At most the places, unless a tie reaches the last one.
                    boolean tieAtLast = result.parityRanking().atPlace(places).size() > 1
                            || result.parityRanking().entries().stream().filter(e -> e.place() <= places)
                                    .count() > places;
                    if (!tieAtLast) {
                        assertThat(selection.adopted().size()).isLessThanOrEqualTo(places);
                    }
                });
        cases.print();
    }

    @Test
    void only_what_every_side_gave_points_is_a_subset_and_every_side_gave_each_of_them_points() {
        Cases cases = new Cases("every_side_gave_points");
        qt().withExamples(400).forAll(RoundGenerators.dotRounds(), integers().between(1, 5))
                .checkAssert((round, places) -> {
                    PrioritizeResult result = tally(round);
                    List<Long> byPlaces = new Adoption(places, false).select(result).adopted();
                    List<Long> byEverySide = new Adoption(places, true).select(result).adopted();
                    assertThat(byPlaces).containsAll(byEverySide);
                    cases.collect("left out for a side without points", byPlaces.size() - byEverySide.size());
                    for (long option : byEverySide) {
                        for (Map<Long, Long> points : result.sidePoints().values()) {
                            assertThat(points.get(option)).isPositive();
                        }
                    }
                    for (long option : byPlaces) {
                        if (!byEverySide.contains(option)) {
                            assertThat(Adoption.sidesWithoutPoints(option, result)).isNotEmpty();
                        }
                    }
                });
        cases.print();
    }

    @Test
    void copying_a_sides_ballots_changes_nothing_adopted_unless_it_reaches_the_quorum() {
        qt().withExamples(300).forAll(RoundGenerators.dotRounds(), integers().between(2, 4), RoundGenerators.seeds(),
                integers().between(1, 5)).checkAssert((round, copies, seed, places) -> {
                    long side = anySide(round.sides(), new Random(seed));
                    PrioritizeResult before = tally(round);
                    PrioritizeResult after = tally(round.withBallots(copied(round.ballots(), side, copies)));
                    if (before.outcome() != after.outcome()) {
                        return;
                    }
                    for (boolean everySide : List.of(false, true)) {
                        Adoption adoption = new Adoption(places, everySide);
                        assertThat(adoption.select(after)).isEqualTo(adoption.select(before));
                    }
                });
    }

    @Test
    void renaming_and_reordering_sides_changes_nothing_adopted() {
        qt().withExamples(300).forAll(RoundGenerators.dotRounds(), RoundGenerators.seeds(), integers().between(1, 5))
                .checkAssert((round, seed, places) -> {
                    Random random = new Random(seed);
                    Map<Long, Long> renaming = renaming(round.sides(), random);
                    Round<DotVoting, DotBallot> renamed = renamedAndShuffled(round, renaming, random);
                    for (boolean everySide : List.of(false, true)) {
                        Adoption adoption = new Adoption(places, everySide);
                        assertThat(adoption.select(tally(renamed))).isEqualTo(adoption.select(tally(round)));
                    }
                });
    }

    @Test
    void the_default_is_half_the_options_rounded_down_and_at_least_one() {
        assertThat(Adoption.defaultPlaces(1)).isEqualTo(1);
        assertThat(Adoption.defaultPlaces(2)).isEqualTo(1);
        assertThat(Adoption.defaultPlaces(3)).isEqualTo(1);
        assertThat(Adoption.defaultPlaces(4)).isEqualTo(2);
        assertThat(Adoption.defaultPlaces(9)).isEqualTo(4);
        List<Integer> seen = new ArrayList<>();
        for (int n = 1; n <= 30; n++) {
            int places = Adoption.defaultPlaces(n);
            assertThat(places).isBetween(1, n);
            assertThat(2 * places).isLessThanOrEqualTo(Math.max(2, n));
            seen.add(places);
        }
        assertThat(seen).isSorted();
        assertThatThrownBy(() -> new Adoption(0, false)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The case: three priorities, one of them with no point from one side. */
    @Test
    void a_priority_one_side_gave_no_points_is_not_adopted_when_every_side_must_give_points() {
        DotVoting voting = new DotVoting(Set.of(1L, 2L, 3L), 5, 5, Quorum.DEFAULT);
        PrioritizeResult result = voting.tally(Set.of(10L, 20L), Map.of(
                10L, List.of(new DotBallot(Map.of(1L, 3, 2L, 2))),
                20L, List.of(new DotBallot(Map.of(1L, 1, 3L, 4)))));
        assertThat(new Adoption(3, false).select(result).adopted()).containsExactlyInAnyOrder(1L, 2L, 3L);
        assertThat(new Adoption(3, true).select(result).adopted()).containsExactly(1L);
        assertThat(new Adoption(3, true).select(result).notAdopted()).containsExactlyInAnyOrder(2L, 3L);
        assertThat(Adoption.sidesWithoutPoints(2L, result)).containsExactly(20L);
    }
}
