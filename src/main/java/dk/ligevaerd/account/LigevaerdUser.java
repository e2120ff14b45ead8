package dk.ligevaerd.account;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The logged-in principal; carries the user id so services need no lookup by name. The same type
 * whether the person logged in with a password or with an organisation account (then {@code idToken}
 * holds the provider's token; Spring Security's OpenID Connect login needs its principal to be an
 * {@link OidcUser}), so every check in the app sees one kind of user.
 */
public record LigevaerdUser(long id, String username, String displayName, String passwordHash,
        @Nullable OidcIdToken idToken) implements UserDetails, OidcUser {

    /** Logged in with a password (or acting in a test or the demo). */
    public LigevaerdUser(long id, String username, String displayName, String passwordHash) {
        this(id, username, displayName, passwordHash, null);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_USER"));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public String getName() {
        return username;
    }

    @Override
    public Map<String, Object> getClaims() {
        return idToken == null ? Map.of() : idToken.getClaims();
    }

    @Override
    public Map<String, Object> getAttributes() {
        return getClaims();
    }

    @Override
    public @Nullable OidcUserInfo getUserInfo() {
        return null;
    }

    @Override
    public @Nullable OidcIdToken getIdToken() {
        return idToken;
    }

    /** Never let the hash or a token reach a log line. */
    @Override
    public String toString() {
        return "LigevaerdUser[id=" + id + ", username=" + username + "]";
    }
}
