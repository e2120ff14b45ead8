package dk.ligevaerd.workspace;

import java.util.Set;

/**
 * A governance proposal was made and still waits for the moderators of these sides (the proposer's
 * own side has confirmed already when the proposer moderates it). Published inside the proposing
 * transaction, for features that tell those moderators; not a live or history event.
 */
public record ProposalAwaitingSides(long workspaceId, long actorId, long proposalId, ProposalKind kind,
        Set<Long> sideIds) {

    public ProposalAwaitingSides {
        sideIds = Set.copyOf(sideIds);
    }
}
