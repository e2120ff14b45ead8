package dk.ligevaerd.insight.metrics;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One measure week by week: for every week in which a side did something, each side's count, so
 * that the equality view can show how the shares move. A week runs Monday to Sunday in the
 * workspace's time zone; the equality view and every feature that counts by week use
 * {@link #count} so that all of them cut the weeks alike.
 *
 * @param key   names the measure, as {@link Measure#key()} does
 * @param weeks per week, named by its Monday, in order; weeks in which nothing was counted are left out
 */
public record Weekly(String key, SortedMap<LocalDate, Measure> weeks) {

    public Weekly {
        weeks = Collections.unmodifiableSortedMap(new TreeMap<>(weeks));
    }

    /** The Monday of the week in which {@code at} falls, in {@code zone}. */
    public static LocalDate weekOf(Instant at, ZoneId zone) {
        return at.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /**
     * Counts every item in its week for its side, over exactly these sides (see {@link Measure#of}).
     * An item without a side (an observer's) or of a side not among them counts for nobody, and a
     * week with nothing counted is left out.
     */
    public static <T> Weekly count(String key, List<Long> sides, Collection<T> items, Function<T, Instant> at,
            Function<T, @Nullable Long> side, ZoneId zone) {
        Map<LocalDate, Map<Long, Long>> byWeek = new HashMap<>();
        for (T item : items) {
            Long itsSide = side.apply(item);
            if (itsSide != null && sides.contains(itsSide)) {
                byWeek.computeIfAbsent(weekOf(at.apply(item), zone), w -> new HashMap<>()).merge(itsSide, 1L, Long::sum);
            }
        }
        SortedMap<LocalDate, Measure> weeks = new TreeMap<>();
        byWeek.forEach((week, counts) -> weeks.put(week, Measure.of(key, sides, counts)));
        return new Weekly(key, weeks);
    }
}
