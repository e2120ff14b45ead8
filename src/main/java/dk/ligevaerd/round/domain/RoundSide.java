package dk.ligevaerd.round.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;

/**
 * A side of the workspace as it was when the round opened; the round is tallied over these.
 *
 * @param eligible how many of the side's members could vote, counted when the round closed; null
 *                 before that, and for rounds closed before it was counted
 */
@Embeddable
public record RoundSide(@Column(name = "side_id", nullable = false) long sideId,
        @Column(name = "name", nullable = false, length = 40) String name,
        @Column(name = "colour", nullable = false, length = 7) String colour,
        @Column(name = "eligible") @Nullable Integer eligible) {

    public RoundSide(long sideId, String name, String colour) {
        this(sideId, name, colour, null);
    }

    public RoundSide withEligible(int count) {
        return new RoundSide(sideId, name, colour, count);
    }
}
