package dk.ligevaerd.statement.domain;

import dk.ligevaerd.statement.collab.AcceptedUpdate;
import dk.ligevaerd.statement.collab.Author;
import dk.ligevaerd.statement.collab.ChangeSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ordered list of accepted changes of each statement ({@code statement_change}). Plain JDBC
 * rather than an entity: rows are only ever appended in batches and read back in order, so there
 * is no object state for JPA to track, and a batch insert is one round trip per push.
 *
 * <p>The primary key {@code (statement_id, version)} is what makes two nodes unable to accept a
 * change at the same version: the second insert fails and its transaction rolls back.
 */
@Repository
public class StatementChangeLog {

    /** The widest change the {@code changes} column holds, in characters of JSON. */
    public static final int CHANGES_MAX_LENGTH = 200_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;

    StatementChangeLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores accepted changes; must run in the transaction that advances the statement. */
    public void append(long statementId, List<AcceptedUpdate> updates, Instant acceptedAt) {
        Timestamp at = Timestamp.from(acceptedAt);
        jdbc.batchUpdate("""
                insert into statement_change (statement_id, version, author_id, side_id, client_id, changes, accepted_at)
                values (?, ?, ?, ?, ?, ?, ?)""", updates, updates.size(), (ps, update) -> {
            ps.setLong(1, statementId);
            ps.setInt(2, update.version());
            ps.setLong(3, update.author().userId());
            ps.setLong(4, update.author().sideId());
            ps.setString(5, update.clientId());
            ps.setString(6, update.changes().toJsonString());
            ps.setTimestamp(7, at);
        });
    }

    /** The changes after {@code version}, oldest first. */
    public List<AcceptedUpdate> after(long statementId, int version) {
        return jdbc.query("""
                select version, author_id, side_id, client_id, changes from statement_change
                where statement_id = ? and version > ? order by version""", (rs, row) -> {
            long side = rs.getLong("side_id");
            return new AcceptedUpdate(rs.getInt("version"), rs.getString("client_id"),
                    new Author(rs.getLong("author_id"), side),
                    ChangeSet.fromJson(JSON.readTree(rs.getString("changes"))));
        }, statementId, version);
    }

    /**
     * Every stored change, oldest first, handed over one row at a time as it is read, so that an
     * export of a long history never holds it all in memory. The changes are given as stored JSON.
     */
    public void forEachStored(long statementId, java.util.function.Consumer<StoredChange> each) {
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("""
                    select version, author_id, side_id, changes, accepted_at from statement_change
                    where statement_id = ? order by version""");
            statement.setFetchSize(500);
            statement.setLong(1, statementId);
            return statement;
        }, (org.springframework.jdbc.core.RowCallbackHandler) rs -> each.accept(new StoredChange(rs.getInt("version"),
                rs.getLong("author_id"), rs.getLong("side_id"), rs.getString("changes"),
                rs.getTimestamp("accepted_at").toInstant())));
    }

    /** One accepted change as stored: its changes as the JSON text they were saved as. */
    public record StoredChange(int version, long authorId, long sideId, String changesJson, Instant acceptedAt) {
    }

    /**
     * The changes after {@code afterVersion} up to and including {@code upToVersion}, oldest first:
     * the stretch a replay needs from its nearest checkpoint.
     */
    public List<AcceptedUpdate> between(long statementId, int afterVersion, int upToVersion) {
        return jdbc.query("""
                select version, author_id, side_id, client_id, changes from statement_change
                where statement_id = ? and version > ? and version <= ? order by version""", (rs, row) ->
                new AcceptedUpdate(rs.getInt("version"), rs.getString("client_id"),
                        new Author(rs.getLong("author_id"), rs.getLong("side_id")),
                        ChangeSet.fromJson(JSON.readTree(rs.getString("changes")))),
                statementId, afterVersion, upToVersion);
    }

    /**
     * Who made each change up to {@code upToVersion} and when, oldest first, without reading the
     * changes themselves (the widest column by far).
     */
    public List<Step> steps(long statementId, int upToVersion) {
        return jdbc.query("""
                select version, author_id, side_id, accepted_at from statement_change
                where statement_id = ? and version <= ? order by version""", (rs, row) ->
                new Step(rs.getInt("version"), rs.getLong("author_id"), rs.getLong("side_id"),
                        rs.getObject("accepted_at", OffsetDateTime.class).toInstant()),
                statementId, upToVersion);
    }

    /** One stored change without its content: the version it made, its author and side, and when. */
    public record Step(int version, long authorId, long sideId, Instant acceptedAt) {
    }

    /** Accepted changes per side in a period ({@code from} inclusive, {@code to} exclusive, either open). */
    public java.util.Map<Long, Long> countBySide(long statementId, java.time.@org.jspecify.annotations.Nullable Instant from,
            java.time.@org.jspecify.annotations.Nullable Instant to) {
        java.util.Map<Long, Long> counts = new java.util.HashMap<>();
        jdbc.query("""
                select side_id, count(*) as n from statement_change
                where statement_id = ? and accepted_at >= ? and accepted_at < ? group by side_id""", rs -> {
            counts.put(rs.getLong("side_id"), rs.getLong("n"));
        }, statementId, Timestamp.from(from == null ? Instant.EPOCH : from),
                Timestamp.from(to == null ? Instant.parse("9999-12-31T00:00:00Z") : to));
        return counts;
    }

    /** The versions stored for a statement, in order; for checks that the history has no gaps. */
    public List<Integer> versions(long statementId) {
        return jdbc.queryForList("select version from statement_change where statement_id = ? order by version",
                Integer.class, statementId);
    }
}
