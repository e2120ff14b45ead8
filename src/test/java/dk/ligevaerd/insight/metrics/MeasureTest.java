package dk.ligevaerd.insight.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Shares and dominance, with the expected numbers worked out by hand in each comment. */
class MeasureTest {

    private static final long KOMMUNE = 1;
    private static final long CIVIL = 2;
    private static final long BORGERE = 3;

    @Test
    void two_sides_share_by_count_and_seven_of_ten_is_dominance() {
        // 7 of 10 = 70 % > 66.7 %: the municipality dominates; civil society has 30 %.
        Measure m = Measure.of("edits", List.of(KOMMUNE, CIVIL), Map.of(KOMMUNE, 7L, CIVIL, 3L));
        assertThat(m.share(KOMMUNE)).isCloseTo(0.7, within(1e-9));
        assertThat(m.share(CIVIL)).isCloseTo(0.3, within(1e-9));
        assertThat(m.dominantSide()).contains(KOMMUNE);
    }

    @Test
    void exactly_two_thirds_is_not_yet_dominance() {
        // 2 of 3: 2·3 = 6 is not > 3·2 = 6.
        assertThat(Measure.of("x", List.of(KOMMUNE, CIVIL), Map.of(KOMMUNE, 2L, CIVIL, 1L)).dominantSide()).isEmpty();
        // 201 of 301: 603 > 602.
        assertThat(Measure.of("x", List.of(KOMMUNE, CIVIL), Map.of(KOMMUNE, 201L, CIVIL, 100L)).dominantSide())
                .contains(KOMMUNE);
    }

    @Test
    void a_side_with_no_activity_is_listed_with_zero_and_the_other_dominates() {
        // Civil society did nothing: its share is 0 and the municipality holds 100 %.
        Measure m = Measure.of("priorities", List.of(KOMMUNE, CIVIL), Map.of(KOMMUNE, 4L));
        assertThat(m.counts()).containsEntry(CIVIL, 0L);
        assertThat(m.share(CIVIL)).isZero();
        assertThat(m.dominantSide()).contains(KOMMUNE);
    }

    @Test
    void with_three_sides_dominance_is_more_than_twice_the_equal_share() {
        // Equal share 1/3, twice that 2/3: 6 of 10 = 60 % is not dominance (6·3 = 18 is not > 20) …
        Measure balanced = Measure.of("x", List.of(KOMMUNE, CIVIL, BORGERE),
                Map.of(KOMMUNE, 6L, CIVIL, 2L, BORGERE, 2L));
        assertThat(balanced.share(KOMMUNE)).isCloseTo(0.6, within(1e-9));
        assertThat(balanced.dominantSide()).isEmpty();
        // … 7 of 10 = 70 % is (7·3 = 21 > 20).
        Measure dominated = Measure.of("x", List.of(KOMMUNE, CIVIL, BORGERE),
                Map.of(KOMMUNE, 7L, CIVIL, 2L, BORGERE, 1L));
        assertThat(dominated.dominantSide()).contains(KOMMUNE);
        assertThat(dominated.share(BORGERE)).isCloseTo(0.1, within(1e-9));
    }

    @Test
    void nothing_counted_means_no_shares_and_no_warning() {
        Measure m = Measure.of("x", List.of(KOMMUNE, CIVIL), Map.of());
        assertThat(m.total()).isZero();
        assertThat(m.share(KOMMUNE)).isZero();
        assertThat(m.dominantSide()).isEmpty();
    }

    @Test
    void lens_balance_warns_when_public_value_holds_more_than_two_thirds() {
        // 5 public against 2 civil lenses: 5/7 = 71 % public.
        LensBalance b = new LensBalance(5, 2);
        assertThat(b.publicShare()).isCloseTo(5.0 / 7, within(1e-9));
        assertThat(b.publicDominates()).isTrue();
        assertThat(b.civilDominates()).isFalse();
        assertThat(new LensBalance(2, 1).publicDominates()).isFalse();
    }

    @Test
    void turnout_is_ballots_against_eligible_members_per_side() {
        // 3 municipal members cast 3 ballots (100 %); 6 civil members cast 2 (33 %).
        Turnout t = new Turnout(Map.of(KOMMUNE, 3L, CIVIL, 2L), Map.of(KOMMUNE, 3L, CIVIL, 6L));
        assertThat(t.rate(KOMMUNE)).isEqualTo(1.0);
        assertThat(t.rate(CIVIL)).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(t.asMeasure().share(KOMMUNE)).isCloseTo(0.6, within(1e-9));
    }
}
