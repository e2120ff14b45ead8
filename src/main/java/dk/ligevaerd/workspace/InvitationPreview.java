package dk.ligevaerd.workspace;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What a person opening a pending invitation link may see before joining. */
public record InvitationPreview(String workspaceName, @Nullable String sideName, @Nullable String sideColour,
        Role role, String invitedByName, Instant expiresAt) {
}
