package dk.ligevaerd.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** When the demo workspace with its published password may be built. */
class DemoSwitchTest {

    private static boolean enabled(String url, String demo) {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.datasource.url", url);
        if (demo != null) {
            environment.setProperty(DemoSwitch.PROPERTY, demo);
        }
        return DemoSwitch.enabled(environment);
    }

    @Test
    void on_by_default_for_the_embedded_h2_database() {
        assertThat(enabled("jdbc:h2:file:./data/ligevaerd;AUTO_SERVER=FALSE", null)).isTrue();
        assertThat(enabled("JDBC:H2:mem:x", null)).isTrue();
    }

    @Test
    void off_by_default_for_any_other_database() {
        assertThat(enabled("jdbc:postgresql://db:5432/ligevaerd", null)).isFalse();
        assertThat(enabled("jdbc:mariadb://db/ligevaerd", null)).isFalse();
        assertThat(enabled("", null)).isFalse();
    }

    @Test
    void the_property_decides_when_it_is_set() {
        assertThat(enabled("jdbc:postgresql://db:5432/ligevaerd", "true")).isTrue();
        assertThat(enabled("jdbc:h2:file:./data/ligevaerd", "false")).isFalse();
    }
}
