package dk.ligevaerd.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The response headers every response carries, HTML pages and the static files that Spring
 * Security's own header writer never sees (Vaadin lets those past the security filter chain).
 * Registered as a servlet filter in front of everything, see {@link SecurityConfig}.
 */
final class SecurityHeaders extends OncePerRequestFilter {

    /**
     * The tightest policy Vaadin Flow runs under (checked in a real browser by
     * ContentSecurityPolicyIT): Flow's client runs the server's JavaScript through
     * {@code new Function} and the bootstrap page has inline script and styles, so scripts need
     * 'unsafe-inline' and 'unsafe-eval' and styles 'unsafe-inline'. Everything else stays on this
     * origin: no plugins, no foreign frames, forms post only here, and no page may frame ours.
     */
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "worker-src 'self' blob:",
            "manifest-src 'self'",
            "media-src 'self'",
            "object-src 'none'",
            "frame-src 'self'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        // Invitation links carry their token in the address: never pass it on to another site.
        response.setHeader("Referrer-Policy", "no-referrer");
        if (!isVersionedStaticFile(request)) {
            // Pages and data show one person's workspaces: no copy in any cache, shared or not.
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }

    /** Vaadin's bundles carry a content hash in their names, so caching them is safe and fast. */
    private static boolean isVersionedStaticFile(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/VAADIN/build/") || path.startsWith("/VAADIN/static/");
    }

    /** Errors rendered by the container pass through this filter again and must carry the headers too. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
