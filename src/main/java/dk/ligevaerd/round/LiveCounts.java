package dk.ligevaerd.round;

import dk.ligevaerd.round.rules.AdoptResult;
import dk.ligevaerd.round.rules.PrioritizeResult;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What ballots change on an open round, the same for every member: the ballots per side and,
 * where the round shows live standings (never a secret round), the standings. Read once after a
 * burst of ballots and shared by every open page.
 *
 * @param ballotsBySide the ballots counted per side (a side without ballots is absent)
 * @param casts         the round's casts, re-votes included; only ever grows
 * @param prioritizeStandings live standings of a PRIORITIZE round with live tallies, else null
 * @param adoptStandings live standings of an ADOPT round with live tallies, else null
 * @param objections    the objections of an open round under consent, live tallies or not: consent
 *                      works only if everyone can see what blocks it (empty under other rules)
 */
public record LiveCounts(long roundId, Map<Long, Integer> ballotsBySide, long casts,
        @Nullable PrioritizeResult prioritizeStandings, @Nullable AdoptResult adoptStandings,
        java.util.List<OpenObjection> objections) {

    public LiveCounts {
        ballotsBySide = Map.copyOf(ballotsBySide);
        objections = java.util.List.copyOf(objections);
    }

    public int ballots(long sideId) {
        return ballotsBySide.getOrDefault(sideId, 0);
    }
}
