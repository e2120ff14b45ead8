package dk.ligevaerd.statement.collab;

/**
 * A change the authority has accepted. {@code version} is the version it created: the first change
 * to a new statement creates version 1, so {@code (statement, version)} is unique and a stored
 * history has no gaps.
 */
public record AcceptedUpdate(int version, String clientId, Author author, ChangeSet changes) {
}
