package dk.ligevaerd.workspace;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A governance proposal was made and still waits for the moderators of these sides (the proposer's
 * own side has confirmed already when the proposer moderates it). Published inside the proposing
 * transaction, for features that tell those moderators; not a live or history event. Carries the
 * proposal's particulars so that a listener can say what is proposed ({@link ProposalText}).
 *
 * @param sideId        the side the proposal is about (renamed, removed, moved from)
 * @param targetSideId  the side a member moves to or an observer joins
 * @param subjectUserId the person the proposal is about (handed over to, moved, removed)
 * @param role          the role a move or an observer's seat gives
 * @param text          a side's new name, a default rule's name or a retention rule's text
 * @param sideIds       the sides whose confirmation the proposal still waits for
 */
public record ProposalAwaitingSides(long workspaceId, long actorId, long proposalId, ProposalKind kind,
        @Nullable Long sideId, @Nullable Long targetSideId, @Nullable Long subjectUserId, @Nullable Role role,
        @Nullable String text, Set<Long> sideIds) {

    public ProposalAwaitingSides {
        sideIds = Set.copyOf(sideIds);
    }
}
