package dk.ligevaerd.account;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The login sessions on this node, so that an erased account's sessions can be ended at once. The
 * session that asked for the erasure is left to the page, which logs out itself and leaves; ending
 * it under the page would cut the page off before it can say goodbye. (A bean that is an
 * {@link HttpSessionListener} is registered with the servlet container by Spring Boot.)
 */
@Component
class AccountSessions implements HttpSessionListener {

    private static final Logger log = LoggerFactory.getLogger(AccountSessions.class);
    private final Map<String, HttpSession> sessions = new ConcurrentHashMap<>();

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        sessions.put(event.getSession().getId(), event.getSession());
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        sessions.remove(event.getSession().getId());
    }

    @TransactionalEventListener
    void erased(AccountErased event) {
        String current = currentSessionId();
        int ended = 0;
        for (HttpSession session : sessions.values()) {
            if (session.getId().equals(current) || !belongsTo(session, event.userId())) {
                continue;
            }
            try {
                session.invalidate();
                ended++;
            } catch (IllegalStateException endedMeanwhile) {
                // It ended by itself in the meantime; nothing left to do.
            }
        }
        log.info("Account {} erased; {} other login session(s) on this node ended", event.userId(), ended);
    }

    private static boolean belongsTo(HttpSession session, long userId) {
        try {
            return session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
                    instanceof SecurityContext context && context.getAuthentication() != null
                    && context.getAuthentication().getPrincipal() instanceof LigevaerdUser user
                    && user.id() == userId;
        } catch (IllegalStateException alreadyEnded) {
            return false;
        }
    }

    private static String currentSessionId() {
        com.vaadin.flow.server.VaadinSession vaadin = com.vaadin.flow.server.VaadinSession.getCurrent();
        if (vaadin != null && vaadin.getSession() != null) {
            return vaadin.getSession().getId();
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            HttpSession session = request.getRequest().getSession(false);
            if (session != null) {
                return session.getId();
            }
        }
        return "";
    }
}
