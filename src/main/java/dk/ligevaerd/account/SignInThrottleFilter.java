package dk.ligevaerd.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts {@link SignInThrottle} in front of the login form's POST: a held-back attempt never reaches
 * the password check, and the outcome of every other attempt is counted. Runs inside Spring
 * Security's chain just before the login filter, after the CSRF check.
 */
final class SignInThrottleFilter extends OncePerRequestFilter {

    static final String TRUSTED_BROWSER_COOKIE = "ligevaerd-browser";
    private static final Logger log = LoggerFactory.getLogger(SignInThrottleFilter.class);

    private final SignInThrottle throttle;
    /** The strategy the login filter writes to (Vaadin installs its own), not whatever is global. */
    private final SecurityContextHolderStrategy securityContexts;

    SignInThrottleFilter(SignInThrottle throttle, SecurityContextHolderStrategy securityContexts) {
        this.throttle = throttle;
        this.securityContexts = securityContexts;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"POST".equals(request.getMethod()) || !"/login".equals(path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String username = request.getParameter("username");
        String address = request.getRemoteAddr();
        String browser = trustedBrowserToken(request);
        Optional<Duration> wait = throttle.loginWait(username, address, browser);
        if (wait.isPresent()) {
            log.warn("Login attempt for {} from {} refused: held back for another {} s", username, address,
                    wait.get().toSeconds());
            TriedUsername.remember(request, username);
            response.sendRedirect(request.getContextPath() + "/login?locked=" + SignInThrottle.minutes(wait.get()));
            return;
        }
        Outcome outcome = new Outcome(request, response, username, address, browser);
        chain.doFilter(request, outcome);
        outcome.record();
    }

    private static @Nullable String trustedBrowserToken(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? null : Arrays.stream(cookies)
                .filter(c -> TRUSTED_BROWSER_COOKIE.equals(c.getName())).map(Cookie::getValue).findFirst()
                .orElse(null);
    }

    /**
     * Learns the attempt's outcome when the login filter answers (both success and failure end in
     * a redirect), while the response can still take the trusted-browser cookie.
     */
    private final class Outcome extends HttpServletResponseWrapper {

        private final HttpServletRequest request;
        private final @Nullable String username;
        private final String address;
        private final @Nullable String browser;
        private boolean recorded;

        Outcome(HttpServletRequest request, HttpServletResponse response, @Nullable String username, String address,
                @Nullable String browser) {
            super(response);
            this.request = request;
            this.username = username;
            this.address = address;
            this.browser = browser;
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            record();
            super.sendRedirect(location);
        }

        @Override
        public void sendError(int sc) throws IOException {
            record();
            super.sendError(sc);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            record();
            super.sendError(sc, msg);
        }

        void record() {
            if (recorded) {
                return;
            }
            recorded = true;
            Authentication authentication = securityContexts.getContext().getAuthentication();
            if (authentication != null && authentication.isAuthenticated()
                    && !(authentication instanceof AnonymousAuthenticationToken)) {
                String token = throttle.loginSucceeded(authentication.getName(), browser);
                if (!isCommitted()) {
                    Cookie cookie = new Cookie(TRUSTED_BROWSER_COOKIE, token);
                    cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
                    cookie.setMaxAge((int) SignInThrottle.TRUSTED_BROWSER_LIFETIME.toSeconds());
                    cookie.setHttpOnly(true);
                    cookie.setSecure(request.isSecure());
                    cookie.setAttribute("SameSite", "Strict");
                    addCookie(cookie);
                }
            } else {
                throttle.loginFailed(username, address, browser);
                TriedUsername.remember(request, username);
            }
        }
    }
}
