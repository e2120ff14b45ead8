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
 * @param suggestionsByModerators whether suggested changes to the statement need a moderator of every other side
 */
public record Roster(Set<Long> sideIds, Map<Long, Member> members, boolean suggestionsByModerators) {

    public Roster {
        sideIds = Set.copyOf(sideIds);
        members = Map.copyOf(members);
    }

    public Roster(Set<Long> sideIds, Map<Long, Member> members) {
        this(sideIds, members, false);
    }

    /**
     * Whether this user may now accept or decline a suggested change for this side: a moderator of
     * it where the workspace asks for moderators ({@link #suggestionsByModerators}), else a
     * participant or moderator.
     */
    public boolean mayAnswerSuggestionFor(long userId, long sideId) {
        return suggestionsByModerators ? isModeratorOf(userId, sideId) : isVoterOf(userId, sideId);
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
