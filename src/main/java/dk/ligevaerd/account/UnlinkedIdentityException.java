package dk.ligevaerd.account;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * A provider vouched for someone who has no account here yet: the login stops, and the failure
 * handler sends the person to the name page with the identity kept in their session.
 */
final class UnlinkedIdentityException extends OAuth2AuthenticationException {

    private final ProviderIdentity identity;

    UnlinkedIdentityException(ProviderIdentity identity) {
        super(new OAuth2Error("account_not_linked"), "no account is linked to this identity yet");
        this.identity = identity;
    }

    ProviderIdentity identity() {
        return identity;
    }
}
