package dk.ligevaerd.round;

import static dk.ligevaerd.support.Acting.as;
import static dk.ligevaerd.support.Refusals.keyOf;
import static org.assertj.core.api.Assertions.assertThat;

import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.account.UserSummary;
import dk.ligevaerd.history.HistoryExportService;
import dk.ligevaerd.priority.PriorityService;
import dk.ligevaerd.priority.ValueLens;
import dk.ligevaerd.round.RecordView.Outcome;
import dk.ligevaerd.round.domain.CanonicalJson;
import dk.ligevaerd.round.rules.Vote;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.statement.CollabService;
import dk.ligevaerd.statement.StatementService;
import dk.ligevaerd.support.MutableClock;
import dk.ligevaerd.support.TestClockConfig;
import dk.ligevaerd.workspace.InvitationService;
import dk.ligevaerd.workspace.Role;
import dk.ligevaerd.workspace.WorkspaceFixture;
import dk.ligevaerd.workspace.WorkspaceService;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exporting one decision record (PDF, JSON) and a named round's ballots (CSV), against the real
 * services and a real database file: rounds are prepared, voted on and closed jointly as people
 * would, and the files are read back.
 */
@SpringBootTest(properties = {"ligevaerd.demo.enabled=false", "ligevaerd.rounds.auto-close.enabled=false",
        "spring.datasource.url=jdbc:h2:file:./target/test-db/record-exports-${random.uuid}"})
@Import(TestClockConfig.class)
class RecordExportServiceIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger PEOPLE = new AtomicInteger();
    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    @Autowired AccountService accounts;
    @Autowired WorkspaceService workspaces;
    @Autowired InvitationService invitations;
    @Autowired PriorityService priorities;
    @Autowired StatementService statements;
    @Autowired CollabService collab;
    @Autowired RoundService rounds;
    @Autowired RecordExportService exports;
    @Autowired HistoryExportService historyExports;
    @Autowired MutableClock clock;
    @Autowired JdbcTemplate jdbc;

    WorkspaceFixture f;
    String workspaceName;
    String slug;
    /** Voters who are not moderators, so their names can only reach a record through their ballots. */
    UserSummary municipal1;
    UserSummary municipal2;
    UserSummary civil1;
    long a;
    long b;
    long c;

    @BeforeEach
    void fixture() {
        f = new WorkspaceFixture(accounts, workspaces, invitations);
        String n = String.valueOf(PEOPLE.incrementAndGet()) + System.nanoTime() % 10000;
        workspaceName = "Besøgsvenner i Vestbyen " + n;
        slug = "besoegsvenner-i-vestbyen-" + n;
        as(f.owner, () -> {
            workspaces.rename(f.workspaceId, workspaceName, "");
            return null;
        });
        municipal1 = f.participant;
        municipal2 = join("Åse Møller " + n, f.municipalSideId);
        civil1 = join("Bjørn Æblerød " + n, f.civilSideId);
        a = propose(municipal1, "Ugentlige besøg");
        b = propose(civil1, "De ældre former tilbuddet");
        c = propose(civil1, "Fællesskaber, ikke kun besøg");
    }

    private UserSummary join(String displayName, long sideId) {
        UserSummary user = accounts.register("voter-" + PEOPLE.incrementAndGet() + "-" + System.nanoTime(),
                displayName, "bla-hest-tromme-7");
        String token = as(f.moderatorOf(sideId), () -> invitations.create(f.workspaceId, sideId, Role.PARTICIPANT,
                Duration.ofDays(1)).token());
        as(user, () -> invitations.accept(token));
        return user;
    }

    private long propose(UserSummary who, String title) {
        return as(who, () -> priorities.propose(f.workspaceId, title, "", Set.of(ValueLens.PARTICIPATION)));
    }

    private long open(RoundDraft draft) {
        long id = as(f.owner, () -> rounds.create(f.workspaceId, draft));
        as(f.owner, () -> {
            rounds.open(f.workspaceId, id);
            return null;
        });
        return id;
    }

    private void closeJointly(long roundId) {
        as(f.owner, () -> rounds.confirmClosing(f.workspaceId, roundId));
        clock.advance(Duration.ofMinutes(3));
        assertThat(as(f.otherModerator, () -> rounds.confirmClosing(f.workspaceId, roundId))).isTrue();
    }

    private void dots(UserSummary who, long roundId, Map<Long, Integer> points) {
        as(who, () -> {
            rounds.castDots(f.workspaceId, roundId, points);
            return null;
        });
        clock.advance(Duration.ofSeconds(7));
    }

    private void rank(UserSummary who, long roundId, List<Long> order) {
        as(who, () -> {
            rounds.castRanking(f.workspaceId, roundId, order);
            return null;
        });
        clock.advance(Duration.ofSeconds(7));
    }

    private void vote(UserSummary who, long roundId, Vote vote, String reason) {
        as(who, () -> {
            rounds.castAdopt(f.workspaceId, roundId, vote, reason);
            return null;
        });
        clock.advance(Duration.ofSeconds(7));
    }

    /** Two municipal voters and one civil voter: equal sides and head count rank differently. */
    private long closedNamedDots() {
        long id = open(RoundDraft.dots("Hvad kommer først?", List.of(a, b, c), 10, 6, 1));
        dots(municipal1, id, Map.of(a, 6, b, 4));
        dots(municipal2, id, Map.of(a, 6, c, 4));
        dots(civil1, id, Map.of(b, 6, c, 4));
        closeJointly(id);
        return id;
    }

    private long closedNamedRanking() {
        long id = open(RoundDraft.ranking("Rækkefølgen", List.of(a, b, c), 1));
        rank(municipal1, id, List.of(a, b, c));
        rank(municipal2, id, List.of(b));
        rank(civil1, id, List.of(c, a));
        closeJointly(id);
        return id;
    }

    /** A long purpose statement with Danish letters, saved as a version, so the PDF runs over pages. */
    private long savedVersion() {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 40; i++) {
            text.append("Afsnit ").append(i).append(": Besøgsvennerne i Vestbyen skaber fællesskab mellem ældre og "
                    + "frivillige, og de ældre er med til at bestemme, hvordan tilbuddet udvikler sig – på lige fod "
                    + "med kommunen.\n\n");
        }
        as(municipal1, () -> collab.edit(f.workspaceId, "test", 0, 0, text.toString()));
        return as(f.owner, () -> statements.saveVersion(f.workspaceId, "Udkast ét"));
    }

    private String statementText(long versionId) {
        return as(f.owner, () -> statements.version(f.workspaceId, versionId)).text();
    }

    private RecordView record(long roundId) {
        return as(f.observer, () -> rounds.record(f.workspaceId, roundId)).orElseThrow();
    }

    private byte[] bytes(UserSummary who, Consumer<ByteArrayOutputStream> write) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        as(who, () -> {
            write.accept(out);
            return null;
        });
        return out.toByteArray();
    }

    private byte[] json(long roundId) {
        return bytes(f.observer, out -> exports.writeJson(f.workspaceId, roundId, out));
    }

    private byte[] csv(long roundId, Locale locale) {
        return bytes(f.participant, out -> exports.writeBallotsCsv(f.workspaceId, roundId, locale, out));
    }

    private List<String> pdfPages(long roundId, Locale locale) throws Exception {
        byte[] pdf = bytes(f.observer, out -> exports.writePdf(f.workspaceId, roundId, locale, out));
        PdfReader reader = new PdfReader(pdf);
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        List<String> pages = new ArrayList<>();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            pages.add(flat(extractor.getTextFromPage(page)));
        }
        return pages;
    }

    private static String squeezed(String text) {
        return text.replaceAll("\\s+", "");
    }

    /** A page's text without its footer, which the page event draws last. */
    private String withoutFooter(String page) {
        int footer = page.lastIndexOf(workspaceName + " · ");
        return (footer < 0 ? page : page.substring(0, footer)).strip();
    }

    /** Text as read from a PDF: line breaks fall wherever the line was full, so white space is one space. */
    private static String flat(String text) {
        return text.replace('\u00A0', ' ').replaceAll("\\s+", " ");
    }

    // ---- JSON ---------------------------------------------------------------------------------

    @Test
    void the_json_holds_the_envelope_and_the_stored_content_byte_for_byte() throws Exception {
        long first = closedNamedDots();
        long second = closedNamedRanking();
        Instant exportedAt = clock.instant();
        byte[] file = json(second);
        JsonNode root = JSON.readTree(file);

        List<String> names = new ArrayList<>();
        root.propertyNames().forEach(names::add);
        assertThat(names).containsExactly("format", "formatVersion", "exportedAt", "workspace", "seq", "roundId",
                "recordedAt", "prevHash", "hash", "content");
        assertThat(root.get("format").asString()).isEqualTo("ligevaerd-decision-record");
        assertThat(root.get("formatVersion").asInt()).isEqualTo(1);
        assertThat(Instant.parse(root.get("exportedAt").asString())).isEqualTo(exportedAt);
        assertThat(root.get("workspace").get("id").asLong()).isEqualTo(f.workspaceId);
        assertThat(root.get("workspace").get("name").asString()).isEqualTo(workspaceName);
        assertThat(root.get("workspace").size()).isEqualTo(2);

        RecordView record = record(second);
        assertThat(root.get("seq").asLong()).isEqualTo(2).isEqualTo(record.seq());
        assertThat(root.get("roundId").asLong()).isEqualTo(second);
        assertThat(Instant.parse(root.get("recordedAt").asString())).isEqualTo(record.recordedAt());
        assertThat(root.get("prevHash").asString()).isEqualTo(record.prevHash()).isEqualTo(record(first).hash());
        assertThat(root.get("hash").asString()).isEqualTo(record.hash());

        // The hashed text is exactly what follows "content": up to the envelope's closing brace.
        String text = new String(file, StandardCharsets.UTF_8);
        int start = text.indexOf("\"content\":") + "\"content\":".length();
        String content = text.substring(start, text.lastIndexOf('}'));
        assertThat(text).endsWith("}");
        assertThat(CanonicalJson.sha256(content)).isEqualTo(record.hash());
        assertThat(content).isEqualTo(jdbc.queryForObject("select content from decision_record where round_id = ?",
                String.class, second));
        // A reader that parses the content and canonicalizes it again (RFC 8785) gets the same text.
        @SuppressWarnings("unchecked")
        Map<String, Object> parsed = JSON.convertValue(root.get("content"), Map.class);
        assertThat(CanonicalJson.write(parsed)).isEqualTo(content);
        assertThat(root.get("content").get("round").get("title").asString()).isEqualTo("Rækkefølgen");
        assertThat(root.get("content").get("ballots")).hasSize(3);
    }

    @Test
    void the_json_of_a_record_matches_its_entry_in_the_history_export() throws Exception {
        long id = closedNamedDots();
        JsonNode single = JSON.readTree(json(id));
        JsonNode history = JSON.readTree(bytes(f.observer, out -> historyExports.writeJson(f.workspaceId, out)));
        JsonNode entry = history.get("decisionRecords").get(0);
        for (String name : List.of("seq", "roundId", "recordedAt", "prevHash", "hash", "content")) {
            assertThat(single.get(name)).as(name).isEqualTo(entry.get(name));
        }
    }

    // ---- CSV ----------------------------------------------------------------------------------

    @Test
    void the_csv_of_a_named_dot_voting_round_has_a_row_per_ballot_with_points_per_option() {
        long id = closedNamedDots();
        RecordView record = record(id);
        List<List<String>> rows = readCsv(csv(id, Messages.DANISH));
        List<RecordView.OptionResult> options = record.prioritize().options();
        List<String> header = new ArrayList<>(List.of("Protokol nr.", "Runde", "Stemmeafgiver", "Side"));
        options.forEach(o -> header.add(o.title()));
        header.add("Afgivet (dansk tid)");
        assertThat(rows.getFirst()).containsExactlyElementsOf(header);

        Map<String, Map<Long, Integer>> cast = Map.of(municipal1.displayName(), Map.of(a, 6, b, 4),
                municipal2.displayName(), Map.of(a, 6, c, 4), civil1.displayName(), Map.of(b, 6, c, 4));
        Map<String, String> sides = Map.of(municipal1.displayName(), "Kommune", municipal2.displayName(), "Kommune",
                civil1.displayName(), "Civilsamfund");
        List<List<String>> ballots = rows.subList(1, rows.size());
        assertThat(ballots).hasSize(3);
        for (List<String> row : ballots) {
            String voter = row.get(2);
            assertThat(cast).containsKey(voter);
            assertThat(row.subList(0, 4)).containsExactly("1", "Hvad kommer først?", voter, sides.get(voter));
            for (int i = 0; i < options.size(); i++) {
                assertThat(row.get(4 + i)).as(voter + " on " + options.get(i).title())
                        .isEqualTo(String.valueOf(cast.get(voter).getOrDefault(options.get(i).id(), 0)));
            }
            Instant castAt = record.ballots().stream().filter(nb -> nb.voter().name().equals(voter)).findFirst()
                    .orElseThrow().ballot().castAt();
            assertThat(LocalDateTime.parse(row.getLast(), CSV_TIME))
                    .isEqualTo(LocalDateTime.ofInstant(castAt, ZoneId.of("Europe/Copenhagen"))
                            .truncatedTo(ChronoUnit.SECONDS));
        }
        assertThat(ballots).extracting(row -> row.get(2))
                .containsExactlyInAnyOrder(municipal1.displayName(), municipal2.displayName(), civil1.displayName());
    }

    @Test
    void the_csv_of_a_named_ranking_round_holds_each_place_and_leaves_unranked_options_empty() {
        long id = closedNamedRanking();
        List<RecordView.OptionResult> options = record(id).prioritize().options();
        List<List<String>> rows = readCsv(csv(id, Messages.ENGLISH));
        List<String> header = new ArrayList<>(List.of("Record no.", "Round", "Voter", "Side"));
        options.forEach(o -> header.add(o.title()));
        header.add("Cast at (Danish time)");
        assertThat(rows.getFirst()).containsExactlyElementsOf(header);

        Map<String, List<Long>> cast = Map.of(municipal1.displayName(), List.of(a, b, c), municipal2.displayName(),
                List.of(b), civil1.displayName(), List.of(c, a));
        assertThat(rows).hasSize(4);
        for (List<String> row : rows.subList(1, rows.size())) {
            List<Long> order = cast.get(row.get(2));
            assertThat(order).as(row.get(2)).isNotNull();
            for (int i = 0; i < options.size(); i++) {
                int place = order.indexOf(options.get(i).id());
                assertThat(row.get(4 + i)).isEqualTo(place < 0 ? "" : String.valueOf(place + 1));
            }
        }
    }

    @Test
    void the_csv_of_a_named_adopt_round_holds_each_vote_and_reason_quoted_as_rfc_4180_requires() {
        long version = savedVersion();
        long id = open(RoundDraft.adopt("Vedtag formålet", version, DecisionRule.CONSENT).withSecret(false));
        String reason = "Den mangler \"de ældres stemme\", synes jeg.\r\nOg borgerne.";
        vote(municipal1, id, Vote.YES, null);
        vote(municipal2, id, Vote.ABSTAIN, null);
        vote(civil1, id, Vote.OBJECT, reason);
        closeJointly(id);

        byte[] file = csv(id, Messages.DANISH);
        assertThat(new String(file, StandardCharsets.UTF_8))
                .contains("\"Den mangler \"\"de ældres stemme\"\", synes jeg.");
        List<List<String>> rows = readCsv(file);
        assertThat(rows.getFirst()).containsExactly("Protokol nr.", "Runde", "Stemmeafgiver", "Side", "Stemme",
                "Begrundelse", "Afgivet (dansk tid)");
        Map<String, List<String>> byVoter = new HashMap<>();
        rows.subList(1, rows.size()).forEach(row -> byVoter.put(row.get(2), row.subList(3, 6)));
        assertThat(byVoter).hasSize(3);
        assertThat(byVoter.get(municipal1.displayName())).containsExactly("Kommune", "Ja", "");
        assertThat(byVoter.get(municipal2.displayName())).containsExactly("Kommune", "Undlader", "");
        assertThat(byVoter.get(civil1.displayName())).containsExactly("Civilsamfund", "Indsigelse", reason);
    }

    @Test
    void cells_a_spreadsheet_would_run_as_formulas_get_a_leading_apostrophe() {
        UserSummary formulaVoter = join("=HYPERLINK(\"http://evil.example\";\"klik\")", f.civilSideId);
        long plus = propose(civil1, "+45 besøg om ugen");
        long at = propose(civil1, "@alle frivillige");
        long sum = propose(civil1, "=SUM(A1:A9) frivillige");
        long id = open(RoundDraft.dots("=1+1", List.of(a, plus, at, sum), 10, 10, 1));
        dots(formulaVoter, id, Map.of(plus, 5, sum, 5));
        dots(municipal1, id, Map.of(at, 5, a, 5));
        closeJointly(id);

        List<List<String>> rows = readCsv(csv(id, Messages.ENGLISH));
        assertThat(rows.getFirst()).contains("'+45 besøg om ugen", "'@alle frivillige", "'=SUM(A1:A9) frivillige",
                "Ugentlige besøg");
        List<String> formulaRow = rows.stream().filter(r -> r.get(2).contains("HYPERLINK")).findFirst().orElseThrow();
        assertThat(formulaRow.get(1)).isEqualTo("'=1+1");
        assertThat(formulaRow.get(2)).isEqualTo("'=HYPERLINK(\"http://evil.example\";\"klik\")");
        for (List<String> row : rows) {
            for (String cell : row) {
                assertThat(cell).as("no cell starts like a formula").doesNotStartWith("=").doesNotStartWith("+")
                        .doesNotStartWith("-").doesNotStartWith("@").doesNotStartWith("\t").doesNotStartWith("\r");
            }
        }

        long version = savedVersion();
        long adopt = open(RoundDraft.adopt("Vedtag", version, DecisionRule.CONSENT).withSecret(false));
        vote(civil1, adopt, Vote.OBJECT, "=cmd|' /C calc'!A0");
        vote(municipal1, adopt, Vote.OBJECT, "-2+3");
        closeJointly(adopt);
        List<List<String>> reasons = readCsv(csv(adopt, Messages.ENGLISH));
        assertThat(reasons.subList(1, reasons.size())).extracting(r -> r.get(5))
                .containsExactlyInAnyOrder("'=cmd|' /C calc'!A0", "'-2+3");
    }

    @Test
    void the_field_writer_quotes_and_defuses_exactly_where_needed() {
        assertThat(BallotsCsv.field("plain")).isEqualTo("plain");
        assertThat(BallotsCsv.field("")).isEqualTo("");
        assertThat(BallotsCsv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(BallotsCsv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(BallotsCsv.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(BallotsCsv.field("\tindented")).isEqualTo("'\tindented");
        assertThat(BallotsCsv.field("\rreturn")).isEqualTo("\"'\rreturn\"");
        assertThat(BallotsCsv.field("=1,2")).isEqualTo("\"'=1,2\"");
        assertThat(BallotsCsv.field("a=b")).isEqualTo("a=b");
    }

    @Test
    void the_csv_starts_with_a_byte_order_mark_and_ends_every_row_with_crlf() {
        long id = closedNamedDots();
        byte[] file = csv(id, Messages.DANISH);
        assertThat(file).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(file, 3, file.length - 3, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\r\n").contains("Fællesskaber, ikke kun besøg");
        assertThat(text.split("\r\n")).hasSize(4);
        assertThat(text.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
    }

    // ---- PDF ----------------------------------------------------------------------------------

    @Test
    void the_pdf_of_a_priorities_round_reads_back_in_danish_with_every_sides_figures_and_page_numbers()
            throws Exception {
        long id = closedNamedDots();
        RecordView record = record(id);
        List<String> pages = pdfPages(id, Messages.DANISH);
        String all = String.join(" ", pages);
        assertThat(all).contains(workspaceName, "Beslutningsprotokol nr. 1: Hvad kommer først?", "Udfald: Afgjort",
                "Vedtaget: De ældre former tilbuddet",
                "Kommune", "Civilsamfund", "Ugentlige besøg", "De ældre former tilbuddet",
                "Fællesskaber, ikke kun besøg");
        // Municipality: a got 12 of 20 possible points; civil society: b got 6 of 10.
        assertThat(all).contains("12 point · 60,0 %", "6 point · 60,0 %", "40,0 %");
        assertThat(all).contains("Én person, én stemme ville have givet en anden rækkefølge.");
        assertThat(all).contains("Kvorum", "Prikafstemning", "Lukket i fællesskab");
        // Names sit in table cells, which may wrap a name at its hyphen.
        assertThat(squeezed(all)).contains(squeezed(municipal1.displayName()), squeezed(municipal2.displayName()),
                squeezed(civil1.displayName()), squeezed(f.owner.displayName()),
                squeezed(f.otherModerator.displayName()));
        assertThat(all).contains(record.hash(), record.prevHash());
        for (int page = 1; page <= pages.size(); page++) {
            assertThat(pages.get(page - 1)).contains("side " + page + " af " + pages.size(), workspaceName);
        }
    }

    @Test
    void the_pdf_of_an_adopt_round_reads_back_in_english_with_the_exact_text_and_each_objection() throws Exception {
        long version = savedVersion();
        long id = open(RoundDraft.adopt("Adopt the purpose", version, DecisionRule.CONSENT).withSecret(false));
        vote(municipal1, id, Vote.YES, null);
        vote(municipal2, id, Vote.YES, null);
        vote(civil1, id, Vote.OBJECT, "The elderly are not in the steering group");
        closeJointly(id);
        RecordView record = record(id);
        assertThat(record.outcome()).isEqualTo(Outcome.REJECTED);

        List<String> pages = pdfPages(id, Messages.ENGLISH);
        String all = String.join(" ", pages);
        assertThat(pages).hasSizeGreaterThan(1);
        for (int page = 1; page <= pages.size(); page++) {
            assertThat(pages.get(page - 1)).contains("page " + page + " of " + pages.size(), workspaceName);
        }
        assertThat(all).contains(workspaceName, "Decision record no. 1: Adopt the purpose", "Outcome: Rejected",
                "Version: Udkast ét", "The text voted on, which was not adopted:", "Consent");
        String body = String.join(" ", pages.stream().map(this::withoutFooter).toList());
        assertThat(body).contains(flat(statementText(version)).strip());
        // Table cells read back without white space between them.
        assertThat(squeezed(all)).contains(squeezed("Objections"),
                squeezed("Civilsamfund " + civil1.displayName() + " The elderly are not in the steering group"));
        // Consent decides by objections alone: the record says so, with no support figure it never used.
        assertThat(all).contains("Consent: blocked by an objection, so the text is not adopted.")
                .doesNotContain("support is", "support would be");
        assertThat(all).contains(record.hash());
    }

    @Test
    void the_pdf_says_when_head_count_would_have_decided_otherwise() throws Exception {
        long version = savedVersion();
        long id = open(RoundDraft.adopt("Vedtag formålet", version, DecisionRule.SIDE_PARITY).withSecret(false));
        vote(municipal1, id, Vote.NO, null);
        vote(municipal2, id, Vote.NO, null);
        vote(civil1, id, Vote.YES, null);
        vote(f.otherModerator, id, Vote.YES, null);
        UserSummary civil2 = join("Civil to", f.civilSideId);
        vote(civil2, id, Vote.NO, null);
        closeJointly(id);
        RecordView record = record(id);
        // Municipality 0/2, civil society 2/3: parity 1/3 against head count 2/5, both reject.
        assertThat(record.headCountDiffers()).isFalse();
        String same = String.join(" ", pdfPages(id, Messages.DANISH));
        assertThat(same).contains("Én person, én stemme ville have givet samme resultat.");

        long dots = closedNamedDots();
        assertThat(record(dots).headCountDiffers()).isTrue();
        String differs = String.join(" ", pdfPages(dots, Messages.ENGLISH));
        assertThat(differs).contains("One person, one vote would have ranked differently.", "Equal weight",
                "One person, one vote");
    }

    // ---- secret rounds ------------------------------------------------------------------------

    @Test
    void a_secret_round_reveals_no_voter_and_no_ballot_in_any_export() throws Exception {
        long dots = open(RoundDraft.dots("Hemmelig prik", List.of(a, b, c), 10, 6, 1).withSecret(true));
        dots(municipal1, dots, Map.of(a, 6, b, 4));
        dots(municipal2, dots, Map.of(c, 3));
        dots(civil1, dots, Map.of(b, 6, c, 4));
        closeJointly(dots);
        long ranking = open(RoundDraft.ranking("Hemmelig rangordning", List.of(a, b, c), 1).withSecret(true));
        rank(municipal1, ranking, List.of(c, b, a));
        rank(civil1, ranking, List.of(a));
        closeJointly(ranking);
        long version = savedVersion();
        long adopt = open(RoundDraft.adopt("Hemmelig vedtagelse", version, DecisionRule.SIDE_PARITY).withSecret(true));
        vote(municipal1, adopt, Vote.NO, null);
        vote(municipal2, adopt, Vote.YES, null);
        vote(civil1, adopt, Vote.ABSTAIN, null);
        closeJointly(adopt);
        List<String> voters = List.of(municipal1.displayName(), municipal2.displayName(), civil1.displayName());

        for (long id : List.of(dots, ranking, adopt)) {
            assertThat(as(f.observer, () -> exports.ballotsExportable(f.workspaceId, id))).isFalse();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(keyOf(() -> as(f.owner, () -> {
                exports.writeBallotsCsv(f.workspaceId, id, Messages.DANISH, out);
                return null;
            }))).isEqualTo("error.recordExport.secretBallots");
            assertThat(out.size()).as("nothing written").isZero();
            assertThat(Messages.get(Messages.DANISH, "error.recordExport.secretBallots")).contains("hemmelig");

            String json = new String(json(id), StandardCharsets.UTF_8);
            JsonNode content = JSON.readTree(json).get("content");
            assertThat(content.get("round").get("secret").asBoolean()).isTrue();
            assertThat(content.get("ballots")).isEmpty();
            assertThat(json).doesNotContain("\"voter\"").doesNotContain("\"castAt\"");
            voters.forEach(name -> assertThat(json).doesNotContain(name));

            String pdf = String.join(" ", pdfPages(id, Messages.DANISH));
            assertThat(pdf).contains("Hemmelige stemmer: kun hver sides samlede tal er registreret.");
            voters.forEach(name -> assertThat(squeezed(pdf)).doesNotContain(squeezed(name)));
        }

        // In the whole history the voters are named only as members and for what they did besides
        // voting (joining, proposing); no record and no entry about a round names them.
        JsonNode history = JSON.readTree(bytes(f.observer, out -> historyExports.writeJson(f.workspaceId, out)));
        JsonNode records = history.get("decisionRecords");
        assertThat(records).hasSize(3);
        for (JsonNode r : records) {
            assertThat(r.get("content").get("ballots")).isEmpty();
            voters.forEach(name -> assertThat(r.toString()).doesNotContain(name));
        }
        List<String> places = new ArrayList<>();
        collect(history, "", voters, places);
        assertThat(places).isNotEmpty().allSatisfy(place -> assertThat(place)
                .matches("/members/\\d+/displayName|/timeline/\\d+/(actorName|subjectName)@(?!round\\.)[a-z.]+"));
        assertThat(history.toString()).doesNotContain("\"voter\"").doesNotContain("\"castAt\"");
    }

    /** Where in the document any of the names occurs, as a path (with the kind of a timeline entry). */
    private static void collect(JsonNode node, String path, List<String> names, List<String> places) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                collect(member.getValue(), path + "/" + member.getKey(), names, places);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "/" + i, names, places);
            }
        } else if (node.isString() && names.stream().anyMatch(node.asString()::contains)) {
            places.add(path);
        }
        if (node.isObject() && node.has("kind") && path.startsWith("/timeline/")) {
            for (int i = 0; i < places.size(); i++) {
                if (places.get(i).startsWith(path + "/") && !places.get(i).contains("@")) {
                    places.set(i, places.get(i) + "@" + node.get("kind").asString());
                }
            }
        }
    }

    @Test
    void a_named_round_may_export_its_ballots() {
        long id = closedNamedDots();
        assertThat(as(f.observer, () -> exports.ballotsExportable(f.workspaceId, id))).isTrue();
    }

    // ---- names, access and state --------------------------------------------------------------

    @Test
    void file_names_carry_the_workspace_the_word_for_record_in_the_readers_language_and_the_number() {
        closedNamedDots();
        long id = closedNamedRanking();
        assertThat(as(f.observer, () -> exports.fileName(f.workspaceId, id, Messages.DANISH, "pdf")))
                .isEqualTo(slug + "-beslutningsprotokol-2.pdf");
        assertThat(as(f.observer, () -> exports.fileName(f.workspaceId, id, Locale.UK, "json")))
                .isEqualTo(slug + "-decision-record-2.json");
        assertThat(as(f.observer, () -> exports.fileName(f.workspaceId, id, Messages.DANISH, "csv")))
                .isEqualTo(slug + "-beslutningsprotokol-2-stemmer.csv");
        assertThat(as(f.observer, () -> exports.fileName(f.workspaceId, id, Messages.ENGLISH, "csv")))
                .isEqualTo(slug + "-decision-record-2-ballots.csv");
    }

    @Test
    void outsiders_members_of_other_workspaces_and_rounds_of_other_workspaces_get_nothing() {
        long id = closedNamedDots();
        for (UserSummary stranger : List.of(f.outsider, f.otherWorkspaceOwner)) {
            refusedEverywhere(stranger, f.workspaceId, id);
        }
        // The other workspace's owner asking through their own workspace for this round.
        refusedEverywhere(f.otherWorkspaceOwner, f.otherWorkspaceId, id);
    }

    @Test
    void a_round_that_has_not_closed_has_no_record_to_export() {
        long open = open(RoundDraft.dots("Stadig åben", List.of(a, b), 10, 5, 1));
        dots(municipal1, open, Map.of(a, 5));
        long draft = as(f.owner, () -> rounds.create(f.workspaceId, RoundDraft.dots("Udkast", List.of(a, b), 10, 5,
                1)));
        refusedEverywhere(f.owner, f.workspaceId, open);
        refusedEverywhere(f.owner, f.workspaceId, draft);
        refusedEverywhere(f.owner, f.workspaceId, 999_999_999L);
    }

    private void refusedEverywhere(UserSummary who, long workspaceId, long roundId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Callable<?>> calls = List.of(
                () -> exports.fileName(workspaceId, roundId, Messages.DANISH, "pdf"),
                () -> {
                    exports.writePdf(workspaceId, roundId, Messages.DANISH, out);
                    return null;
                },
                () -> {
                    exports.writeJson(workspaceId, roundId, out);
                    return null;
                },
                () -> {
                    exports.writeBallotsCsv(workspaceId, roundId, Messages.ENGLISH, out);
                    return null;
                },
                () -> exports.ballotsExportable(workspaceId, roundId));
        for (Callable<?> call : calls) {
            assertThat(keyOf(() -> as(who, call))).isEqualTo("error.notFoundOrNoAccess");
        }
        assertThat(out.size()).as("nothing written").isZero();
    }

    // ---- a small RFC 4180 reader --------------------------------------------------------------

    /**
     * Reads CSV as RFC 4180 defines it, and strictly: a UTF-8 byte order mark first, records ending
     * in CRLF, fields quoted with doubled quotes inside, and no bare line break outside quotes.
     */
    static List<List<String>> readCsv(byte[] file) {
        assertThat(file).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(file, 3, file.length - 3, StandardCharsets.UTF_8);
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        Iterator<Character> chars = text.chars().mapToObj(ch -> (char) ch).iterator();
        Character pending = null;
        while (pending != null || chars.hasNext()) {
            char ch = pending != null ? pending : chars.next();
            pending = null;
            if (quoted) {
                if (ch == '"') {
                    Character next = chars.hasNext() ? chars.next() : null;
                    if (next != null && next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        pending = next;
                    }
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                assertThat(field).as("a quote opens a field or nothing").isEmpty();
                assertThat(wasQuoted).isFalse();
                quoted = true;
                wasQuoted = true;
            } else if (ch == ',') {
                row.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (ch == '\r') {
                assertThat(chars.hasNext() ? chars.next() : null).as("CR ends a record only with LF").isEqualTo('\n');
                row.add(field.toString());
                rows.add(row);
                row = new ArrayList<>();
                field.setLength(0);
                wasQuoted = false;
            } else {
                assertThat(ch).as("a line break outside quotes").isNotEqualTo('\n');
                assertThat(wasQuoted).as("nothing after a closing quote but a separator").isFalse();
                field.append(ch);
            }
        }
        assertThat(quoted).as("every quote closed").isFalse();
        assertThat(row).as("the last record ends with CRLF").isEmpty();
        assertThat(field).isEmpty();
        for (List<String> r : rows) {
            assertThat(r).as("every record has as many fields as the header").hasSameSizeAs(rows.getFirst());
        }
        return rows;
    }
}
