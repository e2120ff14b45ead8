package dk.ligevaerd.account;

import org.jspecify.annotations.Nullable;

/**
 * What the name page shows someone whose organisation account is new here: the provider, the
 * address it gave (and whether it vouched for it), and the name it knows them by.
 */
public record NewOrganisationAccount(String registrationId, String providerName, @Nullable String email,
        boolean emailVerified, String suggestedName) {
}
