package dk.ligevaerd.account;

import java.util.stream.Stream;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Turns the person an organisation's provider vouched for into our own principal, so that the rest
 * of the app sees a {@link LigevaerdUser} whichever way someone logged in. Spring Security's own
 * service checks the ID token and reads the user-info endpoint first.
 */
final class OrganisationUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService standard = new OidcUserService();
    private final OrganisationSignInService signIns;

    OrganisationUserService(OrganisationSignInService signIns) {
        this.signIns = signIns;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser person = standard.loadUser(request);
        OidcIdToken token = request.getIdToken();
        String issuer = token.getClaimAsString("iss");
        var registration = request.getClientRegistration();
        ProviderIdentity identity = new ProviderIdentity(registration.getRegistrationId(),
                registration.getClientName(), issuer == null ? "" : issuer, person.getSubject(), person.getEmail(),
                Boolean.TRUE.equals(person.getEmailVerified()), name(person));
        return signIns.signIn(identity)
                .map(user -> new LigevaerdUser(user.id(), user.username(), user.displayName(), user.passwordHash(),
                        token))
                .orElseThrow(() -> new UnlinkedIdentityException(identity));
    }

    private static String name(OidcUser person) {
        String given = person.getGivenName();
        String family = person.getFamilyName();
        String joined = given != null && family != null ? given + " " + family : null;
        return Stream.of(person.getFullName(), joined, person.getPreferredUsername())
                .filter(n -> n != null && !n.isBlank()).findFirst().orElse("");
    }
}
