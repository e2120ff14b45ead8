package dk.ligevaerd.workspace;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

public record InvitationView(long id, @Nullable Long sideId, @Nullable String sideName, Role role,
        String createdByName, Instant createdAt, Instant expiresAt, InvitationStatus status,
        @Nullable String usedByName) {
}
