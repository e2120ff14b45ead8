package dk.ligevaerd.statement.collab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compares the Java change sets and the simulated client with results that CodeMirror itself
 * computed ({@code codemirror-fixtures.json}, written by {@code generate-codemirror-fixtures.mjs}
 * with {@code @codemirror/state} 6.7.6 and {@code @codemirror/collab} 6.1.1). Browsers rebase with
 * CodeMirror's code, so any difference in how ties and overlaps are resolved would make copies of
 * the statement drift apart; these cases pin the behaviour down to the section.
 */
class CodeMirrorCompatibilityTest {

    private static final Author NOBODY = new Author(0, 0);
    private static JsonNode fixtures;

    @BeforeAll
    static void readFixtures() throws IOException {
        try (InputStream in = CodeMirrorCompatibilityTest.class.getResourceAsStream("codemirror-fixtures.json")) {
            fixtures = JsonMapper.shared().readTree(in);
        }
    }

    @Test
    void mapping_matches_codemirror_in_both_tie_orders() {
        JsonNode cases = fixtures.get("maps");
        assertThat(cases.size()).isGreaterThan(100);
        for (JsonNode c : cases) {
            String doc = c.get("doc").stringValue();
            ChangeSet a = ChangeSet.fromJson(c.get("a"), doc.length());
            ChangeSet b = ChangeSet.fromJson(c.get("b"), doc.length());
            assertThat(a.map(b, false).toJson()).as("%s mapped over %s", a, b).isEqualTo(c.get("aOverB"));
            assertThat(a.map(b, true).toJson()).as("%s mapped before %s", a, b).isEqualTo(c.get("aOverBBefore"));
            assertThat(b.map(a, false).apply(a.apply(doc))).isEqualTo(c.get("result").stringValue())
                    .isEqualTo(a.map(b, true).apply(b.apply(doc)));
        }
    }

    @Test
    void positions_map_like_codemirror() {
        for (JsonNode c : fixtures.get("maps")) {
            String doc = c.get("doc").stringValue();
            ChangeSet a = ChangeSet.fromJson(c.get("a"), doc.length());
            for (JsonNode p : c.get("positions")) {
                int pos = p.get(0).intValue();
                assertThat(a.mapPos(pos, -1)).as("%d through %s, assoc -1", pos, a).isEqualTo(p.get(1).intValue());
                assertThat(a.mapPos(pos, 1)).as("%d through %s, assoc 1", pos, a).isEqualTo(p.get(2).intValue());
            }
        }
    }

    @Test
    void composition_matches_codemirror() {
        JsonNode cases = fixtures.get("composes");
        assertThat(cases.size()).isGreaterThan(100);
        for (JsonNode c : cases) {
            String doc = c.get("doc").stringValue();
            ChangeSet a = ChangeSet.fromJson(c.get("a"), doc.length());
            ChangeSet b = ChangeSet.fromJson(c.get("b"), a.lengthAfter());
            ChangeSet composed = a.compose(b);
            assertThat(composed.toJson()).as("%s then %s", a, b).isEqualTo(c.get("composed"));
            assertThat(composed.apply(doc)).isEqualTo(c.get("result").stringValue()).isEqualTo(b.apply(a.apply(doc)));
        }
    }

    @Test
    void the_simulated_client_rebases_like_codemirror_collab() {
        JsonNode cases = fixtures.get("rebases");
        assertThat(cases.size()).isGreaterThan(100);
        for (JsonNode c : cases) {
            SimulatedClient client = new SimulatedClient("me", NOBODY, c.get("doc").stringValue(), 0);
            for (JsonNode local : c.get("local")) {
                client.edit(ChangeSet.fromJson(local, client.doc().length()));
            }
            List<AcceptedUpdate> incoming = new ArrayList<>();
            for (JsonNode update : c.get("incoming")) {
                incoming.add(new AcceptedUpdate(incoming.size() + 1, update.get("clientID").stringValue(), NOBODY,
                        ChangeSet.fromJson(update.get("changes"))));
            }

            client.receive(incoming);

            assertThat(client.doc()).isEqualTo(c.get("doc2").stringValue());
            assertThat(client.version()).isEqualTo(c.get("version").intValue());
            List<JsonNode> unconfirmed = client.unconfirmed().stream().<JsonNode>map(ChangeSet::toJson).toList();
            assertThat(unconfirmed)
                    .containsExactlyElementsOf(c.get("unconfirmed").values());
        }
    }
}
