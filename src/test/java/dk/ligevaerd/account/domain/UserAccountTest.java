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
    void passwords_need_at_least_eight_characters_counted_as_people_count_them() {
        assertThat(keyOf(() -> UserAccount.checkPassword("1234567"))).isEqualTo("error.password.length");
        assertThat(keyOf(() -> UserAccount.checkPassword("😀😀😀😀😀😀😀"))).as("7 emoji, 14 UTF-16 units")
                .isEqualTo("error.password.length");
        UserAccount.checkPassword("😀😀😀😀🐘🐘🐘🐘");
        UserAccount.checkPassword("ro-vej-lys");
    }

    @Test
    void the_maximum_is_72_bytes_as_bcrypt_sees_them() {
        UserAccount.checkPassword("æ".repeat(36));
        assertThat(keyOf(() -> UserAccount.checkPassword("æ".repeat(37)))).isEqualTo("error.password.tooLong");
        assertThat(keyOf(() -> UserAccount.checkPassword("æ".repeat(72)))).isEqualTo("error.password.tooLong");
        UserAccount.checkPassword("x".repeat(72));
        assertThat(keyOf(() -> UserAccount.checkPassword("x".repeat(73)))).isEqualTo("error.password.tooLong");
        assertThat(keyOf(() -> UserAccount.checkPassword("abcdefgh\uD83D"))).isEqualTo("error.password.characters");
    }

    @Test
    void common_passwords_are_refused_whatever_their_case() {
        for (String common : new String[] {"password1", "12345678", "Qwerty123", "P@ssw0rd", "sommer2024",
                "Kobenhavn1", "fodbold123", "iloveyou!", "qwertyuiop"}) {
            assertThat(keyOf(() -> UserAccount.checkPassword(common))).as(common).isEqualTo("error.password.common");
        }
        assertThat(CommonPasswords.size()).isGreaterThan(3_000);
    }

    private static String keyOf(Runnable call) {
        try {
            call.run();
        } catch (DomainException e) {
            return e.messageKey();
        }
        throw new AssertionError("expected a refusal, but the password was accepted");
    }
}
