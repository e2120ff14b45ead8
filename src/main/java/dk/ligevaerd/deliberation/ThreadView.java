package dk.ligevaerd.deliberation;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A thread as a member sees it now: what it is about, its comments in order (the first opened it),
 * and whether it is resolved.
 *
 * @param targetId    the priority's or round's id; null for the statement
 * @param targetTitle the priority's or round's title, or the passage's wording
 * @param passage     for a thread on the statement: its passage in the current text
 */
public record ThreadView(long id, TargetKind target, @Nullable Long targetId, String targetTitle,
        @Nullable PassageView passage, long startedBy, @Nullable Long startedSideId, Instant startedAt,
        @Nullable Instant resolvedAt, @Nullable Long resolvedBy, List<CommentView> comments) {

    public ThreadView {
        comments = List.copyOf(comments);
    }

    public boolean resolved() {
        return resolvedAt != null;
    }

    /** Whether a comment still standing in the thread mentions the viewer: the thread is marked for them. */
    public boolean mentionsMe() {
        return comments.stream().anyMatch(CommentView::mentionsMe);
    }

    /** Whether every character of the thread's passage has been deleted (the thread stays). */
    public boolean passageRemoved() {
        return passage != null && passage.removed();
    }
}
