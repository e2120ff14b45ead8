package dk.ligevaerd.round;

import static org.assertj.core.api.Assertions.assertThat;

import dk.ligevaerd.round.domain.CanonicalJson;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a record written by today's code into the record an older format wrote for the same round,
 * and stores it in place (with the chain head), as the code of that time would have: formats 1 to 3
 * held each person's name beside their id, inside the hashed content.
 */
public final class OlderRecordFormats {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OlderRecordFormats() {
    }

    /** Today's content with each person's name put back in, under the name of format 3. */
    @SuppressWarnings("unchecked")
    public static String asFormatThree(String today, Map<Long, String> names) {
        Map<String, Object> root = JSON.readValue(today, Map.class);
        assertThat(root.get("format")).isEqualTo(RecordContent.FORMAT);
        root.put("format", "ligevaerd.decision-record/3");
        Map<String, Object> round = (Map<String, Object>) root.get("round");
        name(round.get("openedBy"), names);
        Map<String, Object> closing = (Map<String, Object>) root.get("closing");
        name(closing.get("by"), names);
        for (Object c : (List<Object>) closing.get("confirmations")) {
            name(((Map<String, Object>) c).get("moderator"), names);
        }
        for (Object b : (List<Object>) root.get("ballots")) {
            name(((Map<String, Object>) b).get("voter"), names);
        }
        return CanonicalJson.write(root);
    }

    @SuppressWarnings("unchecked")
    private static void name(@Nullable Object person, Map<Long, String> names) {
        if (person instanceof Map<?, ?> map) {
            Map<String, Object> fields = (Map<String, Object>) map;
            long id = ((Number) Objects.requireNonNull(fields.get("id"))).longValue();
            fields.put("name", names.getOrDefault(id, ""));
        }
    }

    /** Stores {@code content} as the round's record, with its hash, and points the chain head at it if it was last. */
    public static String store(JdbcTemplate jdbc, long workspaceId, long roundId, String content) {
        String oldHash = jdbc.queryForObject("select hash from decision_record where round_id = ?", String.class,
                roundId);
        String hash = CanonicalJson.sha256(content);
        jdbc.update("update decision_record set content = ?, hash = ? where round_id = ?", content, hash, roundId);
        jdbc.update("update decision_chain set last_hash = ? where workspace_id = ? and last_hash = ?", hash,
                workspaceId, oldHash);
        return hash;
    }
}
