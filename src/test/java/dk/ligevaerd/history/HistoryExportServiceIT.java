package dk.ligevaerd.history;

import static dk.ligevaerd.support.Acting.as;
import static dk.ligevaerd.support.Refusals.keyOf;
import static org.assertj.core.api.Assertions.assertThat;

import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.priority.PriorityService;
import dk.ligevaerd.priority.ValueLens;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.workspace.InvitationService;
import dk.ligevaerd.workspace.WorkspaceFixture;
import dk.ligevaerd.workspace.WorkspaceService;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(properties = {"ligevaerd.demo.enabled=false",
        "spring.datasource.url=jdbc:h2:file:./target/test-db/export-${random.uuid}"})
class HistoryExportServiceIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired AccountService accounts;
    @Autowired WorkspaceService workspaces;
    @Autowired InvitationService invitations;
    @Autowired PriorityService priorities;
    @Autowired HistoryService history;
    @Autowired HistoryExportService exports;
    @Autowired DataSource dataSource;
    @Autowired dk.ligevaerd.statement.CollabService collab;

    WorkspaceFixture f;

    @BeforeEach
    void fixture() {
        f = new WorkspaceFixture(accounts, workspaces, invitations);
        as(f.otherModerator, () -> priorities.propose(f.workspaceId, "Fællesskaber, ikke kun besøg", "",
                Set.of(ValueLens.SHARED_VALUES)));
    }

    @Test
    void the_json_export_holds_the_workspace_its_people_and_every_timeline_entry() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        as(f.observer, () -> {
            exports.writeJson(f.workspaceId, out);
            return null;
        });
        JsonNode root = JSON.readTree(out.toByteArray());
        assertThat(root.get("format").asString()).isEqualTo("ligevaerd-history");
        assertThat(root.get("workspace").get("id").asLong()).isEqualTo(f.workspaceId);
        assertThat(root.get("sides")).hasSize(2);
        assertThat(root.get("members")).hasSize(4);

        List<HistoryItem> source = as(f.observer, () -> history.timeline(f.workspaceId)).reversed();
        JsonNode timeline = root.get("timeline");
        assertThat(timeline).hasSize(source.size());
        for (int i = 0; i < source.size(); i++) {
            HistoryItem expected = source.get(i);
            JsonNode actual = timeline.get(i);
            assertThat(actual.get("id").asLong()).isEqualTo(expected.id());
            assertThat(actual.get("kind").asString()).isEqualTo(expected.kind());
            assertThat(actual.get("actorName").asString()).isEqualTo(expected.actorName());
            assertThat(Instant.parse(actual.get("occurredAt").asString())).isEqualTo(expected.occurredAt());
            expected.facts().forEach((k, v) -> assertThat(actual.get("facts").get(k).asString()).isEqualTo(v));
        }
        assertThat(timeline.get(timeline.size() - 1).get("facts").get("title").asString())
                .isEqualTo("Fællesskaber, ikke kun besøg");
        assertThat(root.get("statement").get("changes").isArray()).isTrue();
        assertThat(root.get("decisionRecords").isArray()).isTrue();
    }

    @Test
    void the_json_export_holds_every_priority_and_every_change_that_rebuilds_the_text() throws Exception {
        long weekly = as(f.participant, () -> priorities.propose(f.workspaceId, "Faste besøg", "Hver uge",
                Set.of(ValueLens.SERVICE_QUALITY, ValueLens.EFFICIENCY)));
        as(f.participant, () -> collab.edit(f.workspaceId, "k", 0, 0, "Besøg."));
        as(f.otherModerator, () -> collab.edit(f.workspaceId, "c", 6, 6, " Sammen."));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        as(f.observer, () -> {
            exports.writeJson(f.workspaceId, out);
            return null;
        });
        JsonNode root = JSON.readTree(out.toByteArray());

        List<dk.ligevaerd.priority.PriorityView> source = as(f.observer, () -> priorities.list(f.workspaceId));
        JsonNode exported = root.get("priorities");
        assertThat(exported).hasSize(source.size());
        JsonNode weeklyNode = java.util.stream.StreamSupport.stream(exported.spliterator(), false)
                .filter(p -> p.get("id").asLong() == weekly).findFirst().orElseThrow();
        assertThat(weeklyNode.get("title").asString()).isEqualTo("Faste besøg");
        assertThat(weeklyNode.get("description").asString()).isEqualTo("Hver uge");
        assertThat(weeklyNode.get("state").asString()).isEqualTo("PROPOSED");
        assertThat(weeklyNode.get("lenses").valueStream().map(JsonNode::asString).toList())
                .containsExactly("SERVICE_QUALITY", "EFFICIENCY");
        assertThat(weeklyNode.get("proposers").get(0).get("userId").asLong()).isEqualTo(f.participant.id());
        assertThat(weeklyNode.get("proposers").get(0).get("sideId").asLong()).isEqualTo(f.municipalSideId);

        JsonNode statement = root.get("statement");
        assertThat(statement.get("text").asString()).isEqualTo("Besøg. Sammen.");
        JsonNode changes = statement.get("changes");
        assertThat(changes).hasSize(2);
        assertThat(changes.get(1).get("sideId").asLong()).isEqualTo(f.civilSideId);
        assertThat(Instant.parse(changes.get(1).get("acceptedAt").asString())).isNotNull();
        // The changes are CodeMirror change sets: replaying them rebuilds the text exactly.
        String text = "";
        for (JsonNode change : changes) {
            text = dk.ligevaerd.statement.collab.ChangeSet.fromJson(change.get("changes")).apply(text);
        }
        assertThat(text).isEqualTo("Besøg. Sammen.");
    }

    @Test
    void the_pdf_export_reads_back_with_name_members_entries_and_page_numbers_in_danish() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        as(f.participant, () -> {
            exports.writePdf(f.workspaceId, Messages.DANISH, out);
            return null;
        });
        PdfReader reader = new PdfReader(out.toByteArray());
        StringBuilder text = new StringBuilder();
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append('\n');
        }
        String all = text.toString();
        String name = as(f.owner, () -> workspaces.details(f.workspaceId).name());
        assertThat(all).contains(name, f.participant.displayName(), f.observer.displayName(), "Medlemmer",
                "Hvad der skete", f.otherModerator.displayName() + " foreslog prioriteten");
        // Every page says what it is part of and which page of how many it is.
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            assertThat(extractor.getTextFromPage(page).replaceAll("\\s+", " "))
                    .contains(name + " · historik hentet", "side " + page + " af " + reader.getNumberOfPages());
        }
    }

    @Test
    void outsiders_and_members_of_other_workspaces_get_no_export() {
        assertThat(keyOf(() -> as(f.outsider, () -> {
            exports.writeJson(f.workspaceId, OutputStream.nullOutputStream());
            return null;
        }))).isEqualTo("error.notFoundOrNoAccess");
        assertThat(keyOf(() -> as(f.otherWorkspaceOwner, () -> {
            exports.writePdf(f.workspaceId, Messages.ENGLISH, OutputStream.nullOutputStream());
            return null;
        }))).isEqualTo("error.notFoundOrNoAccess");
    }

    @Test
    void a_long_history_is_exported_whole() throws Exception {
        int extra = 20_000;
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Timestamp at = Timestamp.from(Instant.now());
        jdbc.batchUpdate("insert into history_entry (workspace_id, occurred_at, kind, actor_id, actor_side_id, "
                + "subject_user_id, detail) values (?, ?, 'priority.edited', ?, ?, null, ?)",
                java.util.stream.IntStream.range(0, extra).mapToObj(i -> new Object[] {f.workspaceId, at,
                        f.participant.id(), f.municipalSideId, "priority=" + i + "\ntitle=Edit " + i}).toList());
        long before = as(f.owner, () -> history.timeline(f.workspaceId)).size();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        as(f.owner, () -> {
            exports.writeJson(f.workspaceId, out);
            return null;
        });
        long entries = 0;
        try (JsonParser parser = JSON.createParser(out.toByteArray())) {
            int depth = 0;
            boolean inTimeline = false;
            for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
                if (t == JsonToken.PROPERTY_NAME && depth == 1 && parser.currentName().equals("timeline")) {
                    inTimeline = true;
                } else if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    depth++;
                    if (inTimeline && t == JsonToken.START_OBJECT && depth == 3) {
                        entries++;
                    }
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    depth--;
                    if (depth == 1) {
                        inTimeline = false;
                    }
                }
            }
        }
        assertThat(entries).isEqualTo(before).isGreaterThan(extra);
    }

    @Test
    void file_names_carry_the_workspace_and_the_date() {
        assertThat(HistoryExportService.slug("Besøgsvenner i Vestbyen")).isEqualTo("besoegsvenner-i-vestbyen");
        assertThat(HistoryExportService.slug("«»")).isEqualTo("workspace");
    }
}
