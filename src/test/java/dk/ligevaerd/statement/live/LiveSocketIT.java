package dk.ligevaerd.statement.live;

import static dk.ligevaerd.support.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.statement.CollabService;
import dk.ligevaerd.statement.LiveSnapshot;
import dk.ligevaerd.workspace.InvitationService;
import dk.ligevaerd.workspace.WorkspaceFixture;
import dk.ligevaerd.workspace.WorkspaceService;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The live editor's WebSocket end to end, with a real server and a plain Java client: who may
 * connect, what reaches whom, and what a refusal looks like.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ligevaerd.demo.enabled=false", "spring.datasource.url=jdbc:h2:file:./target/test-db/live-${random.uuid}",
        // The product's burst (60) with a slow refill: one account's 80 pings go over it however
        // slowly a loaded machine sends them (at 30 a second a stall of 0.7 s would refill the
        // difference). No other test here sends anywhere near 60 messages from one account.
        "ligevaerd.live.messages-per-second-per-account=1"})
class LiveSocketIT {

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired WorkspaceService workspaces;
    @Autowired InvitationService invitations;
    @Autowired CollabService collab;
    @Autowired dk.ligevaerd.workspace.GovernanceService governance;
    @Autowired org.springframework.boot.web.server.context.WebServerApplicationContext server;

    WorkspaceFixture f;
    URI base;
    final List<LiveTestClient> open = new java.util.ArrayList<>();

    @BeforeEach
    void fixture() {
        f = new WorkspaceFixture(accounts, workspaces, invitations);
        base = URI.create("http://localhost:" + port);
    }

    @AfterEach
    void closeClients() {
        open.forEach(LiveTestClient::close);
    }

    LiveTestClient connect(String username) throws Exception {
        HttpClient http = LiveTestClient.login(base, username, "bla-hest-tromme-7");
        LiveTestClient client = LiveTestClient.to(base, f.workspaceId).as(http).connect();
        open.add(client);
        client.next("welcome");
        return client;
    }

    LiveSnapshot snapshot() {
        return as(f.owner, () -> collab.snapshot(f.workspaceId));
    }

    static String push(int version, String clientId, String changes) {
        return "{\"type\":\"push\",\"version\":" + version + ",\"updates\":[{\"clientID\":\"" + clientId
                + "\",\"changes\":" + changes + "}]}";
    }

    @Test
    void a_change_is_acknowledged_to_its_sender_after_it_reached_everyone_else() throws Exception {
        LiveTestClient writer = connect(f.participant.username());
        LiveTestClient other = connect(f.otherModerator.username());
        LiveTestClient observer = connect(f.observer.username());

        writer.send(push(0, "w1", "[[0,\"Vi vil\",\"mødes.\"]]"));

        JsonNode own = writer.next("updates");
        // Presence news (a peer who joined) may come in between; the next message about the text
        // itself must be the acknowledgement.
        JsonNode afterOwn = writer.next(m -> List.of("ack", "updates", "error").contains(m.path("type").asString()));
        assertThat(afterOwn).isEqualTo(LiveTestClient.JSON.readTree("{\"type\":\"ack\",\"version\":1}"));
        assertThat(own.path("updates").get(0).path("clientID").asString()).isEqualTo("w1");
        for (LiveTestClient c : List.of(other, observer)) {
            JsonNode update = c.next("updates").path("updates").get(0);
            assertThat(update.path("version").asInt()).isEqualTo(1);
            assertThat(update.path("changes").toString()).isEqualTo("[[0,\"Vi vil\",\"mødes.\"]]");
            assertThat(update.path("side").asLong()).isEqualTo(f.municipalSideId);
        }
        assertThat(snapshot().text()).isEqualTo("Vi vil\nmødes.");
    }

    @Test
    void an_anonymous_handshake_is_refused() {
        assertThatThrownBy(() -> LiveTestClient.to(base, f.workspaceId).connect())
                .isInstanceOfSatisfying(LiveTestClient.Refused.class, r -> assertThat(r.status).isIn(302, 401, 403));
    }

    @Test
    void a_page_of_another_site_cannot_open_the_connection() throws Exception {
        HttpClient http = LiveTestClient.login(base, f.participant.username(), "bla-hest-tromme-7");

        assertThatThrownBy(() -> LiveTestClient.to(base, f.workspaceId).as(http).origin("https://evil.example").connect())
                .isInstanceOfSatisfying(LiveTestClient.Refused.class, r -> assertThat(r.status).isEqualTo(403));
        LiveTestClient sameSite = LiveTestClient.to(base, f.workspaceId).as(http).origin(base.toString()).connect();
        open.add(sameSite);
        assertThat(sameSite.next("welcome").path("canEdit").asBoolean()).isTrue();
    }

    @Test
    void a_non_member_is_refused_at_the_handshake() throws Exception {
        HttpClient outsider = LiveTestClient.login(base, f.outsider.username(), "bla-hest-tromme-7");

        assertThatThrownBy(() -> LiveTestClient.to(base, f.workspaceId).as(outsider).connect())
                .isInstanceOfSatisfying(LiveTestClient.Refused.class, r -> assertThat(r.status).isEqualTo(403));
        assertThatThrownBy(() -> LiveTestClient.to(base, 987_654_321L).as(outsider).connect())
                .isInstanceOfSatisfying(LiveTestClient.Refused.class, r -> assertThat(r.status).isEqualTo(403));
    }

    @Test
    void an_observer_follows_live_but_a_change_it_sends_is_refused_to_it_alone() throws Exception {
        LiveTestClient writer = connect(f.participant.username());
        LiveTestClient observer = connect(f.observer.username());
        assertThat(observer.received().getFirst().path("canEdit").asBoolean()).isFalse();

        observer.send(push(0, "o1", "[[0,\"Observatøren skriver\"]]"));
        JsonNode error = observer.next("error");
        writer.send(push(0, "w1", "[[0,\"Deltageren skriver\"]]"));
        writer.next("ack");

        assertThat(error.path("code").asString()).isEqualTo("error.permission.contributor");
        assertThat(error.path("refused").asString()).isEqualTo("push");
        assertThat(observer.next("updates").path("updates").get(0).path("clientID").asString()).isEqualTo("w1");
        assertThat(writer.received()).noneMatch(m -> m.path("type").asString().equals("error"));
        assertThat(snapshot().text()).isEqualTo("Deltageren skriver");
    }

    @Test
    void a_change_made_one_version_behind_is_moved_over_the_newer_one_and_acknowledged() throws Exception {
        LiveTestClient first = connect(f.participant.username());
        LiveTestClient second = connect(f.otherModerator.username());
        first.send(push(0, "a", "[[0,\"Først\"]]"));
        first.next("ack");

        second.send(push(0, "b", "[[0,\"Samtidig \"]]"));

        assertThat(second.next("ack").path("version").asInt()).isEqualTo(2);
        assertThat(snapshot().text()).isEqualTo("FørstSamtidig ");
    }

    @Test
    void an_editor_catches_up_with_a_pull_of_what_it_missed() throws Exception {
        LiveTestClient first = connect(f.participant.username());
        first.send(push(0, "a", "[[0,\"Først\"]]"));
        first.next("ack");
        first.send(push(1, "a", "[5,[0,\".\"]]"));
        first.next("ack");
        LiveTestClient late = connect(f.otherModerator.username());

        late.send("{\"type\":\"pull\",\"version\":0}");
        JsonNode pulled = late.next(m -> m.path("pulled").asBoolean());

        assertThat(pulled.path("updates")).hasSize(2);
        assertThat(pulled.path("updates").get(0).path("version").asInt()).isEqualTo(1);
        assertThat(pulled.path("updates").get(1).path("changes").toString()).isEqualTo("[5,[0,\".\"]]");
    }

    @Test
    void a_pull_from_the_future_is_refused_with_a_translated_message() throws Exception {
        LiveTestClient client = connect(f.participant.username());

        client.send("{\"type\":\"pull\",\"version\":5}");
        JsonNode error = client.next("error");

        assertThat(error.path("code").asString()).isEqualTo("statement.version.future");
        assertThat(error.path("refused").asString()).isEqualTo("pull");
        assertThat(error.path("message").asString()).contains("version 5").contains("version 0");
    }

    @Test
    void a_snapshot_carries_the_text_and_who_wrote_it() throws Exception {
        LiveTestClient municipal = connect(f.participant.username());
        LiveTestClient civil = connect(f.otherModerator.username());
        municipal.send(push(0, "m", "[[0,\"Kommune\"]]"));
        municipal.next("ack");
        civil.next("updates");
        civil.send(push(1, "c", "[7,[0,\" og forening\"]]"));
        civil.next("ack");

        municipal.send("{\"type\":\"snapshot\"}");
        JsonNode snapshot = municipal.next("snapshot");

        assertThat(snapshot.path("text").asString()).isEqualTo("Kommune og forening");
        assertThat(snapshot.path("version").asInt()).isEqualTo(2);
        assertThat(snapshot.path("authorship").toString())
                .isEqualTo("[[7," + f.municipalSideId + "],[12," + f.civilSideId + "]]");
    }

    @Test
    void carets_reach_the_others_with_the_writers_name_and_side_colour_and_the_list_of_who_is_here_follows()
            throws Exception {
        LiveTestClient writer = connect(f.participant.username());
        LiveTestClient other = connect(f.otherModerator.username());
        JsonNode joined = writer.next("joined");
        assertThat(joined.path("peer").path("name").asString()).isEqualTo(f.otherModerator.displayName());
        assertThat(other.received().getFirst().path("peers").findValuesAsString("name"))
                .containsExactlyInAnyOrder(f.participant.displayName(), f.otherModerator.displayName());
        String otherSession = other.received().getFirst().path("session").asString();
        assertThat(joined.path("peer").path("session").asString()).isEqualTo(otherSession);

        writer.send("{\"type\":\"presence\",\"ranges\":[{\"anchor\":0,\"head\":0}]}");
        JsonNode caret = other.next("presence");

        assertThat(caret.path("name").asString()).isEqualTo(f.participant.displayName());
        assertThat(caret.path("side").asString()).isEqualTo("Kommune");
        assertThat(caret.path("colour").asString()).startsWith("#");
        assertThat(caret.path("ranges").toString()).isEqualTo("[{\"anchor\":0,\"head\":0}]");
        String writerSession = writer.received().getFirst().path("session").asString();
        writer.close();
        assertThat(other.next("left").path("session").asString()).isEqualTo(writerSession);
        assertThat(writer.received()).noneMatch(m -> m.path("type").asString().equals("presence"));
    }

    @Test
    void an_arrival_sends_the_others_one_short_notice_not_the_whole_list() throws Exception {
        LiveTestClient first = connect(f.participant.username());
        for (int i = 0; i < 5; i++) {
            connect(f.otherModerator.username());
        }
        LiveTestClient last = connect(f.observer.username());

        List<JsonNode> notices = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            notices.add(first.next(m -> !m.path("type").asString().equals("presence")));
        }
        assertThat(notices).allMatch(m -> m.path("type").asString().equals("joined"));
        assertThat(first.received()).noneMatch(m -> m.path("type").asString().equals("peers"));
        assertThat(last.received().getFirst().path("peers")).hasSize(7);
    }

    @Test
    void a_removed_member_who_never_sends_anything_is_told_and_disconnected_at_once() throws Exception {
        LiveTestClient removed = connect(f.participant.username());
        LiveTestClient staying = connect(f.otherModerator.username());

        dk.ligevaerd.support.Acting.run(f.owner, () -> workspaces.remove(f.workspaceId, f.participant.id()));

        assertThat(removed.next("error").path("code").asString()).isEqualTo("error.notFoundOrNoAccess");
        assertThat(removed.awaitClose()).isEqualTo(1008);
        staying.send(push(0, "s", "[[0,\"Videre\"]]"));
        assertThat(staying.next("ack").path("version").asInt()).isEqualTo(1);
        assertThat(removed.received()).noneMatch(m -> m.path("type").asString().equals("updates"));
    }

    @Test
    void when_both_sides_agree_to_delete_the_workspace_every_socket_in_it_is_closed_though_none_sends() throws Exception {
        LiveTestClient municipal = connect(f.participant.username());
        LiveTestClient civil = connect(f.otherModerator.username());

        f.agree(governance, g -> g.proposeDelete(f.workspaceId));

        assertThat(municipal.awaitClose()).isEqualTo(1008);
        assertThat(civil.awaitClose()).isEqualTo(1008);
    }

    @Test
    void a_member_whose_role_changes_is_disconnected_and_reconnects_with_the_new_standing() throws Exception {
        LiveTestClient client = connect(f.participant.username());

        dk.ligevaerd.support.Acting.run(f.owner, () -> workspaces.assign(f.workspaceId, f.participant.id(),
                dk.ligevaerd.workspace.Role.OBSERVER, null));

        assertThat(client.awaitClose()).isEqualTo(4003);
        LiveTestClient again = connect(f.participant.username());
        assertThat(again.received().getFirst().path("canEdit").asBoolean()).isFalse();
        again.send(push(0, "x", "[[0,\"Som observatør\"]]"));
        assertThat(again.next("error").path("code").asString()).isEqualTo("error.permission.contributor");
        assertThat(snapshot().text()).isEmpty();
    }

    @Test
    void logging_out_closes_the_sockets_of_that_login_though_they_never_send() throws Exception {
        HttpClient http = LiveTestClient.login(base, f.participant.username(), "bla-hest-tromme-7");
        LiveTestClient client = LiveTestClient.to(base, f.workspaceId).as(http).connect();
        open.add(client);
        client.next("welcome");
        LiveTestClient otherLogin = connect(f.participant.username());

        LiveTestClient.logout(base, http);

        assertThat(client.awaitClose()).isEqualTo(1008);
        assertThat(otherLogin.isClosed()).isFalse();
        otherLogin.send("{\"type\":\"ping\"}");
        assertThat(otherLogin.next("pong")).isNotNull();
    }

    @Test
    void an_expired_login_session_closes_its_sockets_though_they_never_send() throws Exception {
        HttpClient http = LiveTestClient.login(base, f.participant.username(), "bla-hest-tromme-7");
        LiveTestClient client = LiveTestClient.to(base, f.workspaceId).as(http).connect();
        open.add(client);
        client.next("welcome");
        LiveTestClient otherLogin = connect(f.participant.username());

        // The container's own expiry, as when the session times out.
        var tomcat = ((org.springframework.boot.tomcat.TomcatWebServer) server.getWebServer()).getTomcat();
        var context = (org.apache.catalina.Context) tomcat.getHost().findChildren()[0];
        context.getManager().findSession(LiveTestClient.sessionCookie(http)).expire();

        assertThat(client.awaitClose()).isEqualTo(1008);
        otherLogin.send("{\"type\":\"ping\"}");
        assertThat(otherLogin.next("pong")).isNotNull();
    }

    @Test
    void one_account_may_have_ten_sockets_open_and_the_eleventh_is_refused_with_a_reason() throws Exception {
        HttpClient http = LiveTestClient.login(base, f.participant.username(), "bla-hest-tromme-7");
        for (int i = 0; i < 10; i++) {
            LiveTestClient client = LiveTestClient.to(base, f.workspaceId).as(http).connect();
            open.add(client);
            client.next("welcome");
        }

        LiveTestClient eleventh = LiveTestClient.to(base, f.workspaceId).as(http).connect();
        open.add(eleventh);

        JsonNode error = eleventh.next("error");
        assertThat(error.path("code").asString()).isEqualTo("statement.live.tooManyConnections");
        assertThat(error.path("message").asString()).contains("10");
        assertThat(eleventh.awaitClose()).isEqualTo(1008);
        open.removeFirst().close();
        LiveTestClient again = LiveTestClient.to(base, f.workspaceId).as(http).connect();
        open.add(again);
        awaitWelcome(again);
    }

    /**
     * Nine open, then eight more at once on eight threads: exactly one gets in. The count is taken
     * and raised under one monitor (without it, several saw nine open and each made it ten).
     */
    @Test
    void sockets_racing_for_the_last_of_ten_places_let_exactly_one_in() throws Exception {
        HttpClient http = LiveTestClient.login(base, f.participant.username(), "bla-hest-tromme-7");
        for (int i = 0; i < 9; i++) {
            LiveTestClient client = LiveTestClient.to(base, f.workspaceId).as(http).connect();
            open.add(client);
            client.next("welcome");
        }
        List<LiveTestClient> racers = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        List<String> firsts = dk.ligevaerd.support.Racing.race(8, () -> {
            LiveTestClient client = LiveTestClient.to(base, f.workspaceId).as(http).connect();
            racers.add(client);
            return client.next();
        });
        open.addAll(racers);
        long welcomed = racers.stream().filter(c -> c.received().getFirst().path("type").asString().equals("welcome"))
                .count();
        assertThat(welcomed).isEqualTo(1);
        assertThat(racers.stream().filter(c -> !c.received().getFirst().path("type").asString().equals("welcome")))
                .hasSize(7)
                .allSatisfy(c -> assertThat(c.received().getFirst().path("code").asString())
                        .isEqualTo("statement.live.tooManyConnections"));
        assertThat(firsts).containsOnly(dk.ligevaerd.support.Racing.STORED);
    }

    @Test
    void the_rate_limit_is_per_account_so_more_sockets_do_not_buy_more_messages() throws Exception {
        LiveTestClient one = connect(f.participant.username());
        LiveTestClient two = connect(f.participant.username());

        for (int i = 0; i < 40; i++) {
            one.send("{\"type\":\"ping\"}");
            two.send("{\"type\":\"ping\"}");
        }

        // Together they sent more than one account's burst (and what refills while they send): some
        // were refused, on either socket. Each socket alone stayed within a burst, so a limit per
        // socket would have refused none.
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        List<JsonNode> all = List.of();
        while (System.nanoTime() < until && all.stream().noneMatch(LiveSocketIT::rateLimited)) {
            Thread.sleep(50);
            all = new java.util.ArrayList<>(one.received());
            all.addAll(two.received());
        }
        assertThat(all).anyMatch(LiveSocketIT::rateLimited);
        assertThat(all.stream().filter(m -> m.path("type").asString().equals("pong")).count()).isLessThan(80);
    }

    static boolean rateLimited(JsonNode message) {
        return message.path("code").asString().equals("statement.live.rateLimited");
    }

    static void awaitWelcome(LiveTestClient client) throws InterruptedException {
        assertThat(client.next("welcome")).isNotNull();
    }
}
