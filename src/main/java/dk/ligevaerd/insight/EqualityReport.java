package dk.ligevaerd.insight;

import dk.ligevaerd.insight.metrics.LensBalance;
import dk.ligevaerd.insight.metrics.Measure;
import dk.ligevaerd.insight.metrics.Weekly;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything the equality view shows for one workspace and period.
 *
 * @param measures     one per kind of activity, each with a count for every side
 * @param proposedLenses public against civil value among priorities still on the table
 * @param adoptedLenses  the same among adopted priorities
 * @param weekly       per week (Monday), each side's count of all recorded activity
 * @param turnout      per side, ballots cast against members who could have voted (0–1)
 * @param weeklyMeasures measures the features also count per week (such as comments and replies),
 *                     in the order of their sources; empty for one round
 */
public record EqualityReport(List<Long> sides, List<Measure> measures, LensBalance proposedLenses,
        LensBalance adoptedLenses, Map<LocalDate, Measure> weekly, Map<Long, Double> turnout,
        List<Weekly> weeklyMeasures) {

    public EqualityReport {
        weeklyMeasures = List.copyOf(weeklyMeasures);
    }

    /** The measures of activity in which one side dominates; headcount alone is no warning. */
    public List<Measure> warnings() {
        return measures.stream().filter(m -> !m.key().equals("members") && m.dominantSide().isPresent()).toList();
    }
}
