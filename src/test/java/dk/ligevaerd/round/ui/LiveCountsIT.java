package dk.ligevaerd.round.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.account.UserSummary;
import dk.ligevaerd.priority.PriorityService;
import dk.ligevaerd.priority.PriorityView;
import dk.ligevaerd.round.RoundDraft;
import dk.ligevaerd.round.RoundService;
import dk.ligevaerd.support.Acting;
import dk.ligevaerd.testing.VaadinPushClient;
import dk.ligevaerd.workspace.WorkspaceDetails;
import dk.ligevaerd.workspace.WorkspaceService;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Correctness of live counts under a small meeting's load, with no timing asserted: 30 Vaadin
 * sessions open on the Rounds tab (each a real UI on the server, pushed to over WebSocket), 40
 * ballots cast from four threads at once, re-votes among them; every session ends showing each
 * side's true count. The figures are the meeting benchmark's ({@code MeetingBenchmark}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ligevaerd.demo.enabled=true", "ligevaerd.rounds.auto-close.enabled=false",
        "spring.datasource.url=jdbc:h2:file:./target/it-db/live-counts-${random.uuid}"})
class LiveCountsIT {

    private static final int PER_SIDE = 15;
    private static final int SESSIONS = 30;

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired WorkspaceService workspaces;
    @Autowired PriorityService priorities;
    @Autowired RoundService rounds;
    @Autowired JdbcTemplate jdbc;
    @Autowired org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext web;

    @Test
    void every_open_session_ends_showing_each_sides_true_count() throws Exception {
        URI base = URI.create("http://localhost:" + port);
        UserSummary kommune1 = accounts.findByUsername("kommune1").orElseThrow();
        long workspaceId = Acting.as(kommune1, () -> workspaces.mine().getFirst().id());
        WorkspaceDetails details = Acting.as(kommune1, () -> workspaces.details(workspaceId));
        List<Long> options = Acting.as(kommune1, () -> priorities.list(workspaceId)).stream()
                .map(PriorityView::id).limit(3).toList();
        long roundId = Acting.as(kommune1, () -> rounds.create(workspaceId,
                RoundDraft.dots("Counted live", options, 5, 5, 1).withLiveTallies(false)));
        Acting.run(kommune1, () -> rounds.open(workspaceId, roundId));
        List<UserSummary> sideA = members(workspaceId, details.sides().get(0).id(), "a");
        List<UserSummary> sideB = members(workspaceId, details.sides().get(1).id(), "b");

        List<List<MeetingBenchmark.Seen>> seen = new ArrayList<>();
        List<VaadinPushClient> clients = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> opened = new ArrayList<>();
            for (int i = 0; i < SESSIONS; i++) {
                UserSummary who = (i % 2 == 0 ? sideA : sideB).get(i / 2 % PER_SIDE);
                List<MeetingBenchmark.Seen> mine = new CopyOnWriteArrayList<>();
                seen.add(mine);
                opened.add(pool.submit(() -> {
                    String cookie = VaadinPushClient.login(base, who.username(), "demo");
                    clients.add(VaadinPushClient.open(base, cookie, "workspace/" + workspaceId + "/rounds",
                            new MeetingBenchmark.Counts(mine, false)::note));
                    return null;
                }));
            }
            for (Future<?> f : opened) {
                f.get();
            }

            // 40 ballots: every member of side A votes, two-thirds of side B, some of them twice.
            List<UserSummary> voters = new ArrayList<>(sideA);
            voters.addAll(sideB.subList(0, 10));
            voters.addAll(sideA.subList(0, 8));
            voters.addAll(sideB.subList(0, 7));
            List<Future<?>> cast = new ArrayList<>();
            for (int i = 0; i < voters.size(); i++) {
                UserSummary voter = voters.get(i);
                long option = options.get(i % options.size());
                cast.add(pool.submit(() -> Acting.run(voter,
                        () -> rounds.castDots(workspaceId, roundId, Map.of(option, 1 + (int) (option % 3))))));
            }
            for (Future<?> f : cast) {
                f.get();
            }

            try {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> seen.stream()
                        .allMatch(s -> !s.isEmpty() && s.getLast().a() + s.getLast().b() == PER_SIDE + 10
                                && Math.max(s.getLast().a(), s.getLast().b()) == PER_SIDE));
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                // The assertion below names the sessions that did not get there.
            }
            for (int i = 0; i < seen.size(); i++) {
                List<MeetingBenchmark.Seen> s = seen.get(i);
                assertThat(s).as("session %d saw %s", i, s).isNotEmpty();
                // The chips come in the round's order of sides, whichever that is.
                assertThat(List.of(s.getLast().a(), s.getLast().b())).as("session %d saw %s", i, s)
                        .containsExactlyInAnyOrder(PER_SIDE, 10);
            }
        } finally {
            pool.shutdownNow();
            clients.forEach(VaadinPushClient::close);
        }
    }

    /**
     * The buffers each open page's push connection keeps are sized for what goes over it
     * ({@code ui.PushBuffers}, application.properties); the test above shows pushes still arrive
     * whole with them. Fails when a Vaadin or Tomcat upgrade stops these settings from applying.
     */
    @Test
    void a_pages_push_connection_keeps_small_buffers() throws Exception {
        // As Tomcat read it when its WebSocket support was loaded (the field is not public).
        java.lang.reflect.Field frameBuffer = Class.forName("org.apache.tomcat.websocket.Constants")
                .getDeclaredField("DEFAULT_BUFFER_SIZE");
        frameBuffer.setAccessible(true);
        assertThat(frameBuffer.getInt(null)).as("Tomcat's WebSocket frame buffers").isEqualTo(4096);
        org.apache.catalina.connector.Connector connector =
                ((org.springframework.boot.tomcat.TomcatWebServer) web.getWebServer()).getTomcat().getConnector();
        assertThat(connector.getProperty("socket.appReadBufSize")).hasToString("4096");
        assertThat(connector.getProperty("socket.appWriteBufSize")).hasToString("4096");
        jakarta.servlet.ServletContext context = web.getServletContext();
        assertThat(context.getInitParameter("org.apache.tomcat.websocket.textBufferSize")).isEqualTo("1024");
        assertThat(context.getInitParameter("org.apache.tomcat.websocket.binaryBufferSize")).isEqualTo("1024");
        Object atmosphere = null;
        for (String name : java.util.Collections.list(context.getAttributeNames())) {
            if (context.getAttribute(name) instanceof org.atmosphere.cpr.AtmosphereFramework framework) {
                atmosphere = framework;
            }
        }
        assertThat(atmosphere).as("Vaadin's Atmosphere in the servlet context").isNotNull();
        assertThat(((org.atmosphere.cpr.AtmosphereFramework) atmosphere).getAtmosphereConfig()
                .getInitParameter(org.atmosphere.cpr.ApplicationConfig.WEBSOCKET_BUFFER_SIZE)).isEqualTo("1024");
    }

    /** Participants of a side, made straight in the database, who log in with the password "demo". */
    private List<UserSummary> members(long workspaceId, long side, String tag) {
        String prefix = "counted" + tag + System.nanoTime() % 1_000_000 + "-";
        String hash = new BCryptPasswordEncoder(4).encode("demo");
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> users = new ArrayList<>();
        for (int i = 0; i < PER_SIDE; i++) {
            users.add(new Object[] {prefix + i, "Member " + tag + i, hash, now});
        }
        jdbc.batchUpdate("insert into app_user (username, display_name, password_hash, created_at) values (?, ?, ?, ?)",
                users);
        List<UserSummary> made = jdbc.query("select id, username, display_name from app_user where username like ?"
                + " order by id", (rs, row) -> new UserSummary(rs.getLong(1), rs.getString(2), rs.getString(3)),
                prefix + "%");
        List<Object[]> memberships = new ArrayList<>();
        for (UserSummary user : made) {
            memberships.add(new Object[] {workspaceId, user.id(), side, "PARTICIPANT", false, now, 0L});
        }
        jdbc.batchUpdate("insert into membership (workspace_id, user_id, side_id, role, owner, joined_at, version) "
                + "values (?, ?, ?, ?, ?, ?, ?)", memberships);
        return made;
    }
}
