package dk.ligevaerd.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.WaitForSelectorState;
import com.microsoft.playwright.impl.driver.Driver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One headless Chromium per test class, a fresh browser context (its own cookies and storage, so
 * its own login) per simulated person, screenshots of every open page when a test fails.
 *
 * <p>Register it as {@code @RegisterExtension static final BrowserSupport browser = new
 * BrowserSupport();}. Where no Chromium can be had, the test class is skipped with a loud reason on
 * standard error, unless {@value #REQUIRE_BROWSER}{@code =true} (as CI sets it): then it fails.
 */
public final class BrowserSupport implements ExecutionCondition, AfterTestExecutionCallback, AfterEachCallback,
        AfterAllCallback {

    public static final String REQUIRE_BROWSER = "LIGEVAERD_REQUIRE_BROWSER";

    /** How long an assertion waits for the page to get there: push and login redirects included. */
    public static final Duration TIMEOUT = Duration.ofSeconds(15);

    /** Checked on these machines (see shared/STACK.md); Playwright adds headless and its own profile dir. */
    static final List<String> CHROMIUM_FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** Playwright otherwise downloads every browser it knows at each start; we ask for Chromium alone. */
    private static final Map<String, String> NO_AUTOMATIC_DOWNLOAD = Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");

    private Playwright playwright;
    private Browser browser;
    private String unavailableReason;
    private final List<BrowserContext> contexts = new ArrayList<>();

    /**
     * Starts the browser before anything else of the test class runs (the application context
     * included), and disables the class with the reason when there is none to be had.
     */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext junit) {
        if (junit.getTestMethod().isPresent()) {
            return browser != null ? ConditionEvaluationResult.enabled("Chromium is running")
                    : ConditionEvaluationResult.disabled(unavailableReason);
        }
        if (browser == null && unavailableReason == null) {
            start();
        }
        return browser != null ? ConditionEvaluationResult.enabled("Chromium is running")
                : ConditionEvaluationResult.disabled("BROWSER TESTS SKIPPED: " + unavailableReason);
    }

    private void start() {
        ChromiumChoice choice = ChromiumChoice.fromEnvironment();
        if (choice instanceof ChromiumChoice.Misconfigured(String reason)) {
            unavailable(reason);
            return;
        }
        try {
            playwright = Playwright.create(new Playwright.CreateOptions().setEnv(NO_AUTOMATIC_DOWNLOAD));
            browser = launch(choice);
            PlaywrightAssertions.setDefaultAssertionTimeout(TIMEOUT.toMillis());
        } catch (RuntimeException e) {
            close();
            unavailable("Chromium could not be started (" + describe(choice) + "): " + firstLine(e.getMessage()));
        }
    }

    /** A new, empty browser profile that is not tied to the application. */
    public BrowserContext newContext() {
        BrowserContext context = browser.newContext();
        context.setDefaultTimeout(TIMEOUT.toMillis());
        contexts.add(context);
        return context;
    }

    /**
     * A new, empty browser profile: one person. Relative URLs resolve against {@code baseUrl}. The
     * browser asks for Danish, the product's first language.
     */
    public BrowserContext newContext(String baseUrl) {
        return newContext(baseUrl, "da-DK");
    }

    /** A new person whose browser asks for the given language (an Accept-Language tag). */
    public BrowserContext newContext(String baseUrl, String locale) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL(baseUrl)
                .setLocale(locale)
                .setViewportSize(1280, 900));
        context.setDefaultTimeout(TIMEOUT.toMillis());
        context.setDefaultNavigationTimeout(TIMEOUT.toMillis());
        contexts.add(context);
        return context;
    }

    /**
     * A new person, already logged in without drawing the login page: the login form's POST with
     * the page's CSRF token, as the browser sends it. For tests whose subject is not the login.
     */
    public BrowserContext loggedIn(String baseUrl, String locale, String username, String password) {
        BrowserContext context = newContext(baseUrl, locale);
        String loginPage = context.request().get(baseUrl + "/login").text();
        var csrf = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(loginPage);
        org.assertj.core.api.Assertions.assertThat(csrf.find()).as("the login page carries a CSRF token").isTrue();
        var login = context.request().post(baseUrl + "/login", com.microsoft.playwright.options.RequestOptions.create()
                .setForm(com.microsoft.playwright.options.FormData.create().set("username", username)
                        .set("password", password).set("_csrf", csrf.group(1)))
                .setMaxRedirects(0));
        org.assertj.core.api.Assertions.assertThat(login.status()).isEqualTo(302);
        org.assertj.core.api.Assertions.assertThat(login.headers().get("location")).doesNotContain("error");
        return context;
    }

    /** Writes what the page's browser complains of into the test's output, where a failure is read. */
    public static void echo(Page page, String who) {
        page.onConsoleMessage(m -> System.out.println("[" + who + " console] " + m.text()));
        page.onPageError(e -> System.out.println("[" + who + " page error] " + e));
        page.onResponse(r -> {
            if (r.status() >= 400) {
                System.out.println("[" + who + " http " + r.status() + "] " + r.url());
            }
        });
    }

    /**
     * Logs in through the login page as a person would and waits until the browser has left it
     * (a wrong password lands on {@code /login?error} and fails the wait).
     *
     * @return the page, now showing wherever the login led (the workspace list, or a pending invitation)
     */
    public static Page login(BrowserContext context, String username, String password) {
        Page page = context.pages().isEmpty() ? context.newPage() : context.pages().getFirst();
        page.navigate("/login");
        return loginOn(page, username, password);
    }

    /** Fills in the login form already shown on {@code page}. */
    public static Page loginOn(Page page, String username, String password) {
        page.locator("vaadin-login-form input[name='username']").fill(username);
        page.locator("vaadin-login-form input[name='password']").fill(password);
        page.locator("vaadin-login-form vaadin-button[slot='submit']").click();
        assertThat(page).not().hasURL(Pattern.compile(".*/login.*"));
        return page;
    }

    /**
     * Opens the Vaadin select with the given id and picks the item whose text contains
     * {@code text}. Opens it again when the list did not show, since a redraw of the page
     * (or the fading list of another select) can swallow one click.
     */
    public static void choose(Page page, String selectId, String text) {
        Locator item = page.locator("#" + selectId + " vaadin-select-item").getByText(text);
        for (int attempt = 1; ; attempt++) {
            page.locator("#" + selectId).click();
            try {
                item.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE).setTimeout(8_000));
                item.click();
                return;
            } catch (PlaywrightException e) {
                if (attempt == 3) {
                    throw e;
                }
                page.keyboard().press("Escape");
            }
        }
    }

    @Override
    public void afterTestExecution(ExtensionContext junit) {
        if (junit.getExecutionException().isEmpty()) {
            return;
        }
        String method = junit.getRequiredTestMethod().getName();
        String display = junit.getDisplayName().replaceAll("[^A-Za-z0-9_-]", "");
        String name = junit.getRequiredTestClass().getSimpleName() + "." + method
                + (display.equals(method) ? "" : "[" + display + "]");
        for (int c = 0; c < contexts.size(); c++) {
            List<Page> pages = contexts.get(c).pages();
            for (int p = 0; p < pages.size(); p++) {
                Path file = SCREENSHOTS.resolve(name + "-person" + (c + 1) + "-page" + (p + 1) + ".png");
                try {
                    pages.get(p).screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
                    System.err.println("Screenshot of the failed test " + name + " (" + pages.get(p).url() + "): "
                            + file.toAbsolutePath());
                } catch (PlaywrightException e) {
                    System.err.println("No screenshot of " + name + ": " + firstLine(e.getMessage()));
                }
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext junit) {
        for (BrowserContext context : contexts) {
            try {
                context.close();
            } catch (PlaywrightException alreadyGone) {
                // The browser died with the test; the test has failed already and says why.
            }
        }
        contexts.clear();
    }

    @Override
    public void afterAll(ExtensionContext junit) {
        close();
    }

    private void close() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
        if (playwright != null) {
            playwright.close();
            playwright = null;
        }
    }

    private Browser launch(ChromiumChoice choice) {
        BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true).setArgs(CHROMIUM_FLAGS);
        return switch (choice) {
            case ChromiumChoice.Executable(Path path, String source) -> {
                System.err.println("Browser tests use Chromium at " + path + " (" + source + ")");
                yield playwright.chromium().launch(options.setExecutablePath(path));
            }
            case ChromiumChoice.PlaywrightManaged() -> launchManaged(options);
            case ChromiumChoice.Misconfigured(String reason) -> throw new IllegalStateException(reason);
        };
    }

    private Browser launchManaged(BrowserType.LaunchOptions options) {
        try {
            return playwright.chromium().launch(options);
        } catch (PlaywrightException notDownloadedYet) {
            System.err.println("No Chromium at " + ChromiumChoice.DEBIAN_CHROMIUM + " and none set in "
                    + ChromiumChoice.CHROMIUM + ": downloading Playwright's own Chromium");
            installManagedChromium();
            return playwright.chromium().launch(options);
        }
    }

    /** What {@code playwright install chromium} does, through the driver that Playwright already unpacked. */
    private static void installManagedChromium() {
        try {
            ProcessBuilder install = Driver.ensureDriverInstalled(Map.of(), false).createProcessBuilder();
            install.command().addAll(List.of("install", "chromium"));
            install.environment().remove("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD");
            install.inheritIO();
            Process process = install.start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("downloading Playwright's Chromium took more than 5 minutes");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("downloading Playwright's Chromium failed (exit code "
                        + process.exitValue() + ")");
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run Playwright's installer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while downloading Playwright's Chromium", e);
        }
    }

    private void unavailable(String reason) {
        String help = "Install Debian's Chromium (apt-get install -y chromium) or set " + ChromiumChoice.CHROMIUM
                + " to a Chromium binary.";
        if (Boolean.parseBoolean(System.getenv(REQUIRE_BROWSER))
                || Boolean.parseBoolean(System.getProperty(REQUIRE_BROWSER))) {
            throw new IllegalStateException("Browser tests need a browser (" + REQUIRE_BROWSER + "=true), but "
                    + reason + ". " + help);
        }
        unavailableReason = "no usable Chromium: " + reason + ". " + help + " Set " + REQUIRE_BROWSER
                + "=true to make this a failure.";
        System.err.println();
        System.err.println("!!! BROWSER TESTS SKIPPED: " + unavailableReason);
        System.err.println();
    }

    private static String describe(ChromiumChoice choice) {
        return switch (choice) {
            case ChromiumChoice.Executable(Path path, String source) -> path + " from " + source;
            case ChromiumChoice.PlaywrightManaged() -> "Playwright's own Chromium";
            case ChromiumChoice.Misconfigured(String reason) -> reason;
        };
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
