package dk.ligevaerd.account;

import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import java.util.Optional;

/**
 * Remembers the invitation link someone opened before logging in or creating an account, so they
 * come back to it afterwards. Kept in the HTTP session, which survives the session-id change at
 * login.
 */
public final class PendingInvitation {

    private static final String ATTRIBUTE = "ligevaerd.pendingInvitation";

    private PendingInvitation() {
    }

    public static void remember(String token) {
        session().ifPresent(s -> s.setAttribute(ATTRIBUTE, token));
    }

    public static Optional<String> take() {
        return session().map(s -> {
            Object token = s.getAttribute(ATTRIBUTE);
            s.removeAttribute(ATTRIBUTE);
            return token instanceof String t ? t : null;
        });
    }

    public static Optional<String> peek() {
        return session().map(s -> s.getAttribute(ATTRIBUTE)).filter(String.class::isInstance).map(String.class::cast);
    }

    private static Optional<WrappedSession> session() {
        return Optional.ofNullable(VaadinSession.getCurrent()).map(VaadinSession::getSession);
    }
}
