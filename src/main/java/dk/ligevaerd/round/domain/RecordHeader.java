package dk.ligevaerd.round.domain;

import java.time.Instant;

/** A decision record's place: the round it closed, its number, when it was written. */
public record RecordHeader(long roundId, long seq, Instant recordedAt) {
}
