package dk.ligevaerd.round;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a notification about a round says, read inside the transaction that changed the round.
 *
 * @param sideIds        the sides taking part (once open)
 * @param awaitingSides  open round with joint closing: the sides whose moderator has still to
 *                       confirm closing
 * @param votingEnded    whether the closing time has ended voting (the round still waits for sides)
 */
public record RoundNotice(long roundId, long workspaceId, String title, RoundState state, @Nullable Instant closesAt,
        List<Long> sideIds, List<Long> awaitingSides, boolean votingEnded) {
}
