package dk.ligevaerd.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** The forbidden-character check, over generated texts (quicktheories, see shared/STACK.md). */
class TextProperties {

    private static final List<Character> TRICKY = List.of('a', 'ø', ' ', '\u202E', '\u2066', '\u200F', '\u061C',
            '\uFFFE', '\uFFFF', '\uFDD0', '\uD83D', '\uDE00');

    @Test
    void a_text_is_refused_exactly_at_its_first_forbidden_code_point_or_lone_surrogate() {
        Gen<String> anyChars = strings().allPossible().ofLengthBetween(0, 30);
        Gen<String> trickyChars = lists().of(Generate.pick(TRICKY)).ofSizeBetween(0, 30)
                .map(cs -> cs.stream().map(String::valueOf).reduce("", String::concat));
        qt().withExamples(3_000).forAll(anyChars.mix(trickyChars)).checkAssert(text ->
                assertThat(Text.forbiddenCharacterAt(text)).as(escaped(text)).isEqualTo(firstForbidden(text)));
    }

    @Test
    void text_made_of_allowed_code_points_is_never_refused() {
        qt().withExamples(3_000).forAll(allowedText()).checkAssert(text ->
                assertThat(Text.forbiddenCharacterAt(text)).as(escaped(text)).isEqualTo(-1));
    }

    @Test
    void one_forbidden_code_point_inserted_anywhere_is_found_where_it_was_put() {
        qt().withExamples(3_000).forAll(allowedText(), forbiddenCodePoints(), doubles().between(0, 0.999))
                .checkAssert((text, forbidden, where) -> {
                    int at = text.offsetByCodePoints(0, (int) (where * text.codePointCount(0, text.length())));
                    String spoiled = text.substring(0, at) + new String(Character.toChars(forbidden))
                            + text.substring(at);
                    assertThat(Text.forbiddenCharacterAt(spoiled)).as(escaped(spoiled)).isEqualTo(at);
                });
    }

    @Test
    void every_explicit_direction_format_java_knows_is_a_forbidden_bidi_control() {
        qt().withExamples(5_000).forAll(integers().between(0, Character.MAX_CODE_POINT)).checkAssert(cp -> {
            byte d = Character.getDirectionality(cp);
            boolean explicitFormat = d == Character.DIRECTIONALITY_LEFT_TO_RIGHT_EMBEDDING
                    || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_EMBEDDING
                    || d == Character.DIRECTIONALITY_LEFT_TO_RIGHT_OVERRIDE
                    || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_OVERRIDE
                    || d == Character.DIRECTIONALITY_POP_DIRECTIONAL_FORMAT
                    || d == Character.DIRECTIONALITY_LEFT_TO_RIGHT_ISOLATE
                    || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ISOLATE
                    || d == Character.DIRECTIONALITY_FIRST_STRONG_ISOLATE
                    || d == Character.DIRECTIONALITY_POP_DIRECTIONAL_ISOLATE;
            if (explicitFormat) {
                assertThat(Text.isForbidden(cp)).as("U+%04X", cp).isTrue();
            }
        });
    }

    /** The reference the check is compared with: a plain walk over the UTF-16 units. */
    private static int firstForbidden(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return i;
                }
                if (Text.isForbidden(text.codePointAt(i))) {
                    return i;
                }
                i++;
            } else if (Character.isLowSurrogate(c) || Text.isForbidden(c)) {
                return i;
            }
        }
        return -1;
    }

    private static Gen<String> allowedText() {
        return lists().of(integers().between(0, Character.MAX_CODE_POINT)
                        .map(cp -> Text.isForbidden(cp) ? cp % 26 + 'a' : cp))
                .ofSizeBetween(0, 20)
                .map(cps -> new String(cps.stream().mapToInt(Integer::intValue).toArray(), 0, cps.size()));
    }

    private static Gen<Integer> forbiddenCodePoints() {
        return Generate.pick(List.of(0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067,
                0x2068, 0x2069)).mix(integers().between(0xFDD0, 0xFDEF))
                .mix(integers().between(0, 33).map(n -> ((n / 2) << 16) | (0xFFFE + n % 2)));
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c < 0x7F && c >= 0x20 ? String.valueOf((char) c) : String.format("\\u%04X", c)));
        return out.toString();
    }
}
