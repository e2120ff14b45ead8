package dk.ligevaerd.account;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import dk.ligevaerd.account.ui.LoginView;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

@Configuration
@EnableWebSecurity
class SecurityConfig {

    /** Where a workspace page's page-hide beacon goes; see {@code workspace.ui.PageHideBeacon}. */
    static final String PRESENCE_BEACON = "/presence/hidden";
    private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);

    /**
     * One-click unsubscribe (RFC 8058) from a notification mail; see {@code notify.UnsubscribeEndpoint}.
     * Mail programs POST here without a session or CSRF token: the random token in the path is the
     * only credential, and the endpoint checks it.
     */
    static final String UNSUBSCRIBE = "/unsubscribe/*";

    /** Cost 10 in production; tests lower it through the property to keep fixtures fast. */
    @Bean
    PasswordEncoder passwordEncoder(@Value("${ligevaerd.security.bcrypt-strength:10}") int strength) {
        return new BCryptPasswordEncoder(strength);
    }

    /**
     * The management port (health and metrics, docs/operations.md) is open to whoever can reach
     * it, which is this machine unless {@code MANAGEMENT_ADDRESS} says otherwise: probes and
     * Prometheus have no user session. It applies only to requests that arrive on that port while
     * it differs from the users' port; everything else goes to the users' chain below, where no
     * {@code /actuator} exists.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain managementPort(HttpSecurity http, Environment environment) throws Exception {
        http.securityMatcher(request -> onManagementPort(request, environment))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    static boolean onManagementPort(HttpServletRequest request, Environment environment) {
        Integer management = environment.getProperty("local.management.port", Integer.class);
        Integer users = environment.getProperty("local.server.port", Integer.class);
        return management != null && management > 0 && !management.equals(users)
                && request.getLocalPort() == management;
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, RequestUtil vaadinRequests, SignInThrottle throttle,
            ObjectProvider<SecurityContextHolderStrategy> securityContexts,
            ObjectProvider<ClientRegistrationRepository> organisations, OrganisationSignInService signIns)
            throws Exception {
        // Must come before Vaadin's configurer, which ends with anyRequest().denyAll().
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/styles/**", "/images/**", "/favicon.ico").permitAll());
        // The live editor's WebSocket (statement module): logged-in users only; the endpoint itself
        // checks the Origin and the workspace membership.
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/collab/**").authenticated());
        // A workspace page's page-hide beacon (workspace module): logged-in users only. It names the
        // page by a random token only that page knows, which is what keeps other sites out, since a
        // beacon cannot carry the CSRF header (see docs/security.md).
        http.authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.POST, PRESENCE_BEACON)
                .authenticated());
        http.authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.POST, UNSUBSCRIBE).permitAll());
        // An address that is no page of the app: Vaadin shows its own not-found page, inside the
        // app's frame, to anyone. Vaadin's configurer would refuse it with a bare 403 (logged in) or
        // send the visitor to the login page (anonymous). Known pages keep their own rules below.
        http.authorizeHttpRequests(requests -> requests.requestMatchers(request -> unknownPage(request, vaadinRequests))
                .permitAll());
        // Vaadin's own CSRF setting also exempts the login form's POST, so a foreign page could log a
        // victim in as the attacker (login CSRF). We keep only its exemption for Vaadin's internal
        // requests, which carry Vaadin's own CSRF token; the login form sends Spring's token, which
        // the page holds in its _csrf meta tags.
        http.csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest)
                .ignoringRequestMatchers(PathPatternRequestMatcher.pathPattern(HttpMethod.POST, PRESENCE_BEACON))
                .ignoringRequestMatchers(PathPatternRequestMatcher.pathPattern(HttpMethod.POST, UNSUBSCRIBE)));
        // Failed logins are counted and held back before the password is even checked.
        http.addFilterBefore(new SignInThrottleFilter(throttle,
                securityContexts.getIfAvailable(SecurityContextHolder::getContextHolderStrategy)),
                UsernamePasswordAuthenticationFilter.class);
        // Sign-in with an organisation's account, when at least one provider is configured
        // (docs/sign-in.md). The same login page offers it; the person becomes our own principal.
        if (organisations.getIfAvailable() != null) {
            http.oauth2Login(login -> login.loginPage("/login")
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(new OrganisationUserService(signIns)))
                    // The provider's tokens live and die with the session, not in a map that only grows.
                    .authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
                    .failureHandler(SecurityConfig::organisationSignInFailed));
        }
        // Spring Security's default session-fixation protection gives every login a new session id.
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)
                .enableCsrfConfiguration(false));
        return http.build();
    }

    /**
     * A provider vouched for someone without an account here: on to the name page, with the identity
     * kept in the session. Anything else (the person cancelled, the provider refused, a token did not
     * check out) goes back to the login page, which says so.
     */
    private static void organisationSignInFailed(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        if (exception instanceof UnlinkedIdentityException unlinked) {
            PendingSignIn.remember(request, unlinked.identity());
            response.sendRedirect(request.getContextPath() + "/" + OrganisationSignInService.NAME_PAGE);
            return;
        }
        log.warn("Sign-in with an organisation's account failed: {}", exception.getMessage());
        response.sendRedirect(request.getContextPath() + "/login?provider-error");
    }

    /** A page address that neither Vaadin's routes nor its own requests nor ours answer. */
    private static boolean unknownPage(HttpServletRequest request, RequestUtil vaadinRequests) {
        return HttpMethod.GET.matches(request.getMethod()) && !vaadinRequests.isFrameworkInternalRequest(request)
                && !vaadinRequests.isAnonymousRoute(request) && !vaadinRequests.isSecuredFlowRoute(request)
                && !vaadinRequests.isEndpointRequest(request);
    }

    /** Before everything else, so that every response carries the headers, whoever answers it. */
    @Bean
    FilterRegistrationBean<SecurityHeaders> securityHeaders() {
        FilterRegistrationBean<SecurityHeaders> registration = new FilterRegistrationBean<>(new SecurityHeaders());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
