package dk.ligevaerd.deliberation;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One comment as a member sees it. Its text is plain text, to be shown as text, never as HTML.
 *
 * @param body null once deleted
 * @param mine whether the viewer wrote it (and so may edit or delete it)
 * @param mentionsMe whether it mentions the viewer ({@code @Name}, see {@link Mentions})
 */
public record CommentView(long id, long authorId, String authorName, @Nullable Long authorSideId,
        @Nullable String body, Instant writtenAt, @Nullable Instant editedAt, @Nullable Instant deletedAt,
        boolean mine, boolean mentionsMe) {

    public boolean deleted() {
        return deletedAt != null;
    }
}
