package dk.ligevaerd.statement;

import java.time.Instant;

/**
 * One accepted change of the purpose statement, as a replay lists it: the change that made
 * {@code version}, who made it, for which side (at the time), and when it was accepted.
 */
public record ReplayStep(int version, long authorId, long sideId, Instant acceptedAt) {
}
