package dk.ligevaerd.workspace.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/** A moderator's yes, for their side, to a governance proposal. */
@Embeddable
public record ProposalConfirmation(@Column(name = "side_id", nullable = false) long sideId,
        @Column(name = "user_id", nullable = false) long userId,
        @Column(name = "confirmed_at", nullable = false) Instant confirmedAt) {
}
