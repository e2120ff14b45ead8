package dk.ligevaerd.deliberation.domain;

import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.shared.NotPermittedException;
import dk.ligevaerd.shared.Text;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One comment in a thread. Only its author edits or deletes it; a deleted comment keeps its place,
 * author and time, and loses its text.
 */
@Entity
@Table(name = "thread_comment")
public class Comment {

    /** The longest comment: room for an argued paragraph or two, not for a document. */
    public static final int BODY_MAX_LENGTH = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "thread_id", nullable = false)
    private long threadId;

    @Column(name = "workspace_id", nullable = false)
    private long workspaceId;

    @Column(name = "author_id", nullable = false)
    private long authorId;

    @Column(name = "author_side_id")
    private @Nullable Long authorSideId;

    @Column(length = BODY_MAX_LENGTH)
    private @Nullable String body;

    @Column(name = "written_at", nullable = false)
    private Instant writtenAt;

    @Column(name = "edited_at")
    private @Nullable Instant editedAt;

    @Column(name = "deleted_at")
    private @Nullable Instant deletedAt;

    @Version
    private long version;

    protected Comment() {
        this.writtenAt = Instant.EPOCH;
    }

    public Comment(long threadId, long workspaceId, long authorId, @Nullable Long authorSideId, String body,
            Instant at) {
        this.threadId = threadId;
        this.workspaceId = workspaceId;
        this.authorId = authorId;
        this.authorSideId = authorSideId;
        this.body = checked(body);
        this.writtenAt = at;
    }

    /** The body as it may be stored: trimmed, present, at most {@link #BODY_MAX_LENGTH} characters. */
    public static String checked(@Nullable String body) {
        return Text.required(body, BODY_MAX_LENGTH, "field.comment");
    }

    public void edit(long userId, String newBody, Instant at) {
        requireAuthor(userId);
        requireNotDeleted();
        body = checked(newBody);
        editedAt = at;
    }

    public void delete(long userId, Instant at) {
        requireAuthor(userId);
        requireNotDeleted();
        body = null;
        deletedAt = at;
    }

    private void requireAuthor(long userId) {
        if (userId != authorId) {
            throw new NotPermittedException("error.comment.notAuthor");
        }
    }

    private void requireNotDeleted() {
        if (deletedAt != null) {
            throw new DomainException("error.comment.deleted");
        }
    }

    public long id() {
        return java.util.Objects.requireNonNull(id, "not saved yet");
    }

    public long threadId() {
        return threadId;
    }

    public long workspaceId() {
        return workspaceId;
    }

    public long authorId() {
        return authorId;
    }

    public @Nullable Long authorSideId() {
        return authorSideId;
    }

    /** The text; null once deleted. */
    public @Nullable String body() {
        return body;
    }

    public Instant writtenAt() {
        return writtenAt;
    }

    public @Nullable Instant editedAt() {
        return editedAt;
    }

    public @Nullable Instant deletedAt() {
        return deletedAt;
    }

    public boolean deleted() {
        return deletedAt != null;
    }
}
