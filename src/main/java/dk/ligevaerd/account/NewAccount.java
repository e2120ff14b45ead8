package dk.ligevaerd.account;

import com.vaadin.flow.server.VaadinSession;
import java.util.Optional;

/**
 * The username a person was just given at registration ("anna.4821"), kept until the first page
 * after the automatic sign-in has told them, since it is what they log in with next time. Kept in
 * the HTTP session, which survives the session-id change at login.
 */
public final class NewAccount {

    private static final String ATTRIBUTE = "ligevaerd.newAccount";

    private NewAccount() {
    }

    public static void remember(String username) {
        Optional.ofNullable(VaadinSession.getCurrent()).map(VaadinSession::getSession)
                .ifPresent(s -> s.setAttribute(ATTRIBUTE, username));
    }

    /** The username given at registration in this browser, once. */
    public static Optional<String> take() {
        return Optional.ofNullable(VaadinSession.getCurrent()).map(VaadinSession::getSession).map(s -> {
            Object given = s.getAttribute(ATTRIBUTE);
            s.removeAttribute(ATTRIBUTE);
            return given instanceof String g ? g : null;
        });
    }
}
