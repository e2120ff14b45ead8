package dk.ligevaerd.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Which Chromium the browser tests drive. In this order: the path in {@value #CHROMIUM}
 * (system property, then environment variable), Debian's {@value #DEBIAN_CHROMIUM}, else the
 * browser Playwright manages itself.
 */
sealed interface ChromiumChoice {

    String CHROMIUM = "LIGEVAERD_CHROMIUM";
    Path DEBIAN_CHROMIUM = Path.of("/usr/bin/chromium");

    /** A Chromium binary on this machine. */
    record Executable(Path path, String source) implements ChromiumChoice {
    }

    /** No binary found: ask Playwright for its own build, downloading it if needed. */
    record PlaywrightManaged() implements ChromiumChoice {
    }

    /** Someone named a browser that is not there; taking another one would hide the mistake. */
    record Misconfigured(String reason) implements ChromiumChoice {
    }

    static ChromiumChoice fromEnvironment() {
        return choose(System::getProperty, System::getenv, ChromiumChoice::isExecutableFile);
    }

    static ChromiumChoice choose(Function<String, String> systemProperties, Function<String, String> environment,
            Predicate<Path> isExecutable) {
        String configured = systemProperties.apply(CHROMIUM);
        String source = "system property " + CHROMIUM;
        if (configured == null || configured.isBlank()) {
            configured = environment.apply(CHROMIUM);
            source = "environment variable " + CHROMIUM;
        }
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured.strip());
            return isExecutable.test(path) ? new Executable(path, source)
                    : new Misconfigured(source + " is '" + configured + "', which is not an executable file");
        }
        if (isExecutable.test(DEBIAN_CHROMIUM)) {
            return new Executable(DEBIAN_CHROMIUM, "default location");
        }
        return new PlaywrightManaged();
    }

    private static boolean isExecutableFile(Path path) {
        return Files.isRegularFile(path) && Files.isExecutable(path);
    }
}
