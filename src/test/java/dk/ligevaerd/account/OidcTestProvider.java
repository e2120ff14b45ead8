package dk.ligevaerd.account;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import java.net.InetAddress;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.servlet.context.AnnotationConfigServletWebServerApplicationContext;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * A real OpenID Connect provider for the sign-in tests: Spring Authorization Server in a small
 * Spring context of its own, on a random port of 127.0.0.1 in the test's JVM. People log in on its
 * own login page; their ID tokens carry {@code email}, {@code email_verified} and {@code name}.
 * The app under test runs on "localhost", a different host to the browser, so the two never share
 * a cookie.
 */
public final class OidcTestProvider implements AutoCloseable {

    public static final String CLIENT_ID = "ligevaerd";
    public static final String CLIENT_SECRET = "provider-test-secret";

    /** Someone with an account at the organisation. */
    public record Person(String username, String password, String name, String email, boolean emailVerified) {
    }

    private final AnnotationConfigServletWebServerApplicationContext context;

    private OidcTestProvider(AnnotationConfigServletWebServerApplicationContext context) {
        this.context = context;
    }

    public static OidcTestProvider start() {
        var context = new AnnotationConfigServletWebServerApplicationContext();
        context.register(Provider.class);
        context.refresh();
        return new OidcTestProvider(context);
    }

    /** Where the app finds the provider's discovery document; also the {@code iss} of its tokens. */
    public String issuer() {
        return "http://127.0.0.1:" + context.getWebServer().getPort();
    }

    public void add(Person person) {
        context.getBean(Provider.class).people.put(person.username(), person);
        context.getBean(InMemoryUserDetailsManager.class).createUser(
                User.withUsername(person.username()).password("{noop}" + person.password()).roles("USER").build());
    }

    /** The app's callback address; known only once the app has its port. */
    public void allowRedirect(String uri) {
        context.getBean(Provider.class).clients.redirects.add(uri);
    }

    @Override
    public void close() {
        context.close();
    }

    @TestConfiguration(proxyBeanMethods = false)
    @EnableWebSecurity
    static class Provider {

        final Map<String, Person> people = new ConcurrentHashMap<>();
        final Clients clients = new Clients();

        @Bean
        TomcatServletWebServerFactory webServer() {
            TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
            factory.setAddress(InetAddress.getLoopbackAddress());
            // Every request passes the security filters; Tomcat calls them only on the way to a servlet.
            factory.setRegisterDefaultServlet(true);
            factory.addContextCustomizers(c -> c.setSessionCookieName("PROVIDER_SESSION"));
            return factory;
        }

        @Bean
        DelegatingFilterProxyRegistrationBean securityFilter() {
            return new DelegatingFilterProxyRegistrationBean("springSecurityFilterChain");
        }

        @Bean
        @Order(1)
        SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
            http.oauth2AuthorizationServer(server -> {
                http.securityMatcher(server.getEndpointsMatcher());
                server.registeredClientRepository(clients).oidc(Customizer.withDefaults());
            });
            http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    // The user-info endpoint takes the access token it issued.
                    .oauth2ResourceServer(resources -> resources.jwt(Customizer.withDefaults()))
                    .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                            new LoginUrlAuthenticationEntryPoint("/login"),
                            new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain providerLoginPage(HttpSecurity http) throws Exception {
            http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .formLogin(Customizer.withDefaults());
            return http.build();
        }

        /**
         * The global holder, whoever set it: Vaadin swaps it for its own whenever the app under test
         * starts, and the provider's endpoints read it directly, so its filters must write there too.
         */
        @Bean
        SecurityContextHolderStrategy followTheGlobalHolder() {
            return new SecurityContextHolderStrategy() {
                @Override
                public void clearContext() {
                    SecurityContextHolder.getContextHolderStrategy().clearContext();
                }

                @Override
                public SecurityContext getContext() {
                    return SecurityContextHolder.getContextHolderStrategy().getContext();
                }

                @Override
                public Supplier<SecurityContext> getDeferredContext() {
                    return SecurityContextHolder.getContextHolderStrategy().getDeferredContext();
                }

                @Override
                public void setContext(SecurityContext context) {
                    SecurityContextHolder.getContextHolderStrategy().setContext(context);
                }

                @Override
                public void setDeferredContext(Supplier<SecurityContext> deferredContext) {
                    SecurityContextHolder.getContextHolderStrategy().setDeferredContext(deferredContext);
                }

                @Override
                public SecurityContext createEmptyContext() {
                    return SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
                }
            };
        }

        @Bean
        InMemoryUserDetailsManager users() {
            return new InMemoryUserDetailsManager();
        }

        @Bean
        JWKSource<com.nimbusds.jose.proc.SecurityContext> keys() throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString()).build();
            return new ImmutableJWKSet<>(new JWKSet(key));
        }

        @Bean
        JwtDecoder jwtDecoder(JWKSource<com.nimbusds.jose.proc.SecurityContext> keys) {
            return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
        }

        @Bean
        AuthorizationServerSettings settings() {
            // No issuer set: it follows the address asked for, so http://127.0.0.1:<port>.
            return AuthorizationServerSettings.builder().build();
        }

        /** What a municipality's directory puts in the ID token. */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> personClaims() {
            return token -> {
                if (!OidcParameterNames.ID_TOKEN.equals(token.getTokenType().getValue())) {
                    return;
                }
                Person person = people.get(token.getPrincipal().getName());
                if (person != null) {
                    token.getClaims().claim("email", person.email()).claim("email_verified", person.emailVerified())
                            .claim("name", person.name());
                }
            };
        }
    }

    /** The one client, the app, whose callback addresses are added once the app has its port. */
    static final class Clients implements RegisteredClientRepository {

        private static final String ID = "ligevaerd-client";
        final Set<String> redirects = new CopyOnWriteArraySet<>();

        @Override
        public void save(RegisteredClient registeredClient) {
            // Called to store the secret in a stronger encoding after a check; the test keeps its own.
        }

        @Override
        public @Nullable RegisteredClient findById(String id) {
            return ID.equals(id) ? client() : null;
        }

        @Override
        public @Nullable RegisteredClient findByClientId(String clientId) {
            return CLIENT_ID.equals(clientId) ? client() : null;
        }

        private RegisteredClient client() {
            return RegisteredClient.withId(ID).clientId(CLIENT_ID).clientSecret("{noop}" + CLIENT_SECRET)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    // A client needs one address even before the app has told its own.
                    .redirectUri("http://127.0.0.1/not-yet").redirectUris(uris -> uris.addAll(redirects))
                    .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE).scope(OidcScopes.EMAIL)
                    .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
                    .build();
        }
    }
}
