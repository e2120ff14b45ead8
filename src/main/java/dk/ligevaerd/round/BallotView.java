package dk.ligevaerd.round;

import dk.ligevaerd.round.rules.Vote;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A ballot as a voter sees their own, or as a named round's record shows it. Only the part of
 * the round's kind is filled: points (dots), order (ranking), or vote and reason (adopt).
 */
public record BallotView(Map<Long, Integer> points, List<Long> order, @Nullable Vote vote, @Nullable String reason,
        Instant castAt) {

    public BallotView {
        points = Map.copyOf(points);
        order = List.copyOf(order);
    }
}
