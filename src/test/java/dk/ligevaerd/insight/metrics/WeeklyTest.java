package dk.ligevaerd.insight.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Counting per week: where a week begins, and what counts for nobody. */
class WeeklyTest {

    private static final long KOMMUNE = 1;
    private static final long CIVIL = 2;
    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    record Said(Instant at, @Nullable Long side) {
    }

    private static Weekly count(Said... said) {
        return Weekly.count("comments", List.of(KOMMUNE, CIVIL), List.of(said), Said::at, Said::side, COPENHAGEN);
    }

    @Test
    void a_week_begins_on_monday_at_midnight_where_the_workspace_is() {
        // Sunday 29 November 2026 23:59 and Monday 30 November 00:00 in Copenhagen (UTC+1).
        assertThat(Weekly.weekOf(Instant.parse("2026-11-29T22:59:00Z"), COPENHAGEN)).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(Weekly.weekOf(Instant.parse("2026-11-29T23:00:00Z"), COPENHAGEN)).isEqualTo(LocalDate.of(2026, 11, 30));
    }

    @Test
    void each_side_counts_in_the_week_it_spoke_and_every_side_is_listed() {
        Weekly weekly = count(new Said(Instant.parse("2026-11-24T09:00:00Z"), KOMMUNE),
                new Said(Instant.parse("2026-11-26T09:00:00Z"), KOMMUNE),
                new Said(Instant.parse("2026-12-01T09:00:00Z"), CIVIL));

        assertThat(weekly.key()).isEqualTo("comments");
        assertThat(weekly.weeks().keySet()).containsExactly(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 30));
        assertThat(weekly.weeks().get(LocalDate.of(2026, 11, 23)).counts())
                .containsExactly(entry(KOMMUNE, 2L), entry(CIVIL, 0L));
        assertThat(weekly.weeks().get(LocalDate.of(2026, 11, 30)).counts())
                .containsExactly(entry(KOMMUNE, 0L), entry(CIVIL, 1L));
    }

    @Test
    void what_no_current_side_said_counts_for_nobody_and_makes_no_week() {
        // An observer (no side) and a side since removed (99) speak in a week of their own.
        Weekly weekly = count(new Said(Instant.parse("2026-11-24T09:00:00Z"), KOMMUNE),
                new Said(Instant.parse("2026-12-01T09:00:00Z"), null),
                new Said(Instant.parse("2026-12-02T09:00:00Z"), 99L));

        assertThat(weekly.weeks().keySet()).containsExactly(LocalDate.of(2026, 11, 23));
    }
}
