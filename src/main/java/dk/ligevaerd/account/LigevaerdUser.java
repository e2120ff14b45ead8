package dk.ligevaerd.account;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The logged-in principal; carries the user id so services need no lookup by name. */
public record LigevaerdUser(long id, String username, String displayName, String passwordHash)
        implements UserDetails {

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

    /** Never let the hash reach a log line. */
    @Override
    public String toString() {
        return "LigevaerdUser[id=" + id + ", username=" + username + "]";
    }
}
