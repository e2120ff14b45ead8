package dk.ligevaerd.round.domain;

import java.time.Instant;

/**
 * A ballot read for counting: plain values, not a managed entity, so that tallying ten thousand
 * ballots costs no change tracking.
 */
public record BallotRow(long userId, String voterName, long sideId, String payload, Instant castAt, int casts) {
}
