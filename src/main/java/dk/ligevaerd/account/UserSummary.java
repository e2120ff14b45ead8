package dk.ligevaerd.account;

/** What other features may know of a user. */
public record UserSummary(long id, String username, String displayName) {
}
