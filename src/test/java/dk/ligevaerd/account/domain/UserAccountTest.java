package dk.ligevaerd.account.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.ligevaerd.shared.DomainException;
import org.junit.jupiter.api.Test;

class UserAccountTest {

    @Test
    void usernames_are_folded_to_lower_case_and_trimmed() {
        assertThat(UserAccount.normalizeUsername("  Anna.J ")).isEqualTo("anna.j");
    }

    @Test
    void usernames_with_spaces_markup_or_wrong_length_are_refused() {
        for (String bad : new String[] {"ab", "x".repeat(41), "anna jensen", "<b>anna</b>", "-anna", ""}) {
            assertThatThrownBy(() -> UserAccount.normalizeUsername(bad)).as(bad)
                    .isInstanceOf(DomainException.class).extracting("messageKey").isEqualTo("error.username.format");
        }
    }

    @Test
    void passwords_need_at_least_eight_characters() {
        assertThatThrownBy(() -> UserAccount.checkPassword("1234567"))
                .isInstanceOf(DomainException.class).extracting("messageKey").isEqualTo("error.password.length");
        UserAccount.checkPassword("12345678");
    }
}
