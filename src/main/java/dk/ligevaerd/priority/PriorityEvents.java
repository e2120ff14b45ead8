package dk.ligevaerd.priority;

import dk.ligevaerd.shared.RecordedEvent;
import dk.ligevaerd.shared.WorkspaceEvent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** What happens to priorities; each is kept in the history. */
public final class PriorityEvents {

    private static final Set<String> KINDS = Arrays.stream(PriorityEvents.class.getDeclaredClasses())
            .filter(WorkspaceEvent.class::isAssignableFrom).map(Class::getSimpleName).collect(Collectors.toSet());

    private PriorityEvents() {
    }

    /** Whether the event, here or announced by another node, is one of these priority events. */
    public static boolean isPriorityEvent(WorkspaceEvent event) {
        return KINDS.contains(event.eventKind());
    }

    public record PriorityProposed(long workspaceId, long actorId, @Nullable Long actorSideId, long priorityId,
            String title) implements RecordedEvent {
        @Override
        public List<Long> eventIds() {
            return List.of(priorityId);
        }

        @Override
        public String historyKind() {
            return "priority.proposed";
        }

        @Override
        public String historyDetail() {
            return "priority=" + priorityId + "\ntitle=" + title;
        }
    }

    public record PriorityEdited(long workspaceId, long actorId, @Nullable Long actorSideId, long priorityId,
            String title) implements RecordedEvent {
        @Override
        public List<Long> eventIds() {
            return List.of(priorityId);
        }

        @Override
        public String historyKind() {
            return "priority.edited";
        }

        @Override
        public String historyDetail() {
            return "priority=" + priorityId + "\ntitle=" + title;
        }
    }

    public record PriorityWithdrawn(long workspaceId, long actorId, @Nullable Long actorSideId, long priorityId,
            String title) implements RecordedEvent {
        @Override
        public List<Long> eventIds() {
            return List.of(priorityId);
        }

        @Override
        public String historyKind() {
            return "priority.withdrawn";
        }

        @Override
        public String historyDetail() {
            return "priority=" + priorityId + "\ntitle=" + title;
        }
    }

    public record PrioritiesMerged(long workspaceId, long actorId, @Nullable Long actorSideId, long sourceId,
            long targetId, String sourceTitle, String targetTitle) implements RecordedEvent {
        @Override
        public List<Long> eventIds() {
            return List.of(sourceId, targetId);
        }

        @Override
        public String historyKind() {
            return "priority.merged";
        }

        @Override
        public String historyDetail() {
            return "source=" + sourceId + "\ntarget=" + targetId + "\nsourceTitle=" + sourceTitle
                    + "\ntargetTitle=" + targetTitle;
        }
    }

    /** Priorities changed as a round's outcome; not recorded itself, the round's record is. */
    public record PrioritiesDecided(long workspaceId) implements WorkspaceEvent {
    }
}
