package dk.ligevaerd.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who answers for the personal data in this installation ({@code ligevaerd.privacy.*}), shown on
 * the privacy notice page. The organisation that runs Ligeværd is the controller; the defaults only
 * say that it has not been set, so that an installation never names the wrong one.
 *
 * @param controllerName    the organisation (for a municipality: the municipality)
 * @param controllerAddress its postal address
 * @param controllerEmail   where people write about their data
 * @param dpoContact        the data protection officer's contact (e-mail or phone)
 */
@ConfigurationProperties("ligevaerd.privacy")
public record PrivacyProperties(@DefaultValue("") String controllerName, @DefaultValue("") String controllerAddress,
        @DefaultValue("") String controllerEmail, @DefaultValue("") String dpoContact) {
}
