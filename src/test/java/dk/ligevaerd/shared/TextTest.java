package dk.ligevaerd.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextTest {

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"061C", "200E", "200F", "202A", "202B", "202C", "202D", "202E", "2066", "2067", "2068",
            "2069", "FFFE", "FFFF", "FDD0", "FDEF", "1FFFE", "10FFFF", "D800", "DFFF"})
    void direction_controls_non_characters_and_surrogates_are_forbidden(String hex) {
        assertThat(Text.isForbidden(Integer.parseInt(hex, 16))).isTrue();
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"41", "E6", "F8", "E5", "5D0", "627", "200B", "200D", "FEFF", "FDCF", "FDF0", "FFFD",
            "1F600", "1F44D", "10FFFD"})
    void ordinary_letters_emoji_and_joiners_are_allowed(String hex) {
        assertThat(Text.isForbidden(Integer.parseInt(hex, 16))).isFalse();
    }

    @Test
    void the_index_of_the_first_forbidden_character_is_found() {
        assertThat(Text.forbiddenCharacterAt("Besøgsvenner 😀 i Vestbyen")).isEqualTo(-1);
        assertThat(Text.forbiddenCharacterAt("abc\u202Edef")).isEqualTo(3);
        assertThat(Text.forbiddenCharacterAt("😀\uFFFE")).isEqualTo(2);
        assertThat(Text.forbiddenCharacterAt("a\uD83D")).isEqualTo(1);
        assertThat(Text.forbiddenCharacterAt("a\uDE00b")).isEqualTo(1);
        assertThat(Text.forbiddenCharacterAt("\uDE00\uD83D")).isEqualTo(0);
        assertThat(Text.forbiddenCharacterAt("x" + new String(Character.toChars(0x1FFFF)))).isEqualTo(1);
    }

    @Test
    void a_title_with_a_right_to_left_override_is_refused_naming_the_position() {
        assertThatThrownBy(() -> Text.required("😀 Gratis \u202Eevird", 200, "field.priorityTitle"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("error.forbiddenCharacter");
                    assertThat(Messages.get(Locale.ENGLISH, e)).contains("position 10").contains("U+202E");
                    assertThat(Messages.get(Messages.DANISH, e)).contains("plads 10").contains("U+202E");
                });
        assertThatThrownBy(() -> Text.optional("ok\u2066", 200, "field.description"))
                .isInstanceOf(DomainException.class).extracting("messageKey").isEqualTo("error.forbiddenCharacter");
        assertThat(Text.required(" Ældre 👍 ", 200, "field.priorityTitle")).isEqualTo("Ældre 👍");
    }
}
