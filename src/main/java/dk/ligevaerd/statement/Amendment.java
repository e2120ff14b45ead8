package dk.ligevaerd.statement;

import dk.ligevaerd.statement.collab.ChangeSet;
import dk.ligevaerd.statement.collab.Passage;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A change that the server makes to the statement on someone's behalf (an accepted suggestion),
 * decided inside {@link CollabService#amend} while the statement is held, so that what it decides
 * on is the text every editor is about to see.
 *
 * @param authorId who the change is recorded as written by
 * @param authorSideId that person's side, as the change log records it
 * @param change the change to the current text; null to change nothing
 * @param result what the caller returns
 */
public record Amendment<T>(long authorId, long authorSideId, @Nullable ChangeSet change, T result) {

    /** Nothing to change; {@code result} is handed back. */
    public static <T> Amendment<T> none(T result) {
        return new Amendment<>(0, 0, null, result);
    }

    /**
     * The statement as it stands while an amendment is decided: its version and text, and the
     * changes accepted after any earlier version, so a passage taken then can be carried to now.
     */
    public interface Current {

        int version();

        String text();

        /**
         * Where {@code passage}, taken from the text at {@code version}, stands in the current text.
         *
         * @throws IllegalArgumentException for a version the statement never had
         */
        Passage follow(Passage passage, int version);

        /** The changes accepted after {@code version}, oldest first. */
        List<ChangeSet> changesSince(int version);
    }
}
