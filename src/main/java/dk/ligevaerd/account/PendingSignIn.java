package dk.ligevaerd.account;

import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * An organisation account that signed in for the first time and matched no account: kept in the
 * HTTP session (server side, so a page cannot make one up) until the person has chosen their
 * display name on the name page.
 */
final class PendingSignIn {

    private static final String ATTRIBUTE = "ligevaerd.pendingSignIn";

    private PendingSignIn() {
    }

    static void remember(HttpServletRequest request, ProviderIdentity identity) {
        request.getSession().setAttribute(ATTRIBUTE, identity);
    }

    static Optional<ProviderIdentity> find() {
        return session().map(s -> s.getAttribute(ATTRIBUTE)).filter(ProviderIdentity.class::isInstance)
                .map(ProviderIdentity.class::cast);
    }

    static void clear() {
        session().ifPresent(s -> s.removeAttribute(ATTRIBUTE));
    }

    private static Optional<WrappedSession> session() {
        return Optional.ofNullable(VaadinSession.getCurrent()).map(VaadinSession::getSession);
    }
}
