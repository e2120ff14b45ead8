package dk.ligevaerd.account;

import static dk.ligevaerd.testing.DemoUsers.KOMMUNE2;
import static dk.ligevaerd.testing.DemoUsers.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dk.ligevaerd.testing.RunningDemoApp;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The web layer seen from outside, as an attacker's script sees it: the headers of every kind of
 * response, the session cookie, and the login form's CSRF protection.
 */
@RunningDemoApp
class WebLayerIT {

    private static final Pattern META_CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern SCRIPT = Pattern.compile("<script[^>]+src=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postLogin(String username, String password, String csrf)
            throws IOException, InterruptedException {
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + (csrf == null ? "" : "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
        return client.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertSecurityHeaders(HttpResponse<?> response, String what) {
        var h = response.headers();
        assertThat(h.firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
        assertThat(h.firstValue("Referrer-Policy")).as(what).hasValue("no-referrer");
        assertThat(h.firstValue("X-Frame-Options")).as(what).hasValue("DENY");
        assertThat(h.firstValue("Content-Security-Policy")).as(what).hasValueSatisfying(csp -> assertThat(csp)
                .contains("frame-ancestors 'none'").contains("object-src 'none'").contains("default-src 'self'")
                .contains("base-uri 'self'").contains("form-action 'self'"));
    }

    @Test
    void html_pages_carry_the_security_headers_and_are_never_cached() throws Exception {
        for (String path : List.of("/login", "/register", "/invite/no-such-token")) {
            HttpResponse<String> page = get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(t -> assertThat(t)
                    .startsWith("text/html"));
            assertSecurityHeaders(page, path);
            assertThat(page.headers().allValues("Cache-Control")).as(path).anyMatch(v -> v.contains("no-store"));
        }
    }

    @Test
    void scripts_redirects_and_missing_files_carry_the_security_headers_too() throws Exception {
        HttpResponse<String> login = get("/login");
        Matcher script = SCRIPT.matcher(login.body());
        assertThat(script.find()).as("the login page loads a script").isTrue();
        String src = "/" + script.group(1).replaceFirst("^\\./", "").replaceFirst("^/", "");
        HttpResponse<String> js = get(src);
        assertThat(js.statusCode()).as(src).isEqualTo(200);
        assertSecurityHeaders(js, src);

        HttpResponse<String> redirect = get("/workspace/1");
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertSecurityHeaders(redirect, "the redirect to the login page");

        assertSecurityHeaders(get("/VAADIN/no-such-file.js"), "a missing file");
    }

    @Test
    void the_session_cookie_is_same_site_lax_and_http_only() throws Exception {
        HttpResponse<String> login = get("/login");
        List<String> cookies = login.headers().allValues("Set-Cookie");
        assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=").containsIgnoringCase(
                "SameSite=Lax").containsIgnoringCase("HttpOnly"));
    }

    @Test
    void a_login_post_without_the_csrf_token_is_refused_and_logs_nobody_in() throws Exception {
        get("/login");
        HttpResponse<String> forged = postLogin(KOMMUNE2, PASSWORD, null);

        // Vaadin's access-denied handler answers a CSRF refusal by sending the browser back to the
        // login page; what matters is that nobody is logged in.
        assertThat(forged.statusCode()).as(forged.headers().map().toString()).isIn(302, 403);
        forged.headers().firstValue("Location").ifPresent(l -> assertThat(l).endsWith("/login"));
        HttpResponse<String> home = get("/");
        assertThat(home.statusCode()).as("still not logged in").isEqualTo(302);
        assertThat(home.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void a_login_post_with_the_page_s_csrf_token_logs_in() throws Exception {
        HttpResponse<String> login = get("/login");
        Matcher token = META_CSRF.matcher(login.body());
        assertThat(token.find()).as("the login page holds the CSRF token for the form").isTrue();

        HttpResponse<String> posted = postLogin(KOMMUNE2, PASSWORD, token.group(1));

        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(posted.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                .doesNotContain("error"));
        assertThat(get("/").statusCode()).as("logged in").isEqualTo(200);
    }

    @Test
    void a_password_longer_than_bcrypt_reads_is_a_failed_login_not_an_error() throws Exception {
        HttpResponse<String> login = get("/login");
        Matcher token = META_CSRF.matcher(login.body());
        assertThat(token.find()).isTrue();

        HttpResponse<String> posted = postLogin("nobody-" + System.nanoTime(), "æ".repeat(100), token.group(1));

        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(posted.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                .contains("/login?error"));
    }
}
