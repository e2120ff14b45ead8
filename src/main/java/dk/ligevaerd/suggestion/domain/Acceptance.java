package dk.ligevaerd.suggestion.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/** A participant's yes, for their side, to a suggested change: the key that side gives. */
@Embeddable
public record Acceptance(@Column(name = "side_id", nullable = false) long sideId,
        @Column(name = "user_id", nullable = false) long userId,
        @Column(name = "accepted_at", nullable = false) Instant acceptedAt) {
}
