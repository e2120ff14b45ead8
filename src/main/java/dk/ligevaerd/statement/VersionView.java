package dk.ligevaerd.statement;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A saved version of the purpose statement.
 *
 * @param adoptedByRound the decision round that adopted this version, if one did
 */
public record VersionView(long id, String name, int statementVersion, String text, long createdBy,
        @Nullable Long createdBySide, Instant createdAt, boolean forRound, @Nullable Long adoptedByRound) {

    public boolean adopted() {
        return adoptedByRound != null;
    }
}
