package dk.ligevaerd.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.ligevaerd.browser.AxeCheck.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class AxeCheckTest {

    @Test
    void structure_inside_one_vaadin_component_does_not_fail() {
        Finding tabs = new Finding("aria-required-children", "critical", "", "vaadin-tabs", "",
                List.of("vaadin-tabs,#scroll"), true);

        assertThat(tabs.failing()).isFalse();
    }

    @Test
    void the_same_rule_fails_when_a_child_comes_from_the_application() {
        Finding tabs = new Finding("aria-required-children", "critical", "", "vaadin-tabs", "",
                List.of("vaadin-tabs > div.mine"), false);

        assertThat(tabs.failing()).isTrue();
    }

    @Test
    void other_rules_inside_vaadin_components_still_fail() {
        Finding label = new Finding("aria-input-field-name", "serious", "", "#invite-side,#input", "",
                List.of("#invite-side,#input"), true);

        assertThat(label.failing()).isTrue();
    }

    @Test
    void moderate_findings_do_not_fail() {
        Finding region = new Finding("region", "moderate", "", "#workspace-title", "", List.of(), false);

        assertThat(region.failing()).isFalse();
    }
}
