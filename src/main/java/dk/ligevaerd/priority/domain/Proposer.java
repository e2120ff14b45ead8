package dk.ligevaerd.priority.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;

/** Someone who proposed a priority, with the side they proposed it from. */
@Embeddable
public record Proposer(@Column(name = "user_id", nullable = false) long userId,
        @Column(name = "side_id") @Nullable Long sideId) {
}
