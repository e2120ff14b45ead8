package dk.ligevaerd.round;

import org.jspecify.annotations.Nullable;

/**
 * An objection in an open round under consent, as every member sees it while the round runs:
 * with its side, never with a name.
 *
 * @param sideId the objector's side
 * @param reason the reason given; null in a secret round, where a reason written in someone's own
 *               words could tell who wrote it before the round is over (the record shows it, with
 *               the side only)
 */
public record OpenObjection(long sideId, @Nullable String reason) {
}
