package dk.ligevaerd.account;

import java.io.Serializable;
import org.jspecify.annotations.Nullable;

/**
 * Who an organisation's provider says signed in, read from its checked ID token: the issuer and
 * subject that name the person for good, the address and whether the provider vouches for it
 * ({@code email_verified}), and the name it knows them by, offered as the display name.
 * Kept in the HTTP session between the provider's answer and the name page, so it is serializable.
 */
record ProviderIdentity(String registrationId, String providerName, String issuer, String subject,
        @Nullable String email, boolean emailVerified, @Nullable String name) implements Serializable {
}
