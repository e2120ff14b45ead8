package dk.ligevaerd.account;

import org.jspecify.annotations.Nullable;

/**
 * Where and how to mail one person: a confirmed address only.
 *
 * @param mailLanguage "da" or "en" as the person chose; null: the workspace's language
 */
public record MailRecipient(long userId, String displayName, String email, @Nullable String mailLanguage) {
}
