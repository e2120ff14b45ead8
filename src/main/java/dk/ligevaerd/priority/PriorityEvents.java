package dk.ligevaerd.priority;

import dk.ligevaerd.shared.RecordedEvent;
import org.jspecify.annotations.Nullable;

/** What happens to priorities; each is kept in the history. */
public final class PriorityEvents {

    private PriorityEvents() {
    }

    public record PriorityProposed(long workspaceId, long actorId, @Nullable Long actorSideId, long priorityId,
            String title) implements RecordedEvent {
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
    public record PrioritiesDecided(long workspaceId) implements dk.ligevaerd.shared.WorkspaceEvent {
    }
}
