package dk.ligevaerd.account;

/**
 * What other features may know of a user.
 *
 * @param displayName the person's name; for an erased account the pseudonym ("Former member 7"), in
 *                    the language of the page asking
 * @param erased      the person erased their account (docs/personal-data.md)
 */
public record UserSummary(long id, String username, String displayName, boolean erased) {

    public UserSummary(long id, String username, String displayName) {
        this(id, username, displayName, false);
    }
}
