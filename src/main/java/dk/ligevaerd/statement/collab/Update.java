package dk.ligevaerd.statement.collab;

/**
 * One change as a browser sends it: {@code clientId} is CodeMirror's client ID, which is how a
 * browser recognises its own changes when they come back confirmed. The author is not taken from
 * the browser but from the logged-in user, by the caller.
 */
public record Update(String clientId, Author author, ChangeSet changes) {

    /**
     * CodeMirror generates short IDs; anything much longer is not from our editor and would bloat
     * every stored change.
     */
    public static final int CLIENT_ID_MAX_LENGTH = 64;
}
