package dk.ligevaerd.account;

import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The username of a login that did not get through (a wrong password, a held-back attempt), so
 * the login page can offer it again instead of an empty field. Kept in the HTTP session rather
 * than the address, where it would end up in the browser's history and in logs.
 */
public final class TriedUsername {

    private static final String ATTRIBUTE = "ligevaerd.triedUsername";
    /** Longer than any username; what is longer was not one, and is not worth keeping. */
    private static final int MAX_LENGTH = 100;

    private TriedUsername() {
    }

    static void remember(HttpServletRequest request, @Nullable String username) {
        if (username == null || username.isBlank() || username.length() > MAX_LENGTH) {
            return;
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.setAttribute(ATTRIBUTE, username.strip());
        }
    }

    /** The username last tried in this browser, once. */
    public static Optional<String> take() {
        return Optional.ofNullable(VaadinSession.getCurrent()).map(VaadinSession::getSession).map(s -> {
            Object tried = s.getAttribute(ATTRIBUTE);
            s.removeAttribute(ATTRIBUTE);
            return tried instanceof String t ? t : null;
        });
    }
}
