package dk.ligevaerd.workspace;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What a person opening a pending invitation link may see before joining.
 *
 * @param yourWorkspaceId the workspace's id when the person opening the link is a member already
 *                        (then there is nothing to join, only a workspace to open); null otherwise
 */
public record InvitationPreview(String workspaceName, @Nullable String sideName, @Nullable String sideColour,
        Role role, String invitedByName, Instant expiresAt, @Nullable Long yourWorkspaceId) {

    public boolean alreadyMember() {
        return yourWorkspaceId != null;
    }
}
