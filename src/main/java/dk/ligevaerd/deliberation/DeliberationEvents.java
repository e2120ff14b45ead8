package dk.ligevaerd.deliberation;

import dk.ligevaerd.shared.RecordedEvent;
import dk.ligevaerd.shared.WorkspaceEvent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What happens in comment threads; each is kept in the history. Every event names the thread
 * first (its {@link WorkspaceEvent#firstId()}), so an open page redraws that one thread.
 */
public final class DeliberationEvents {

    private static final Set<String> KINDS = Arrays.stream(DeliberationEvents.class.getDeclaredClasses())
            .filter(WorkspaceEvent.class::isAssignableFrom).map(Class::getSimpleName).collect(Collectors.toSet());

    /** The longest quotation of a passage kept in a history line. */
    static final int QUOTE_MAX = 200;

    private DeliberationEvents() {
    }

    /** Whether the event, here or announced by another node, is one of these. */
    public static boolean isDeliberationEvent(WorkspaceEvent event) {
        return KINDS.contains(event.eventKind());
    }

    /** The thing a thread is about, as history lines keep it. */
    public record Target(TargetKind kind, @Nullable Long id, String title) {

        String detail() {
            return "on=" + kind.name().toLowerCase(java.util.Locale.ROOT) + (id == null ? "" : "\nitem=" + id)
                    + "\ntitle=" + oneLine(title);
        }

        private static String oneLine(String text) {
            String line = text.replaceAll("\\s+", " ").strip();
            return line.length() <= QUOTE_MAX ? line : line.substring(0, QUOTE_MAX - 1) + "…";
        }
    }

    /** @param mentioned the members the first comment mentions ({@link Mentions}) */
    public record ThreadStarted(long workspaceId, long actorId, @Nullable Long actorSideId, long threadId,
            long commentId, Target target, List<Long> mentioned) implements RecordedEvent {

        public ThreadStarted {
            mentioned = List.copyOf(mentioned);
        }

        public ThreadStarted(long workspaceId, long actorId, @Nullable Long actorSideId, long threadId, long commentId,
                Target target) {
            this(workspaceId, actorId, actorSideId, threadId, commentId, target, List.of());
        }

        @Override
        public List<Long> eventIds() {
            return List.of(threadId, commentId);
        }

        @Override
        public String historyKind() {
            return "comment.started";
        }

        @Override
        public String historyDetail() {
            return "thread=" + threadId + "\ncomment=" + commentId + "\n" + target.detail();
        }
    }

    /** @param mentioned the members the reply mentions ({@link Mentions}) */
    public record CommentReplied(long workspaceId, long actorId, @Nullable Long actorSideId, long threadId,
            long commentId, Target target, List<Long> mentioned) implements RecordedEvent {

        public CommentReplied {
            mentioned = List.copyOf(mentioned);
        }

        public CommentReplied(long workspaceId, long actorId, @Nullable Long actorSideId, long threadId, long commentId,
                Target target) {
            this(workspaceId, actorId, actorSideId, threadId, commentId, target, List.of());
        }

        @Override
        public List<Long> eventIds() {
            return List.of(threadId, commentId);
        }

        @Override
        public String historyKind() {
            return "comment.replied";
        }

        @Override
        public String historyDetail() {
            return "thread=" + threadId + "\ncomment=" + commentId + "\n" + target.detail();
        }
    }

    /** @param mentioned the members the edited comment mentions that it did not mention before */
    public record CommentEdited(long workspaceId, long actorId, @Nullable Long actorSideId, long threadId,
            long commentId, Target target, List<Long> mentioned) implements RecordedEvent {

        public CommentEdited {
            mentioned = List.copyOf(mentioned);
        }

        public CommentEdited(long workspaceId, long actorId, @Nullable Long actorSideId, long threadId, long commentId,
                Target target) {
            this(workspaceId, actorId, actorSideId, threadId, commentId, target, List.of());
        }

        @Override
        public List<Long> eventIds() {
            return List.of(threadId, commentId);
        }

        @Override
        public String historyKind() {
            return "comment.edited";
        }

        @Override
        public String historyDetail() {
            return "thread=" + threadId + "\ncomment=" + commentId + "\n" + target.detail();
        }
    }

    /** The comment's text is gone; the history keeps that it was there and who deleted it. */
    public record CommentDeleted(long workspaceId, long actorId, @Nullable Long actorSideId, long threadId,
            long commentId, Target target) implements RecordedEvent {
        @Override
        public List<Long> eventIds() {
            return List.of(threadId, commentId);
        }

        @Override
        public String historyKind() {
            return "comment.deleted";
        }

        @Override
        public String historyDetail() {
            return "thread=" + threadId + "\ncomment=" + commentId + "\n" + target.detail();
        }
    }

    public record ThreadResolved(long workspaceId, long actorId, @Nullable Long actorSideId, long threadId,
            Target target) implements RecordedEvent {
        @Override
        public List<Long> eventIds() {
            return List.of(threadId);
        }

        @Override
        public String historyKind() {
            return "comment.resolved";
        }

        @Override
        public String historyDetail() {
            return "thread=" + threadId + "\n" + target.detail();
        }
    }

    public record ThreadReopened(long workspaceId, long actorId, @Nullable Long actorSideId, long threadId,
            Target target) implements RecordedEvent {
        @Override
        public List<Long> eventIds() {
            return List.of(threadId);
        }

        @Override
        public String historyKind() {
            return "comment.reopened";
        }

        @Override
        public String historyDetail() {
            return "thread=" + threadId + "\n" + target.detail();
        }
    }
}
