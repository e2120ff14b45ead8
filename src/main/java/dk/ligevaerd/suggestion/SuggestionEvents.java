package dk.ligevaerd.suggestion;

import dk.ligevaerd.shared.RecordedEvent;
import dk.ligevaerd.shared.WorkspaceEvent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What happens to suggested changes; each is kept in the history (under the statement's area: its
 * kinds start with {@code statement.suggestion.}) and reaches open pages as it commits. Every event
 * names the suggestion as its one id.
 */
public final class SuggestionEvents {

    private static final Set<String> KINDS = Arrays.stream(SuggestionEvents.class.getDeclaredClasses())
            .filter(WorkspaceEvent.class::isAssignableFrom).map(Class::getSimpleName).collect(Collectors.toSet());

    private SuggestionEvents() {
    }

    /** Whether the event, here or announced by another node, is one of these. */
    public static boolean isSuggestionEvent(WorkspaceEvent event) {
        return KINDS.contains(event.eventKind());
    }

    private static String quoted(String text) {
        return text.replace("\\", "\\\\").replace("\n", "\\n");
    }

    public record SuggestionMade(long workspaceId, long actorId, @Nullable Long actorSideId, long suggestionId,
            String oldWording, String newText, String reason) implements RecordedEvent {
        @Override
        public List<Long> eventIds() {
            return List.of(suggestionId);
        }

        @Override
        public String historyKind() {
            return "statement.suggestion.made";
        }

        @Override
        public String historyDetail() {
            return "suggestion=" + suggestionId + "\nold=" + quoted(oldWording) + "\nnew=" + quoted(newText)
                    + "\nreason=" + quoted(reason);
        }
    }

    public record SuggestionAccepted(long workspaceId, long actorId, @Nullable Long actorSideId, long suggestionId)
            implements RecordedEvent {
        @Override
        public List<Long> eventIds() {
            return List.of(suggestionId);
        }

        @Override
        public String historyKind() {
            return "statement.suggestion.accepted";
        }

        @Override
        public String historyDetail() {
            return "suggestion=" + suggestionId;
        }
    }

    /** Every side's key is in: the change went into the statement as {@code version}, written by the proposer. */
    public record SuggestionApplied(long workspaceId, long actorId, @Nullable Long actorSideId, long suggestionId,
            long proposerId, long proposerSideId, int version) implements RecordedEvent {
        @Override
        public List<Long> eventIds() {
            return List.of(suggestionId);
        }

        @Override
        public String historyKind() {
            return "statement.suggestion.applied";
        }

        @Override
        public String historyDetail() {
            return "suggestion=" + suggestionId + "\nauthor=" + proposerId + "\nauthorSide=" + proposerSideId
                    + "\nversion=" + version;
        }
    }

    public record SuggestionDeclined(long workspaceId, long actorId, @Nullable Long actorSideId, long suggestionId,
            String reason) implements RecordedEvent {
        @Override
        public List<Long> eventIds() {
            return List.of(suggestionId);
        }

        @Override
        public String historyKind() {
            return "statement.suggestion.declined";
        }

        @Override
        public String historyDetail() {
            return "suggestion=" + suggestionId + "\nreason=" + quoted(reason);
        }
    }

    public record SuggestionWithdrawn(long workspaceId, long actorId, @Nullable Long actorSideId, long suggestionId)
            implements RecordedEvent {
        @Override
        public List<Long> eventIds() {
            return List.of(suggestionId);
        }

        @Override
        public String historyKind() {
            return "statement.suggestion.withdrawn";
        }

        @Override
        public String historyDetail() {
            return "suggestion=" + suggestionId;
        }
    }

    public record SuggestionRebased(long workspaceId, long actorId, @Nullable Long actorSideId, long suggestionId,
            String oldWording) implements RecordedEvent {
        @Override
        public List<Long> eventIds() {
            return List.of(suggestionId);
        }

        @Override
        public String historyKind() {
            return "statement.suggestion.rebased";
        }

        @Override
        public String historyDetail() {
            return "suggestion=" + suggestionId + "\nold=" + quoted(oldWording);
        }
    }
}
