package dk.ligevaerd.account;

import dk.ligevaerd.shared.DomainException;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is calling. Services take the acting user from here, never from a parameter a view could
 * fill in, so a view cannot act on someone else's behalf.
 */
@Component
public class CurrentUser {

    public Optional<LigevaerdUser> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof LigevaerdUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    public LigevaerdUser require() {
        return find().orElseThrow(() -> new DomainException("error.loginRequired"));
    }

    public long id() {
        return require().id();
    }
}
