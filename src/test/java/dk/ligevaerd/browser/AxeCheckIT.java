package dk.ligevaerd.browser;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opentest4j.AssertionFailedError;

/** The accessibility check itself: it must fail on what it is meant to catch, or its silence means nothing. */
class AxeCheckIT {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @Test
    void a_critical_violation_fails_and_names_the_rule_and_the_element() {
        Page page = browser.newContext().newPage();
        page.setContent("<html lang='en'><head><title>t</title></head><body><main>"
                + "<img id='nameless' src='data:image/gif;base64,R0lGODlhAQABAAAAACw='></main></body></html>");

        assertThatThrownBy(() -> AxeCheck.assertNoSeriousViolations(page, "a page with a nameless image"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("image-alt")
                .hasMessageContaining("#nameless");
    }

    @Test
    void a_clean_page_passes() {
        Page page = browser.newContext().newPage();
        page.setContent("<html lang='en'><head><title>t</title></head><body><main><h1>Fine</h1>"
                + "<img src='data:image/gif;base64,R0lGODlhAQABAAAAACw=' alt='A dot'></main></body></html>");

        assertThatCode(() -> AxeCheck.assertNoSeriousViolations(page, "a clean page")).doesNotThrowAnyException();
    }
}
