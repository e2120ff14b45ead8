package dk.ligevaerd.workspace;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything the workspace page shows about the workspace itself, for one viewer.
 *
 * @param language              the workspace's language ("da" or "en"), for its exports and e-mails
 * @param sidesWithoutModerator the sides that still need a moderator; while any does, the workspace
 *                              is forming and no round can open
 */
public record WorkspaceDetails(long id, String name, String description, boolean jointClosing,
        Instant createdAt, List<SideView> sides, List<MemberView> members, Member me, String language,
        DefaultRule defaultRule, List<String> sidesWithoutModerator) {

    public boolean forming() {
        return !sidesWithoutModerator.isEmpty();
    }

    public Optional<SideView> side(Long sideId) {
        return sides.stream().filter(s -> s.id() == sideId).findFirst();
    }
}
