package dk.ligevaerd.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChromiumChoiceTest {

    private static final Path OWN = Path.of("/opt/chromium/chrome");

    @Test
    void a_configured_system_property_comes_first() {
        ChromiumChoice choice = ChromiumChoice.choose(Map.of(ChromiumChoice.CHROMIUM, OWN.toString())::get,
                Map.of(ChromiumChoice.CHROMIUM, "/elsewhere")::get, Set.of(OWN, ChromiumChoice.DEBIAN_CHROMIUM)::contains);

        assertThat(choice).isEqualTo(new ChromiumChoice.Executable(OWN, "system property LIGEVAERD_CHROMIUM"));
    }

    @Test
    void the_environment_variable_is_used_when_no_system_property_is_set() {
        ChromiumChoice choice = ChromiumChoice.choose(Map.<String, String>of()::get,
                Map.of(ChromiumChoice.CHROMIUM, OWN.toString())::get, Set.of(OWN, ChromiumChoice.DEBIAN_CHROMIUM)::contains);

        assertThat(choice).isEqualTo(new ChromiumChoice.Executable(OWN, "environment variable LIGEVAERD_CHROMIUM"));
    }

    @Test
    void a_configured_path_that_is_not_there_is_reported_rather_than_replaced() {
        ChromiumChoice choice = ChromiumChoice.choose(Map.<String, String>of()::get,
                Map.of(ChromiumChoice.CHROMIUM, "/nowhere/chrome")::get, Set.of(ChromiumChoice.DEBIAN_CHROMIUM)::contains);

        assertThat(choice).isInstanceOf(ChromiumChoice.Misconfigured.class);
        assertThat(((ChromiumChoice.Misconfigured) choice).reason()).contains("/nowhere/chrome");
    }

    @Test
    void debians_chromium_is_used_when_nothing_is_configured() {
        ChromiumChoice choice = ChromiumChoice.choose(Map.<String, String>of()::get, Map.<String, String>of()::get,
                Set.of(ChromiumChoice.DEBIAN_CHROMIUM)::contains);

        assertThat(choice).isEqualTo(new ChromiumChoice.Executable(ChromiumChoice.DEBIAN_CHROMIUM, "default location"));
    }

    @Test
    void playwrights_own_chromium_is_the_last_resort() {
        ChromiumChoice choice = ChromiumChoice.choose(Map.<String, String>of()::get, Map.<String, String>of()::get,
                Set.<Path>of()::contains);

        assertThat(choice).isEqualTo(new ChromiumChoice.PlaywrightManaged());
    }
}
