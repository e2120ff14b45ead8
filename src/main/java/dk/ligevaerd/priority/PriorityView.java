package dk.ligevaerd.priority;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A priority as views show it. The first proposer's side is the priority's side. */
public record PriorityView(long id, String title, String description, Set<ValueLens> lenses,
        List<ProposerView> proposers, PriorityState state, boolean inRound, @Nullable Long mergedInto,
        Instant proposedAt) {

    public record ProposerView(long userId, @Nullable Long sideId) {
    }

    public @Nullable Long sideId() {
        return proposers.isEmpty() ? null : proposers.getFirst().sideId();
    }

    public boolean proposedBy(long userId) {
        return proposers.stream().anyMatch(p -> p.userId() == userId);
    }

    /** Open for its proposers to edit or withdraw, and for moderators to merge. */
    public boolean open() {
        return state == PriorityState.PROPOSED && !inRound;
    }
}
