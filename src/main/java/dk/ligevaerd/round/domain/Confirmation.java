package dk.ligevaerd.round.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/** A moderator's confirmation, for their side, that the round may close. */
@Embeddable
public record Confirmation(@Column(name = "side_id", nullable = false) long sideId,
        @Column(name = "user_id", nullable = false) long userId,
        @Column(name = "confirmed_at", nullable = false) Instant confirmedAt) {
}
