package dk.ligevaerd.workspace;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Who is in a workspace right now, as another feature reads it inside its own transaction (for
 * example when a decision round closes and must know whose confirmations and ballots still count).
 *
 * @param sideIds the workspace's sides now
 * @param members every member now, by user id
 */
public record Roster(Set<Long> sideIds, Map<Long, Member> members) {

    public Roster {
        sideIds = Set.copyOf(sideIds);
        members = Map.copyOf(members);
    }

    /** Whether this user is now a moderator of exactly this side. */
    public boolean isModeratorOf(long userId, long sideId) {
        Member m = members.get(userId);
        return m != null && m.isModerator() && Objects.equals(m.sideId(), sideId);
    }

    /** Whether this user may now vote for this side: a participant or moderator of it. */
    public boolean isVoterOf(long userId, long sideId) {
        Member m = members.get(userId);
        return m != null && m.canContribute() && Objects.equals(m.sideId(), sideId);
    }

    public boolean hasModerator(long sideId) {
        return members.values().stream().anyMatch(m -> m.isModerator() && Objects.equals(m.sideId(), sideId));
    }
}
