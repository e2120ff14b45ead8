package dk.ligevaerd.statement.live;

import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.shared.NotFoundOrNoAccessException;
import dk.ligevaerd.statement.CollabService;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.socket.server.support.HttpSessionHandshakeInterceptor;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Registers {@code /collab/{workspaceId}} beside Vaadin's own push connection. The handshake is
 * authenticated by the login session (Spring Security lets only logged-in requests reach it), must
 * come from a page of this site (Spring's default same-origin check refuses any other
 * {@code Origin}) and is refused with 403 for anyone who is not a member of the workspace.
 */
@Configuration
@EnableWebSocket
class LiveSocketConfig implements WebSocketConfigurer {

    static final String PATH = "/collab/";

    private final LiveSocketHandler handler;
    private final CollabService collab;

    LiveSocketConfig(LiveSocketHandler handler, CollabService collab) {
        this.handler = handler;
        this.collab = collab;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        // No setAllowedOrigins: the default allows the page's own origin only.
        registry.addHandler(handler, PATH + "*")
                .addInterceptors(new HttpSessionHandshakeInterceptor(List.of()), new MembershipCheck(collab));
    }

    /** Only members of the workspace get a connection at all. */
    static final class MembershipCheck implements HandshakeInterceptor {

        private static final Logger log = LoggerFactory.getLogger(MembershipCheck.class);

        private final CollabService collab;

        MembershipCheck(CollabService collab) {
            this.collab = collab;
        }

        @Override
        public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response,
                WebSocketHandler wsHandler, Map<String, Object> attributes) {
            Long workspaceId = workspaceId(request.getURI().getPath());
            if (workspaceId == null) {
                response.setStatusCode(HttpStatus.NOT_FOUND);
                return false;
            }
            if (!(request.getPrincipal() instanceof Authentication user)) {
                response.setStatusCode(HttpStatus.UNAUTHORIZED);
                return false;
            }
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(user);
            SecurityContextHolder.setContext(context);
            try {
                collab.member(workspaceId);
            } catch (NotFoundOrNoAccessException e) {
                log.warn("Refused a live connection of {} to workspace {}: not a member", user.getName(), workspaceId);
                response.setStatusCode(HttpStatus.FORBIDDEN);
                return false;
            } finally {
                SecurityContextHolder.clearContext();
            }
            attributes.put(LiveSocketHandler.WORKSPACE_ATTRIBUTE, workspaceId);
            attributes.put(LiveSocketHandler.USER_ATTRIBUTE, user);
            attributes.put(LiveSocketHandler.LOCALE_ATTRIBUTE, locale(request));
            return true;
        }

        @Override
        public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler wsHandler,
                @Nullable Exception exception) {
        }

        static @Nullable Long workspaceId(String path) {
            int at = path.lastIndexOf(PATH);
            if (at < 0) {
                return null;
            }
            String id = path.substring(at + PATH.length());
            if (id.isEmpty() || id.length() > 18 || !id.chars().allMatch(Character::isDigit)) {
                return null;
            }
            return Long.parseLong(id);
        }

        /** The page's language ({@code ?lang=}), else the browser's. */
        private static Locale locale(ServerHttpRequest request) {
            String lang = UriComponentsBuilder.fromUri(request.getURI()).build().getQueryParams().getFirst("lang");
            if (lang != null) {
                return Messages.supported(Locale.forLanguageTag(lang));
            }
            List<Locale.LanguageRange> ranges = request.getHeaders().getAcceptLanguageAsLocales().stream()
                    .map(l -> new Locale.LanguageRange(l.toLanguageTag())).toList();
            Locale best = Locale.lookup(ranges, Messages.SUPPORTED);
            return best == null ? Messages.DANISH : best;
        }
    }
}
