package dk.ligevaerd.round.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * A moderator's request, for their side and with a reason, that an open round be cancelled. With
 * joint closing a round is cancelled only when every side has asked.
 */
@Embeddable
public record CancelRequest(@Column(name = "side_id", nullable = false) long sideId,
        @Column(name = "user_id", nullable = false) long userId,
        @Column(name = "reason", nullable = false, length = DecisionRound.CANCEL_REASON_MAX_LENGTH) String reason,
        @Column(name = "requested_at", nullable = false) Instant requestedAt) {
}
