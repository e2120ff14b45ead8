package dk.ligevaerd.round.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A side of the workspace as it was when the round opened; the round is tallied over these. */
@Embeddable
public record RoundSide(@Column(name = "side_id", nullable = false) long sideId,
        @Column(name = "name", nullable = false, length = 40) String name,
        @Column(name = "colour", nullable = false, length = 7) String colour) {
}
