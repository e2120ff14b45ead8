package dk.ligevaerd.account;

import org.jspecify.annotations.Nullable;

/**
 * The caller's own mail settings, for their account page.
 *
 * @param email         the confirmed address notifications go to; null while there is none
 * @param pendingEmail  an address a confirmation link was mailed to and not yet used, if any
 * @param mailLanguage  "da" or "en"; null: each workspace's own language
 */
public record AccountEmail(@Nullable String email, @Nullable String pendingEmail, @Nullable String mailLanguage) {
}
