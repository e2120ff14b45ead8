package dk.ligevaerd.statement;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A saved version of the purpose statement. */
public record VersionView(long id, String name, int statementVersion, String text, long createdBy,
        @Nullable Long createdBySide, Instant createdAt, boolean forRound) {
}
