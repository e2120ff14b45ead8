package dk.ligevaerd.round;

import static dk.ligevaerd.support.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;

import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.history.HistoryExportService;
import dk.ligevaerd.priority.PriorityService;
import dk.ligevaerd.priority.ValueLens;
import dk.ligevaerd.round.RecordView.Outcome;
import dk.ligevaerd.round.RecordView.SideResult;
import dk.ligevaerd.round.domain.CanonicalJson;
import dk.ligevaerd.workspace.InvitationService;
import dk.ligevaerd.workspace.WorkspaceFixture;
import dk.ligevaerd.workspace.WorkspaceService;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A decision record written in format 1, the layout before void ballots were counted (format 2 added
 * per side {@code voided}, {@code removed} and, later, {@code quorum}), stays readable: it shows, it
 * exports byte for byte, and it holds its place in the hash chain, with records of format 2 before
 * and after it.
 *
 * <p>The format-1 record is made as the code of that time wrote it: a round is closed by today's
 * code, then its content is written again without the fields format 1 did not have, under format
 * 1's name, hashed, and stored in place of the new one together with the chain head, just as the
 * older closing stored it. The next round closed links to it.
 */
@SpringBootTest(properties = {"ligevaerd.demo.enabled=false", "ligevaerd.rounds.auto-close.enabled=false",
        "spring.datasource.url=jdbc:h2:file:./target/test-db/record-format-1-${random.uuid}"})
class RecordFormatOneIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired AccountService accounts;
    @Autowired WorkspaceService workspaces;
    @Autowired InvitationService invitations;
    @Autowired PriorityService priorities;
    @Autowired RoundService rounds;
    @Autowired RecordExportService recordExports;
    @Autowired HistoryExportService historyExports;
    @Autowired JdbcTemplate jdbc;

    WorkspaceFixture f;

    @Test
    void a_stored_format_1_record_still_shows_exports_and_verifies_in_the_chain() throws Exception {
        f = new WorkspaceFixture(accounts, workspaces, invitations);
        closeDotsRound("Before");
        long old = closeDotsRound("Written in format 1");
        RecordView asClosed = record(old);
        String content = jdbc.queryForObject("select content from decision_record where round_id = ?", String.class,
                old);
        String formatOne = asFormatOne(content);
        assertThat(formatOne).startsWith("{\"adopt\":null,").contains("\"format\":\"ligevaerd.decision-record/1\"")
                .doesNotContain("\"voided\"", "\"removed\"", "\"quorum\":");
        String hash = CanonicalJson.sha256(formatOne);
        jdbc.update("update decision_record set content = ?, hash = ? where round_id = ?", formatOne, hash, old);
        jdbc.update("update decision_chain set last_hash = ? where workspace_id = ?", hash, f.workspaceId);
        long after = closeDotsRound("After");

        // It verifies, and the record after it links to it.
        ChainVerification chain = as(f.observer, () -> rounds.verifyChain(f.workspaceId));
        assertThat(chain.problems()).isEmpty();
        assertThat(chain.records()).isEqualTo(3);
        assertThat(record(after).prevHash()).isEqualTo(hash);
        assertThat(record(after).seq()).isEqualTo(3);

        // It shows as it did, read as having voided nothing, no side removed, the round's one quorum.
        RecordView shown = record(old);
        assertThat(shown.hash()).isEqualTo(hash);
        assertThat(shown.seq()).isEqualTo(2);
        assertThat(shown.outcome()).isEqualTo(asClosed.outcome()).isEqualTo(Outcome.DECIDED);
        assertThat(shown.prioritize()).isEqualTo(asClosed.prioritize());
        assertThat(shown.confirmations()).isEqualTo(asClosed.confirmations());
        assertThat(shown.ballots()).isEqualTo(asClosed.ballots());
        assertThat(shown.sides()).hasSize(2).allSatisfy(side -> {
            assertThat(side.voided()).isZero();
            assertThat(side.removed()).isFalse();
            assertThat(side.quorum()).isEqualTo(1);
            assertThat(side.quorumMet()).isTrue();
        });
        assertThat(shown.sides().stream().map(SideResult::ballots)).containsExactly(1, 1);
        assertThat(as(f.observer, () -> rounds.recordBySeq(f.workspaceId, 2)).orElseThrow().roundId()).isEqualTo(old);

        // The record's own JSON export carries the stored bytes unchanged, so the hash is recomputed from it.
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        as(f.observer, () -> {
            recordExports.writeJson(f.workspaceId, old, json);
            return null;
        });
        String exported = json.toString(StandardCharsets.UTF_8);
        int start = exported.indexOf("\"content\":") + "\"content\":".length();
        String bytes = exported.substring(start, exported.lastIndexOf('}'));
        assertThat(bytes).isEqualTo(formatOne);
        assertThat(CanonicalJson.sha256(bytes)).isEqualTo(JSON.readTree(exported).path("hash").asString())
                .isEqualTo(hash);

        // The PDF is written, and the history export holds it among the records in chain order.
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        as(f.observer, () -> {
            recordExports.writePdf(f.workspaceId, old, Locale.ENGLISH, pdf);
            return null;
        });
        assertThat(new String(pdf.toByteArray(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        ByteArrayOutputStream history = new ByteArrayOutputStream();
        as(f.observer, () -> {
            historyExports.writeJson(f.workspaceId, history);
            return null;
        });
        JsonNode records = JSON.readTree(history.toString(StandardCharsets.UTF_8)).path("decisionRecords");
        assertThat(records.size()).isEqualTo(3);
        assertThat(records.get(1).path("hash").asString()).isEqualTo(hash);
        assertThat(CanonicalJson.write(JSON.convertValue(records.get(1).path("content"), Map.class)))
                .isEqualTo(formatOne);
    }

    /**
     * The content as format 1 wrote it: people with their names (as formats 1 to 3 did), per side
     * only id, name, colour, ballots and quorumMet.
     */
    @SuppressWarnings("unchecked")
    private String asFormatOne(String today) {
        Map<Long, String> names = new java.util.HashMap<>();
        accounts.summaries(List.of(f.owner.id(), f.otherModerator.id()))
                .forEach((id, user) -> names.put(id, user.displayName()));
        Map<String, Object> root = JSON.readValue(OlderRecordFormats.asFormatThree(today, names), Map.class);
        root.put("format", "ligevaerd.decision-record/1");
        for (Object side : (List<Object>) root.get("sides")) {
            Map<String, Object> fields = (Map<String, Object>) side;
            fields.keySet().retainAll(Set.of("id", "name", "colour", "ballots", "quorumMet"));
        }
        return CanonicalJson.write(root);
    }

    private long closeDotsRound(String title) {
        long p = as(f.owner, () -> priorities.propose(f.workspaceId, title + " one", "", Set.of(ValueLens.EFFICIENCY)));
        long q = as(f.owner, () -> priorities.propose(f.workspaceId, title + " two", "", Set.of(ValueLens.ADVOCACY)));
        long id = as(f.owner, () -> rounds.create(f.workspaceId, RoundDraft.dots(title, List.of(p, q), 10, 5, 1)));
        as(f.owner, () -> {
            rounds.open(f.workspaceId, id);
            rounds.castDots(f.workspaceId, id, Map.of(p, 5, q, 5));
            return null;
        });
        as(f.otherModerator, () -> {
            rounds.castDots(f.workspaceId, id, Map.of(p, 5, q, 3));
            return null;
        });
        as(f.owner, () -> rounds.confirmClosing(f.workspaceId, id));
        assertThat(as(f.otherModerator, () -> rounds.confirmClosing(f.workspaceId, id))).isTrue();
        return id;
    }

    private RecordView record(long roundId) {
        return as(f.observer, () -> rounds.record(f.workspaceId, roundId)).orElseThrow();
    }
}
