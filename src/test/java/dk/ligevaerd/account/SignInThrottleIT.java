package dk.ligevaerd.account;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The login form's throttle through real HTTP: held back after five failures, but not the owner's browser. */
@RunningDemoApp
class SignInThrottleIT {

    private static final Pattern META_CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final String PASSWORD = "bla-hest-tromme-7";

    @LocalServerPort
    int port;

    @Autowired AccountService accounts;

    /** One browser: its own cookies, so its own session and its own trusted-browser cookie. */
    private final class Browser {
        final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** Logs in as the form does and returns where the server sent the browser. */
        String login(String username, String password) throws IOException, InterruptedException {
            Matcher token = META_CSRF.matcher(get("/login").body());
            assertThat(token.find()).isTrue();
            String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                    + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
            HttpResponse<String> posted = client.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).isEqualTo(302);
            return posted.headers().firstValue("Location").orElseThrow();
        }

        void logout() throws IOException, InterruptedException {
            ((CookieManager) client.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals("JSESSIONID")).toList()
                    .forEach(c -> ((CookieManager) client.cookieHandler().orElseThrow()).getCookieStore()
                            .remove(null, c));
        }
    }

    @Test
    void five_wrong_passwords_hold_the_account_back_but_its_owner_s_browser_still_gets_in() throws Exception {
        String username = accounts.register("held", "Held Back", PASSWORD).username();
        Browser owner = new Browser();
        assertThat(owner.login(username, PASSWORD)).doesNotContain("/login");
        owner.logout();

        Browser attacker = new Browser();
        for (int i = 0; i < SignInThrottle.FREE_ACCOUNT_FAILURES; i++) {
            assertThat(attacker.login(username, "wrong-" + i)).contains("/login?error");
        }

        assertThat(attacker.login(username, PASSWORD)).as("even the right password waits").contains("/login?locked=1");
        assertThat(new Browser().login(username, PASSWORD)).as("a browser it has never seen").contains("/login?locked");
        assertThat(attacker.get("/login?locked=1").statusCode()).isEqualTo(200);
        assertThat(owner.login(username, PASSWORD)).as("the owner's trusted browser").doesNotContain("/login");
        assertThat(owner.get("/").statusCode()).isEqualTo(200);
    }
}
