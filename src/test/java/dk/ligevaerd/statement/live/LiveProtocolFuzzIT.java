package dk.ligevaerd.statement.live;

import static dk.ligevaerd.support.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;

import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.statement.CollabService;
import dk.ligevaerd.statement.LiveSnapshot;
import dk.ligevaerd.statement.PushOutcome;
import dk.ligevaerd.workspace.InvitationService;
import dk.ligevaerd.workspace.WorkspaceFixture;
import dk.ligevaerd.workspace.WorkspaceService;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Hostile and broken messages sent to the live endpoint by a logged-in participant: each one is
 * refused with an error to that connection alone, the stored text stays as it was, and another
 * editor connected at the same time notices nothing and keeps working.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ligevaerd.demo.enabled=false", "spring.datasource.url=jdbc:h2:file:./target/test-db/fuzz-${random.uuid}",
        "logging.level.dk.ligevaerd.statement=error"})
class LiveProtocolFuzzIT {

    private static final String TEXT = "Fælles formål";
    /** Messages per hostile connection, below the burst it may send before being rate-limited. */
    private static final int PER_CONNECTION = 40;

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired WorkspaceService workspaces;
    @Autowired InvitationService invitations;
    @Autowired CollabService collab;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    WorkspaceFixture f;
    URI base;
    HttpClient hostileLogin;
    LiveTestClient bystander;
    LiveTestClient hostile;
    int sentOnHostile;
    final List<LiveTestClient> open = new ArrayList<>();

    @BeforeEach
    void fixture() throws Exception {
        f = new WorkspaceFixture(accounts, workspaces, invitations);
        base = URI.create("http://localhost:" + port);
        assertThat(as(f.owner, () -> collab.edit(f.workspaceId, "setup", 0, 0, TEXT)))
                .isEqualTo(new PushOutcome.Accepted(1));
        bystander = connect(LiveTestClient.login(base, f.otherModerator.username(), "bla-hest-tromme-7"));
        hostileLogin = LiveTestClient.login(base, f.participant.username(), "bla-hest-tromme-7");
        hostile = connect(hostileLogin);
    }

    @AfterEach
    void closeClients() {
        open.forEach(LiveTestClient::close);
    }

    private LiveTestClient connect(HttpClient login) throws Exception {
        LiveTestClient client = LiveTestClient.to(base, f.workspaceId).as(login).connect();
        open.add(client);
        client.next("welcome");
        return client;
    }

    /** Sends one message on a hostile connection and returns the answer to it. */
    private JsonNode answerTo(String message) throws Exception {
        if (sentOnHostile == PER_CONNECTION) {
            hostile.close();
            hostile = connect(hostileLogin);
            sentOnHostile = 0;
        }
        sentOnHostile++;
        hostile.send(message);
        JsonNode answer = hostile.next(m -> !List.of("joined", "left").contains(m.path("type").asString()));
        if (answer.path("code").asString().equals(LiveSocketHandler.RATE_LIMITED)) {
            // The account's rate is shared by all its connections, so a new connection does not
            // refill it: wait for it, as an editor does, and send the same message again.
            Thread.sleep(1_100);
            sentOnHostile--;
            return answerTo(message);
        }
        return answer;
    }

    private void assertNothingChanged() throws Exception {
        LiveSnapshot now = as(f.owner, () -> collab.snapshot(f.workspaceId));
        assertThat(now.text()).isEqualTo(TEXT);
        assertThat(now.version()).isEqualTo(1);
        // The bystander still works, and nothing but the comings and goings of others reached it.
        bystander.send("{\"type\":\"push\",\"version\":1,\"updates\":[{\"clientID\":\"by\",\"changes\":[13,[0,\"!\"]]}]}");
        bystander.next("ack");
        assertThat(bystander.received()).extracting(m -> m.path("type").asString())
                .allMatch(type -> List.of("welcome", "joined", "left", "updates", "ack").contains(type));
        assertThat(bystander.received()).filteredOn(m -> m.path("type").asString().equals("updates"))
                .allSatisfy(m -> assertThat(m.path("updates").get(0).path("clientID").asString()).isEqualTo("by"));
        assertThat(as(f.owner, () -> collab.snapshot(f.workspaceId)).text()).isEqualTo(TEXT + "!");
    }

    static List<String> hostileMessages() {
        String lengthOk = "[13,[0,\"x\"]]";
        List<String> messages = new ArrayList<>(List.of(
                "", " ", "null", "42", "\"push\"", "[]", "{}", "{\"type\":42}", "{\"type\":null}",
                "{\"type\":\"launch\"}", "{\"type\":\"push\"}", "{\"type\":\"push\",\"version\":1}",
                "{\"type\":\"ping\"} {\"type\":\"ping\"}", "{\"type\":\"push\",", "{\"type\":\"push\"]",
                "{\"type\":\"pull\"}", "{\"type\":\"pull\",\"version\":\"0\"}", "{\"type\":\"pull\",\"version\":-1}",
                "{\"type\":\"pull\",\"version\":2}", "{\"type\":\"pull\",\"version\":1.5}",
                "{\"type\":\"pull\",\"version\":99999999999999999999}",
                "{\"type\":\"presence\"}", "{\"type\":\"presence\",\"ranges\":{}}",
                "{\"type\":\"presence\",\"ranges\":[{\"anchor\":-1,\"head\":0}]}",
                "{\"type\":\"presence\",\"ranges\":[{\"anchor\":0,\"head\":1000000000}]}",
                "{\"type\":\"presence\",\"ranges\":[{\"anchor\":\"0\",\"head\":0}]}",
                "{\"type\":\"presence\",\"ranges\":[" + "{\"anchor\":0,\"head\":0},".repeat(16) + "{\"anchor\":0,\"head\":0}]}",
                "{\"type\":\"" + "x".repeat(100_000) + "\"}",
                "[".repeat(100_000),
                "{\"type\":\"push\",\"type\":\"pull\",\"version\":5}"));
        for (String version : List.of("\"1\"", "1.0", "1e0", "-1", "2", "2147483648", "99999999999999999999", "null",
                "true")) {
            messages.add(push(version, "\"h\"", lengthOk));
        }
        for (String clientId : List.of("42", "\"\"", "\"   \"", "null", "\"" + "c".repeat(65) + "\"")) {
            messages.add(push("1", clientId, lengthOk));
        }
        for (String changes : List.of("\"abc\"", "{}", "null", "[-1]", "[13.5]", "[[]]", "[[0,42]]", "[[\"0\",\"a\"]]",
                "[[0,\"a\\u0000b\"]]", "[13,[0,\"\\u0007\"]]", "[13,[0,\"\\ud800\"]]", "[13,[0,\"a\\nb\"]]",
                "[13,[0,\"a\\rb\"]]", "[14]", "[12]", "[2147483647,2147483647]", "[13,[99999999999]]",
                "[13,[0,\"" + "z".repeat(19_990) + "\"]]")) {
            messages.add(push("1", "\"h\"", changes));
        }
        messages.add("{\"type\":\"push\",\"version\":1,\"updates\":[]}");
        messages.add("{\"type\":\"push\",\"version\":1,\"updates\":{}}");
        messages.add("{\"type\":\"push\",\"version\":1,\"updates\":[42]}");
        messages.add("{\"type\":\"push\",\"version\":1,\"updates\":[{\"clientID\":\"h\"}]}");
        messages.add("{\"type\":\"push\",\"version\":1,\"updates\":[" + "{\"clientID\":\"h\",\"changes\":[13]},".repeat(2000)
                + "{\"clientID\":\"h\",\"changes\":[13]}]}");
        // A valid first change followed by one for the wrong length: the batch is refused whole.
        messages.add("{\"type\":\"push\",\"version\":1,\"updates\":[{\"clientID\":\"h\",\"changes\":[13,[0,\"!\"]]},"
                + "{\"clientID\":\"h\",\"changes\":[13,[0,\"?\"]]}]}");
        return messages;
    }

    private static String push(String version, String clientId, String changes) {
        return "{\"type\":\"push\",\"version\":" + version + ",\"updates\":[{\"clientID\":" + clientId + ",\"changes\":"
                + changes + "}]}";
    }

    @Test
    void every_hostile_message_is_refused_to_its_sender_alone_and_nothing_changes() throws Exception {
        List<String> notRefused = new ArrayList<>();
        for (String message : hostileMessages()) {
            JsonNode answer = answerTo(message);
            if (!answer.path("type").asString().equals("error") || answer.path("message").asString().isBlank()) {
                notRefused.add(abbreviate(message) + " -> " + answer);
            }
        }

        assertThat(notRefused).isEmpty();
        assertNothingChanged();
    }

    @Test
    void randomly_damaged_changes_are_all_refused_and_nothing_changes() throws Exception {
        // Made for version 7 (the text is at 1) and for a text of 20 characters (it has 13): no single
        // damage can repair both, so every message must be refused.
        String template = "{\"type\":\"push\",\"version\":7,\"updates\":[{\"clientID\":\"h\",\"changes\":"
                + "[20,[0,\"<b>formål</b>\",\"\"]]}]}";
        SplittableRandom random = new SplittableRandom(20261127);
        // No lone surrogate here: a WebSocket text frame cannot carry one (it must be UTF-8); the
        // escaped form \ud800 inside JSON is among the hostile messages.
        String alphabet = "{}[]\",:0123456789-.eE \\nutlrsa\u00e6\u00f8\u00e5\u0000";
        List<String> notRefused = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            StringBuilder damaged = new StringBuilder(template);
            int at = random.nextInt(damaged.length());
            switch (random.nextInt(5)) {
                case 0 -> damaged.deleteCharAt(at);
                case 1 -> damaged.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                case 2 -> damaged.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                case 3 -> damaged.setLength(at);
                default -> damaged.insert(at, damaged.substring(at, Math.min(damaged.length(), at + 1 + random.nextInt(12))));
            }
            JsonNode answer = answerTo(damaged.toString());
            if (!answer.path("type").asString().equals("error")) {
                notRefused.add(damaged + " -> " + answer);
            }
        }

        assertThat(notRefused).isEmpty();
        assertNothingChanged();
    }

    @Test
    void a_change_that_splits_an_emoji_or_inserts_direction_controls_or_non_characters_is_refused() throws Exception {
        as(f.owner, () -> collab.edit(f.workspaceId, "setup", 13, 13, " \uD83D\uDE00"));
        bystander.next("updates");
        hostile.next("updates");
        List<String> changes = List.of("[15,[0,\"Z\"],1]", "[15,[1]]", "[14,[1],1]", "[15,[1,\"x\"]]",
                "[16,[0,\"a\\u202eb\"]]", "[16,[0,\"\\u2067\"]]", "[16,[0,\"\\u200f\"]]", "[16,[0,\"\\uffff\"]]",
                "[16,[0,\"\\ufffe\"]]", "[16,[0,\"\\ufdd0\"]]", "[16,[0,\"\\ud83f\\udfff\"]]");
        List<String> notRefused = new ArrayList<>();
        for (String change : changes) {
            JsonNode answer = answerTo(push("2", "\"h\"", change));
            if (!answer.path("code").asString().equals("statement.change.invalidCharacter")
                    || answer.path("message").asString().isBlank()) {
                notRefused.add(change + " -> " + answer);
            }
        }
        JsonNode whole = answerTo(push("2", "\"h\"", "[14,[2,\"\\ud83d\\ude03\"]]"));

        assertThat(notRefused).isEmpty();
        assertThat(whole.path("type").asString()).isIn("updates", "ack");
        hostile.send("{\"type\":\"snapshot\"}");
        assertThat(hostile.next("snapshot").path("text").asString()).isEqualTo(TEXT + " \uD83D\uDE03");
    }

    @Test
    void a_snapshot_of_text_stored_with_half_an_emoji_still_reaches_the_editor() throws Exception {
        as(f.owner, () -> collab.edit(f.workspaceId, "setup", 13, 13, "\uD83D\uDE00"));
        // As the server stored it before positions were checked: "Z" between the two halves.
        long statementId = jdbc.queryForObject("select id from statement where workspace_id = ?", Long.class,
                f.workspaceId);
        jdbc.update("insert into statement_change (statement_id, version, author_id, side_id, client_id, changes,"
                + " accepted_at) values (?, 3, ?, ?, 'old', '[14,[0,\"Z\"],1]', current_timestamp)", statementId,
                f.participant.id(), f.municipalSideId);
        jdbc.update("update statement set version = 3, text = ? where id = ?", TEXT + "\uD83DZ\uDE00", statementId);

        hostile.send("{\"type\":\"snapshot\"}");
        JsonNode snapshot = hostile.next("snapshot");

        assertThat(snapshot.path("version").asInt()).isEqualTo(3);
        assertThat(snapshot.path("text").asString()).isEqualTo(TEXT + "\uFFFDZ\uFFFD");
        assertThat(hostile.isClosed()).isFalse();
    }

    @Test
    void an_oversized_message_is_refused_without_dropping_the_connection() throws Exception {
        String huge = "{\"type\":\"push\",\"version\":1,\"updates\":[{\"clientID\":\"h\",\"changes\":[13,[0,\""
                + "y".repeat(LiveSocketHandler.MESSAGE_MAX_CHARS) + "\"]]}]}";

        hostile.sendInParts(huge, 16 * 1024);
        JsonNode error = hostile.next("error");
        hostile.send("{\"type\":\"ping\"}");

        assertThat(error.path("code").asString()).isEqualTo(LiveSocketHandler.TOO_LARGE);
        assertThat(hostile.next("pong")).isNotNull();
        assertThat(hostile.isClosed()).isFalse();
        assertNothingChanged();
    }

    @Test
    void a_binary_message_is_refused() throws Exception {
        hostile.sendBinary(new byte[] {1, 2, 3});

        assertThat(hostile.next("error").path("code").asString()).isEqualTo("statement.change.malformed");
        assertNothingChanged();
    }

    @Test
    void a_flood_from_one_connection_is_rate_limited_without_disturbing_anyone_else() throws Exception {
        int flood = 400;
        for (int i = 0; i < flood; i++) {
            hostile.send("{\"type\":\"push\",\"version\":1,\"updates\":[{\"clientID\":\"h\",\"changes\":[99]}]}");
        }
        hostile.send("{\"type\":\"snapshot\"}");

        JsonNode limited = hostile.next(m -> m.path("code").asString().equals(LiveSocketHandler.RATE_LIMITED));
        assertThat(limited.path("message").asString()).isNotBlank();
        // Far fewer answers than messages: the refused ones are not even read, and the notice about
        // them is sent at most once a second.
        hostile.send("{\"type\":\"ping\"}");
        assertNothingChanged();
        long errors = hostile.received().stream().filter(m -> m.path("type").asString().equals("error")).count();
        assertThat(errors).isLessThan(flood / 2);
        assertThat(hostile.isClosed()).isFalse();
    }

    private static String abbreviate(String message) {
        return message.length() <= 120 ? message : message.substring(0, 120) + "…(" + message.length() + ")";
    }
}
