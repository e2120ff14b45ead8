package dk.ligevaerd.round.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The arithmetic that dot voting and ranking share once every ballot is a map of points: SPEC.md's
 * {@code score_s(o) = (1/n_s) · Σ points_b(o) / P} and {@code score(o) = (1/|S|) · Σ_s score_s(o)}.
 */
final class PointTally {

    private PointTally() {
    }

    /**
     * @param maxPoints     P, the most points one ballot can give one option, so every score is in [0, 1]
     * @param pointsBySide  every side, in ascending order, with the points of each of its ballots,
     *                      already validated
     */
    static PrioritizeResult tally(PrioritizeMethod method, Set<Long> options, int maxPoints, Quorum quorum,
            SortedMap<Long, List<Map<Long, Integer>>> pointsBySide) {
        Map<Long, Map<Long, Long>> sidePoints = new TreeMap<>();
        Map<Long, Map<Long, Fraction>> sideScores = new TreeMap<>();
        Map<Long, Integer> ballotsPerSide = new TreeMap<>();
        List<Map<Long, Integer>> pooled = new ArrayList<>();
        pointsBySide.forEach((side, ballots) -> {
            Map<Long, Long> points = sum(options, ballots);
            sidePoints.put(side, points);
            sideScores.put(side, scores(points, ballots.size(), maxPoints));
            ballotsPerSide.put(side, ballots.size());
            pooled.addAll(ballots);
        });

        Map<Long, Fraction> parity = new TreeMap<>();
        for (long option : options) {
            parity.put(option, Fraction.mean(sideScores.values().stream().map(scores -> scores.get(option)).toList()));
        }
        Map<Long, Fraction> headCount = scores(sum(options, pooled), pooled.size(), maxPoints);

        return new PrioritizeResult(method, Ranking.of(parity), Ranking.of(headCount), sideScores, sidePoints,
                ballotsPerSide, quorum.missedBy(ballotsPerSide));
    }

    private static Map<Long, Long> sum(Set<Long> options, List<Map<Long, Integer>> ballots) {
        Map<Long, Long> total = new TreeMap<>();
        options.forEach(option -> total.put(option, 0L));
        for (Map<Long, Integer> ballot : ballots) {
            ballot.forEach((option, points) -> total.merge(option, points.longValue(), Long::sum));
        }
        return total;
    }

    /**
     * Points over the most the ballots could have given, {@code n · P}. Without ballots every score
     * is 0: the side adds nothing to any option, which lowers all parity scores by the same factor
     * and so leaves the parity ranking as if the side were not there. Such a side misses any
     * quorum of one or more, so this matters only when the quorum is 0.
     */
    private static Map<Long, Fraction> scores(Map<Long, Long> points, int ballots, int maxPoints) {
        Map<Long, Fraction> scores = new TreeMap<>();
        points.forEach((option, total) -> scores.put(option,
                ballots == 0 ? Fraction.ZERO : Fraction.of(total, (long) ballots * maxPoints)));
        return scores;
    }
}
