package dk.ligevaerd.support;

import dk.ligevaerd.account.LigevaerdUser;
import dk.ligevaerd.account.UserSummary;
import java.util.concurrent.Callable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** Runs service calls as a given user, the way a logged-in request would. */
public final class Acting {

    private Acting() {
    }

    public static void as(UserSummary user) {
        var principal = new LigevaerdUser(user.id(), user.username(), user.displayName(), "");
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
    }

    public static <T> T as(UserSummary user, Callable<T> call) {
        as(user);
        try {
            return call.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    public static void run(UserSummary user, Runnable call) {
        as(user, () -> {
            call.run();
            return null;
        });
    }
}
