package dk.ligevaerd.deliberation;

import dk.ligevaerd.deliberation.domain.Comment;
import dk.ligevaerd.deliberation.domain.CommentRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a notification about a comment needs, read inside the transaction that wrote the comment
 * (the caller, a listener of {@link DeliberationEvents}, has decided whom to tell).
 */
@Component
public class CommentNotices {

    /**
     * One comment, as a notification tells of it.
     *
     * @param earlierAuthors everyone who wrote in the thread before this comment, each once, in the
     *     order they first wrote (the thread's starter first); their deleted comments count too
     */
    public record CommentNotice(long commentId, long threadId, long authorId, String body, List<Long> earlierAuthors) {
    }

    private final CommentRepository comments;

    CommentNotices(CommentRepository comments) {
        this.comments = comments;
    }

    /** The comment, if it is in this workspace and not deleted. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<CommentNotice> notice(long workspaceId, long commentId) {
        Optional<Comment> found = comments.findByIdAndWorkspaceId(commentId, workspaceId);
        if (found.isEmpty() || found.get().deleted() || found.get().body() == null) {
            return Optional.empty();
        }
        Comment comment = found.get();
        List<Long> earlier = new ArrayList<>();
        for (Comment c : comments.findByThreadIdOrderByWrittenAtAscIdAsc(comment.threadId())) {
            if (c.id() == commentId) {
                break;
            }
            if (!earlier.contains(c.authorId())) {
                earlier.add(c.authorId());
            }
        }
        return Optional.of(new CommentNotice(commentId, comment.threadId(), comment.authorId(),
                String.valueOf(comment.body()), List.copyOf(earlier)));
    }
}
