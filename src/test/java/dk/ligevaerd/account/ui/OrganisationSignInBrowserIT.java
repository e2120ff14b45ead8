package dk.ligevaerd.account.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dk.ligevaerd.support.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.account.OidcTestProvider;
import dk.ligevaerd.account.OidcTestProvider.Person;
import dk.ligevaerd.account.UserSummary;
import dk.ligevaerd.account.domain.UserAccountRepository;
import dk.ligevaerd.browser.BrowserSupport;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.testing.SecurityStrategyOfThisContext;
import dk.ligevaerd.workspace.InvitationService;
import dk.ligevaerd.workspace.Role;
import dk.ligevaerd.workspace.WorkspaceFixture;
import dk.ligevaerd.workspace.WorkspaceService;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestExecutionListeners;

/**
 * Signing in with an organisation's account, in a real browser, against a real OpenID Connect
 * provider ({@link OidcTestProvider}) running in the test: the person logs in on the provider's own
 * login page and comes back into the app.
 */
@TestExecutionListeners(listeners = SecurityStrategyOfThisContext.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ligevaerd.demo.enabled=false", "ligevaerd.security.bcrypt-strength=4",
        "vaadin.devmode.devTools.enabled=false",
        "spring.datasource.url=jdbc:h2:file:./target/test-db/oidc-browser-${random.uuid}",
        "spring.security.oauth2.client.registration.testkommune.client-id=" + OidcTestProvider.CLIENT_ID,
        "spring.security.oauth2.client.registration.testkommune.client-secret=" + OidcTestProvider.CLIENT_SECRET,
        "spring.security.oauth2.client.registration.testkommune.client-name=Testkommunen",
        "spring.security.oauth2.client.registration.testkommune.scope=openid,profile,email"})
class OrganisationSignInBrowserIT {

    private static final String PASSWORD = "bla-hest-tromme-7";
    private static final OidcTestProvider provider = OidcTestProvider.start();

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @DynamicPropertySource
    static void theProvider(DynamicPropertyRegistry properties) {
        properties.add("spring.security.oauth2.client.provider.testkommune.issuer-uri", provider::issuer);
    }

    @AfterAll
    static void stopProvider() {
        provider.close();
    }

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired WorkspaceService workspaces;
    @Autowired InvitationService invitations;
    @Autowired UserAccountRepository users;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void tellTheProviderWhereToReturn() {
        provider.allowRedirect(base() + "/login/oauth2/code/testkommune");
    }

    @Test
    void a_new_person_signs_in_at_the_provider_chooses_only_a_name_and_joins_the_workspace_they_were_invited_to() {
        WorkspaceFixture f = new WorkspaceFixture(accounts, workspaces, invitations);
        String link = as(f.owner, () -> invitations.create(f.workspaceId, f.municipalSideId, Role.PARTICIPANT,
                Duration.ofDays(1))).path();
        String who = unique("mette");
        provider.add(new Person(who, "provider-secret-1", "Mette Kommunesen", who + "@kommune.test", true));

        Page page = browser.newContext(base()).newPage();
        page.navigate("/" + link);
        page.locator("#login-to-join").click();
        page.locator("#sign-in-testkommune").click();
        signInAtProvider(page, who, "provider-secret-1");

        // First time here: the only question is the name, offered from the provider's token.
        assertThat(page).hasURL(Pattern.compile(".*/sign-in/name$"));
        assertThat(page.locator("#sign-in-name-intro"))
                .hasText(Messages.get(Messages.DANISH, "signInName.intro", "Testkommunen"));
        assertThat(page.locator("#sign-in-name-display-name input")).hasValue("Mette Kommunesen");
        page.locator("#sign-in-name-display-name input").fill("Mette K. (Testkommunen)");
        page.locator("#sign-in-name-submit").click();

        // Signed in, and back at the invitation she opened before logging in.
        assertThat(page.locator("#join")).isVisible();
        assertThat(page.locator("#current-user")).hasText("Mette K. (Testkommunen)");
        page.locator("#join").click();
        assertThat(page).hasURL(Pattern.compile(".*/workspace/" + f.workspaceId + ".*"));

        Map<String, Object> account = jdbc.queryForMap("""
                select u.id, u.display_name, u.email, u.email_verified_at, i.issuer from organisation_identity i
                join app_user u on u.id = i.user_id where i.subject = ?""", who);
        assertThat(account.get("display_name")).isEqualTo("Mette K. (Testkommunen)");
        assertThat(account.get("email")).isEqualTo(who + "@kommune.test");
        assertThat(account.get("email_verified_at")).isNotNull();
        assertThat(account.get("issuer")).isEqualTo(provider.issuer());
        long userId = ((Number) account.get("id")).longValue();
        assertThat(jdbc.queryForObject("select count(*) from membership where workspace_id = ? and user_id = ?",
                Long.class, f.workspaceId, userId)).isEqualTo(1L);
    }

    @Test
    void the_provider_vouching_for_the_verified_address_of_an_existing_account_signs_in_to_that_account() {
        String who = unique("sara");
        UserSummary existing = accounts.register(who, "Sara Sagsbehandler", PASSWORD);
        verifiedAddress(existing, who + "@kommune.test");
        // The provider writes the address in its own case; addresses are compared in lower case.
        provider.add(new Person(who + "-org", "provider-secret-2", "Sara S.", who.toUpperCase() + "@Kommune.test", true));

        BrowserContext context = browser.newContext(base());
        Page page = context.newPage();
        page.navigate("/login");
        String sessionBefore = appSession(context);
        page.locator("#sign-in-testkommune").click();
        signInAtProvider(page, who + "-org", "provider-secret-2");

        // Straight in as the account she had: no name page, her own name.
        assertThat(page.locator("#workspace-list")).isVisible();
        assertThat(page.locator("#current-user")).hasText("Sara Sagsbehandler");
        // As at every login, the session id changed (session fixation).
        assertThat(appSession(context)).isNotEqualTo(sessionBefore);
        assertThat(jdbc.queryForObject("select user_id from organisation_identity where subject = ?", Long.class,
                who + "-org")).isEqualTo(existing.id());

        // The next time she signs in, the link alone finds the account.
        Page again = browser.newContext(base()).newPage();
        again.navigate("/login");
        again.locator("#sign-in-testkommune").click();
        signInAtProvider(again, who + "-org", "provider-secret-2");
        assertThat(again.locator("#current-user")).hasText("Sara Sagsbehandler");
        assertThat(jdbc.queryForObject("select count(*) from app_user where email = ?", Long.class,
                who + "@kommune.test")).isEqualTo(1L);
    }

    @Test
    void an_address_the_provider_does_not_vouch_for_links_to_no_existing_account() {
        String who = unique("ulla");
        UserSummary existing = accounts.register(who, "Ulla Uden Link", PASSWORD);
        verifiedAddress(existing, who + "@kommune.test");
        provider.add(new Person(who + "-org", "provider-secret-3", "Ulla Udefra", who + "@kommune.test", false));

        Page page = browser.newContext(base()).newPage();
        page.navigate("/login");
        page.locator("#sign-in-testkommune").click();
        signInAtProvider(page, who + "-org", "provider-secret-3");

        assertThat(page).hasURL(Pattern.compile(".*/sign-in/name$"));
        assertThat(page.locator("#sign-in-name-email"))
                .containsText(Messages.get(Messages.DANISH, "signInName.unverified"));
        page.locator("#sign-in-name-submit").click();

        assertThat(page.locator("#workspace-list")).isVisible();
        assertThat(page.locator("#current-user")).hasText("Ulla Udefra");
        long linked = jdbc.queryForObject("select user_id from organisation_identity where subject = ?", Long.class,
                who + "-org");
        assertThat(linked).isNotEqualTo(existing.id());
        // The address stays with the account that proved it; the new account has none.
        assertThat(users.findById(linked).orElseThrow().email()).isNull();
        assertThat(users.findById(existing.id()).orElseThrow().email()).isEqualTo(who + "@kommune.test");
    }

    @Test
    void password_logins_and_their_throttle_work_as_before_beside_the_organisations() {
        String who = unique("lokal");
        UserSummary local = accounts.register(who, "Lone Lokal", PASSWORD);

        Page wrong = browser.newContext(base()).newPage();
        wrong.navigate("/login");
        wrong.locator("vaadin-login-form input[name='username']").fill(local.username());
        wrong.locator("vaadin-login-form input[name='password']").fill("not-the-password");
        wrong.locator("vaadin-login-form vaadin-button[slot='submit']").click();
        assertThat(wrong).hasURL(Pattern.compile(".*/login\\?error$"));
        assertThat(jdbc.queryForObject("select attempts from sign_in_throttle where throttle_key = ?", Integer.class,
                "account:" + local.username())).isEqualTo(1);

        Page right = BrowserSupport.login(browser.newContext(base()), local.username(), PASSWORD);
        assertThat(right.locator("#current-user")).hasText("Lone Lokal");
    }

    @Test
    void the_login_page_offers_each_configured_organisation_in_both_languages() {
        Page danish = browser.newContext(base()).newPage();
        danish.navigate("/login");
        assertThat(danish.locator("#sign-in-testkommune")).hasText("Log ind med Testkommunen");
        assertThat(danish.locator(".organisation-sign-in-link")).hasCount(1);

        Page english = browser.newContext(base(), "en-GB").newPage();
        english.navigate("/login");
        assertThat(english.locator("#sign-in-testkommune")).hasText("Log in with Testkommunen");
    }

    private static void signInAtProvider(Page page, String username, String password) {
        // The provider's own login page, on its own host.
        assertThat(page).hasURL(Pattern.compile("^" + provider.issuer().replace(".", "\\.") + "/login$"));
        page.locator("#username").fill(username);
        page.locator("#password").fill(password);
        page.locator("button[type=submit]").click();
    }

    private String appSession(BrowserContext context) {
        return context.cookies(base()).stream().filter(c -> "JSESSIONID".equals(c.name)).map(c -> c.value)
                .findFirst().orElseThrow();
    }

    private void verifiedAddress(UserSummary user, String address) {
        var account = users.findById(user.id()).orElseThrow();
        account.changeEmail(address, Instant.now());
        users.save(account);
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
