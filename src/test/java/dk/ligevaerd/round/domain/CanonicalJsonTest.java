package dk.ligevaerd.round.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The canonical form the record hashes are computed over: one text for one value, always. */
class CanonicalJsonTest {

    @Test
    void members_are_sorted_by_name_and_there_is_no_white_space() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("b", 2);
        value.put("a", List.of(true, false));
        value.put("Z", Arrays.asList((Object) null));
        value.put("aa", Map.of("y", 1L, "x", "s"));
        assertThat(CanonicalJson.write(value)).isEqualTo("{\"Z\":[null],\"a\":[true,false],\"aa\":{\"x\":\"s\",\"y\":1},\"b\":2}");
    }

    @Test
    void strings_escape_only_quotes_backslashes_and_control_characters() {
        assertThat(CanonicalJson.write("Æble \"x\" \\ \n\t\u0001 ☺ /"))
                .isEqualTo("\"Æble \\\"x\\\" \\\\ \\n\\t\\u0001 ☺ /\"");
        assertThat(CanonicalJson.write("\uD83D\uDE00")).isEqualTo("\"\uD83D\uDE00\"");
        assertThat(CanonicalJson.write("lone \uD800")).isEqualTo("\"lone \\ud800\"");
    }

    @Test
    void values_without_one_canonical_form_are_refused() {
        assertThatThrownBy(() -> CanonicalJson.write(List.of(1.5))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.write(Map.of(1, "x"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void instants_have_exactly_six_decimals_in_utc() {
        assertThat(CanonicalJson.instant(Instant.parse("2026-11-03T09:15:00Z"))).isEqualTo("2026-11-03T09:15:00.000000Z");
        assertThat(CanonicalJson.instant(Instant.parse("2026-11-03T09:15:00.1234567Z")))
                .isEqualTo("2026-11-03T09:15:00.123456Z");
        assertThat(CanonicalJson.parseInstant("2026-11-03T09:15:00.000000Z"))
                .isEqualTo(Instant.parse("2026-11-03T09:15:00Z"));
    }

    @Test
    void the_hash_is_sha256_of_the_utf8_bytes_in_lower_case_hex() {
        assertThat(CanonicalJson.sha256("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(CanonicalJson.sha256("æ")).isEqualTo(CanonicalJson.sha256(new String("æ".getBytes(
                java.nio.charset.StandardCharsets.UTF_8), java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void a_record_content_changes_its_hash_and_nothing_else_does() {
        DecisionRecord record = new DecisionRecord(1, 2, 1, DecisionChain.GENESIS, Instant.EPOCH, "{\"a\":1}");
        assertThat(record.hash()).isEqualTo(CanonicalJson.sha256("{\"a\":1}"));
        assertThat(new DecisionRecord(1, 2, 1, DecisionChain.GENESIS, Instant.EPOCH.plusSeconds(5), "{\"a\":1}").hash())
                .isEqualTo(record.hash());
        assertThat(new DecisionRecord(1, 2, 1, DecisionChain.GENESIS, Instant.EPOCH, "{\"a\":2}").hash())
                .isNotEqualTo(record.hash());
    }
}
