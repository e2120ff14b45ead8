package dk.ligevaerd.workspace;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Everything the workspace page shows about the workspace itself, for one viewer.
 *
 * @param language              the workspace's language ("da" or "en"), for its exports and e-mails
 * @param sidesWithoutModerator the sides that still need a moderator; while any does, the workspace
 *                              is forming and no round can open
 * @param suggestionsByModerators whether suggested changes to the statement need a moderator of every
 *                              other side (a rule changed by a governance proposal), rather than any participant
 * @param observersMayComment   whether observers may comment in the discussion (a rule changed by a
 *                              governance proposal)
 * @param retention             the retention rule every side agreed to ({@link RetentionRule#NONE} if none)
 * @param archivedAt            when the rule archived the workspace; null while it is open for changes
 */
public record WorkspaceDetails(long id, String name, String description, boolean jointClosing,
        Instant createdAt, List<SideView> sides, List<MemberView> members, Member me, String language,
        DefaultRule defaultRule, List<String> sidesWithoutModerator, boolean suggestionsByModerators,
        boolean observersMayComment, RetentionRule retention, @Nullable Instant archivedAt) {

    public WorkspaceDetails(long id, String name, String description, boolean jointClosing, Instant createdAt,
            List<SideView> sides, List<MemberView> members, Member me, String language, DefaultRule defaultRule,
            List<String> sidesWithoutModerator) {
        this(id, name, description, jointClosing, createdAt, sides, members, me, language, defaultRule,
                sidesWithoutModerator, false, false, RetentionRule.NONE, null);
    }

    /** Whether the workspace is archived: read-only for everyone until every side reopens it. */
    public boolean archived() {
        return archivedAt != null;
    }

    /** Whether the viewer may write, propose and vote here now: a contributor in an open workspace. */
    public boolean canContribute() {
        return !archived() && me.canContribute();
    }

    /** Whether the viewer moderates here now: a moderator in an open workspace. */
    public boolean canModerate() {
        return !archived() && me.isModerator();
    }

    /** When an archived workspace will be deleted under its rule; null when it will not be. */
    public @Nullable Instant deletionDue() {
        Integer months = retention.deleteAfterMonths();
        return archivedAt == null || months == null ? null
                : archivedAt.atZone(java.time.ZoneOffset.UTC).plusMonths(months).toInstant();
    }

    public boolean forming() {
        return !sidesWithoutModerator.isEmpty();
    }

    public Optional<SideView> side(Long sideId) {
        return sides.stream().filter(s -> s.id() == sideId).findFirst();
    }
}
