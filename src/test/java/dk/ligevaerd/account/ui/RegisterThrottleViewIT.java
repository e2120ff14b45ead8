package dk.ligevaerd.account.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinRequest;
import dk.ligevaerd.account.SignInThrottle;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.testing.DemoAppContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The registration form of an address that has made its hourly number of accounts says so, in
 * the visitor's language, with the minutes to wait, and creates nothing.
 */
@DemoAppContext
@ViewPackages(packages = "dk.ligevaerd")
class RegisterThrottleViewIT extends SpringBrowserlessTest {

    private static final String DISPLAY_NAME = "Tove Tilbageholdt";

    @Autowired JdbcTemplate jdbc;

    private String key = "";

    @AfterEach
    void forgetTheAddress() {
        jdbc.update("delete from sign_in_throttle where throttle_key = ?", key);
    }

    @Test
    void an_address_that_has_made_its_accounts_this_hour_is_told_how_long_to_wait_in_both_languages() {
        for (Locale language : new Locale[] {Messages.DANISH, Locale.ENGLISH}) {
            UI.getCurrent().setLocale(language);
            navigate(RegisterView.class);
            VaadinRequest request = VaadinRequest.getCurrent();
            key = "register:" + (request == null ? "unknown" : request.getRemoteAddr());
            Timestamp now = Timestamp.from(Instant.now());
            jdbc.update("delete from sign_in_throttle where throttle_key = ?", key);
            jdbc.update("insert into sign_in_throttle (throttle_key, attempts, window_start, last_attempt) "
                    + "values (?, ?, ?, ?)", key, SignInThrottle.REGISTRATIONS_PER_ADDRESS_AND_HOUR, now, now);

            $(TextField.class).id("register-username").setValue("tove");
            $(TextField.class).id("register-display-name").setValue(DISPLAY_NAME);
            $(PasswordField.class).id("register-password").setValue("bla-hest-tromme-7");
            $(PasswordField.class).id("register-repeat").setValue("bla-hest-tromme-7");
            test($(Button.class).id("register-submit")).click();

            assertThat($(Paragraph.class).id("register-error").getText()).as(language.toString())
                    .isEqualTo(Messages.get(language, "error.register.throttled", 60L));
            assertThat(jdbc.queryForObject("select count(*) from app_user where display_name = ?", Integer.class,
                    DISPLAY_NAME)).as("no account made").isZero();
        }
    }
}
