package dk.ligevaerd.notify;

import dk.ligevaerd.shared.DomainException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * RFC 8058 one-click unsubscribe: a mail program POSTs {@code List-Unsubscribe=One-Click} to the
 * address in the mail's {@code List-Unsubscribe} header, without a session or CSRF token (the
 * security configuration exempts exactly this path). The random token in the address is what
 * authorises it; an unknown token changes nothing and is answered 404.
 *
 * <p>A filter rather than a controller: the same address opened in a browser (GET) must reach the
 * page that asks to confirm ({@code ui.UnsubscribeView}), and a controller mapping the path would
 * answer every other method itself. This filter runs after the security filters and takes POST only.
 */
@Component
class UnsubscribeEndpoint extends OncePerRequestFilter {

    /** The path prefix, relative to the application; the security configuration names it too. */
    static final String PREFIX = "/unsubscribe/";

    private final NotificationService notifications;

    UnsubscribeEndpoint(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !path(request).startsWith(PREFIX);
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = path(request).substring(PREFIX.length());
        int status;
        String body;
        try {
            notifications.unsubscribe(token);
            status = HttpServletResponse.SC_OK;
            body = "unsubscribed\n";
        } catch (DomainException unknown) {
            status = HttpServletResponse.SC_NOT_FOUND;
            body = "unknown link\n";
        }
        response.setStatus(status);
        response.setContentType("text/plain");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(body);
    }
}
