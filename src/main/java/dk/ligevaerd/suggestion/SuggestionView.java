package dk.ligevaerd.suggestion;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A suggested change as a page shows it.
 *
 * @param baseWording the words the suggestion replaces, as they stood when it was made (or last rebased)
 * @param currentWording those words as they stand now (empty when removed)
 * @param outdated the passage no longer reads {@code baseWording} (or is gone), so it cannot be applied
 *        until its author rebases it; only for a pending suggestion
 * @param passageRemoved every character of the passage has been deleted
 * @param acceptedSides the sides whose key counts now
 * @param awaitingSides the sides whose key is still needed
 * @param from where the passage stands now, in the statement at {@code statementVersion}; for a
 *        pending suggestion only (0 otherwise), so that the editor can show it as a tracked change
 * @param to where the passage ends now
 * @param statementVersion the version {@code from} and {@code to} are valid at
 */
public record SuggestionView(long id, long proposedBy, long proposedSide, Instant proposedAt, String baseWording,
        String newText, String reason, SuggestionState state, boolean insertion, boolean outdated,
        boolean passageRemoved, String currentWording, List<Long> acceptedSides, List<Long> awaitingSides,
        @Nullable Long decidedBy, @Nullable Long decidedSide, @Nullable String declineReason,
        @Nullable Instant decidedAt, int from, int to, int statementVersion) {

    public SuggestionView {
        acceptedSides = List.copyOf(acceptedSides);
        awaitingSides = List.copyOf(awaitingSides);
    }

    public boolean pending() {
        return state == SuggestionState.PENDING;
    }
}
