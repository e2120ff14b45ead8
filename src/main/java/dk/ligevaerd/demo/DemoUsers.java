package dk.ligevaerd.demo;

import dk.ligevaerd.account.LigevaerdUser;
import dk.ligevaerd.account.UserSummary;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** Lets demo builders act as a demo user, through the same services and checks as a click. */
final class DemoUsers {

    private DemoUsers() {
    }

    static <T> T as(UserSummary user, Supplier<T> call) {
        var principal = new LigevaerdUser(user.id(), user.username(), user.displayName(), "");
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return call.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    static void run(UserSummary user, Runnable call) {
        as(user, () -> {
            call.run();
            return null;
        });
    }
}
