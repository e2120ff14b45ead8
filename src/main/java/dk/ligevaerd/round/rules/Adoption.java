package dk.ligevaerd.round.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which priorities a decided PRIORITIZE round adopts: those placed {@code topPlaces} or better by
 * the parity ranking (a tie reaching the last place adopts every tied option), never one that no
 * ballot gave a point, and, where the round asks for it, only those that every side gave points.
 *
 * <p>The last condition does not pull a lower option up: an option it leaves out frees no place,
 * so a round adopts at most as many options as its top places hold, and a moderator can say before
 * opening how many that is at most.
 *
 * @param topPlaces           N, at least 1
 * @param everySideGavePoints whether an option needs at least one point from every tallied side
 */
public record Adoption(int topPlaces, boolean everySideGavePoints) {

    public Adoption {
        if (topPlaces < 1) {
            throw new IllegalArgumentException("At least one place is adopted, not " + topPlaces);
        }
    }

    /** The default number of places for a ballot of this many options: half, rounded down, at least 1. */
    public static int defaultPlaces(int options) {
        return Math.max(1, options / 2);
    }

    /**
     * @param adopted    adopted options, best first
     * @param notAdopted the other options, best first
     */
    public record Selection(List<Long> adopted, List<Long> notAdopted) {

        public Selection {
            adopted = List.copyOf(adopted);
            notAdopted = List.copyOf(notAdopted);
        }
    }

    /**
     * Splits the options of a result into adopted and not adopted. A result without a decision (a
     * side missed its quorum) adopts nothing and rejects nothing: both lists are empty, since such
     * a round changes no priority.
     */
    public Selection select(PrioritizeResult result) {
        List<Long> adopted = new ArrayList<>();
        List<Long> notAdopted = new ArrayList<>();
        if (result.outcome() != PrioritizeResult.Outcome.DECIDED) {
            return new Selection(adopted, notAdopted);
        }
        for (OptionScore entry : result.parityRanking().entries()) {
            (adopts(entry, result) ? adopted : notAdopted).add(entry.option());
        }
        return new Selection(adopted, notAdopted);
    }

    /** Whether the option would be adopted by its place and points, quorum aside. */
    public boolean adopts(OptionScore entry, PrioritizeResult result) {
        return entry.place() <= topPlaces && entry.score().signum() > 0
                && (!everySideGavePoints || sidesWithoutPoints(entry.option(), result).isEmpty());
    }

    /** The tallied sides whose ballots gave the option no point, in ascending order. */
    public static List<Long> sidesWithoutPoints(long option, PrioritizeResult result) {
        List<Long> without = new ArrayList<>();
        for (Map.Entry<Long, Map<Long, Long>> side : result.sidePoints().entrySet()) {
            if (side.getValue().getOrDefault(option, 0L) <= 0) {
                without.add(side.getKey());
            }
        }
        return without;
    }
}
