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
 * @param suggestionsByModerators whether suggested changes to the statement need a moderator of every
 *                              other side (a rule changed by a governance proposal), rather than any participant
 */
public record WorkspaceDetails(long id, String name, String description, boolean jointClosing,
        Instant createdAt, List<SideView> sides, List<MemberView> members, Member me, String language,
        DefaultRule defaultRule, List<String> sidesWithoutModerator, boolean suggestionsByModerators) {

    public WorkspaceDetails(long id, String name, String description, boolean jointClosing, Instant createdAt,
            List<SideView> sides, List<MemberView> members, Member me, String language, DefaultRule defaultRule,
            List<String> sidesWithoutModerator) {
        this(id, name, description, jointClosing, createdAt, sides, members, me, language, defaultRule,
                sidesWithoutModerator, false);
    }

    public boolean forming() {
        return !sidesWithoutModerator.isEmpty();
    }

    public Optional<SideView> side(Long sideId) {
        return sides.stream().filter(s -> s.id() == sideId).findFirst();
    }
}
