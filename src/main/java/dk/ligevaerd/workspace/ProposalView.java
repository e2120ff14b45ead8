package dk.ligevaerd.workspace;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A pending governance proposal as one viewer sees it: what it would change, who proposed it, which
 * sides have confirmed (by whom) and which still have to.
 *
 * @param sideId       the side it concerns (renamed, removed, or moved from)
 * @param targetSideId for a move, the side the member would join
 * @param subjectName  for a move or handover, the member concerned
 * @param text         the new side name, or the rule's name for a new default rule
 */
public record ProposalView(long id, ProposalKind kind, long proposedById, String proposedBy, @Nullable Long proposedBySideId,
        Instant proposedAt, @Nullable Long sideId, @Nullable Long targetSideId, @Nullable Long subjectUserId,
        @Nullable String subjectName, @Nullable Role role, @Nullable String text, @Nullable String colour,
        Map<Long, String> confirmedBy, List<Long> waitingFor, boolean canConfirm, boolean canWithdraw) {
}
