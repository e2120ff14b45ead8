package dk.ligevaerd.account;

import static dk.ligevaerd.support.Refusals.keyOf;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(properties = {"ligevaerd.demo.enabled=false",
        "spring.datasource.url=jdbc:h2:file:./target/test-db/accounts-${random.uuid}"})
class AccountServiceIT {

    @Autowired AccountService accounts;

    @Test
    void a_password_of_72_non_ascii_letters_is_refused_with_a_message_not_a_crash() {
        assertThat(keyOf(() -> accounts.register("lang-kode", "Lang Kode", "æ".repeat(72))))
                .isEqualTo("error.password.tooLong");
        assertThat(accounts.findByUsername("lang-kode")).isEmpty();
    }

    @Test
    void a_common_password_is_refused_and_no_account_is_made() {
        assertThat(keyOf(() -> accounts.register("almindelig", "Almindelig", "Password1"))).isEqualTo(
                "error.password.common");
        assertThat(accounts.hasAnyAccount()).isFalse();
    }

    @Test
    void a_display_name_with_a_direction_override_is_refused() {
        assertThat(keyOf(() -> accounts.register("retning", "Anna \u202Eneskaj", "bla-hest-tromme-7")))
                .isEqualTo("error.forbiddenCharacter");
    }
}
