package dk.ligevaerd;

import static dk.ligevaerd.testing.DemoUsers.CIVIL1;
import static dk.ligevaerd.testing.DemoUsers.KOMMUNE1;
import static org.assertj.core.api.Assertions.assertThat;

import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.priority.PriorityService;
import dk.ligevaerd.priority.ValueLens;
import dk.ligevaerd.round.RoundDraft;
import dk.ligevaerd.round.RoundService;
import dk.ligevaerd.testing.RunAs;
import dk.ligevaerd.testing.RunningDemoApp;
import dk.ligevaerd.workspace.InvitationService;
import dk.ligevaerd.workspace.Role;
import dk.ligevaerd.workspace.WorkspaceService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * What operations get (docs/operations.md): probes and Prometheus metrics on the management port
 * only, with no login, and a request id on every response of the users' port.
 */
@RunningDemoApp
class OperationsIT {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Value("${local.server.port}") int port;
    @Value("${local.management.port}") int managementPort;
    @Autowired AccountService accounts;
    @Autowired WorkspaceService workspaces;
    @Autowired InvitationService invitations;
    @Autowired PriorityService priorities;
    @Autowired RoundService rounds;

    @Test
    void liveness_and_readiness_answer_on_the_management_port_without_a_login() throws Exception {
        assertThat(managementPort).isNotEqualTo(port);
        HttpResponse<String> liveness = get(managementPort, "/actuator/health/liveness", Map.of());
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).contains("\"status\":\"UP\"");

        HttpResponse<String> readiness = get(managementPort, "/actuator/health/readiness", Map.of());
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"status\":\"UP\"").contains("\"db\"").contains("\"clusterListening\"");
    }

    @Test
    void the_users_port_has_no_actuator_and_the_management_port_nothing_else() throws Exception {
        for (String path : List.of("/actuator/health", "/actuator/prometheus")) {
            HttpResponse<String> users = get(port, path, Map.of());
            assertThat(users.body()).as(path + " on the users' port").doesNotContain("\"status\":\"UP\"")
                    .doesNotContain("ligevaerd_");
        }
        assertThat(get(managementPort, "/workspaces", Map.of()).statusCode()).isEqualTo(404);
    }

    @Test
    void prometheus_counts_ballots_and_shows_open_rounds_live_delivery_and_pages() throws Exception {
        double ballotsBefore = metric("ligevaerd_ballots_total");
        double openBefore = metric("ligevaerd_rounds_open");

        long roundId = RunAs.user(accounts, KOMMUNE1, () -> {
            long id = workspaces.create("Målt", "", List.of("Kommune", "Civilsamfund"), 0);
            long civil = workspaces.details(id).sides().get(1).id();
            String token = invitations.create(id, civil, Role.MODERATOR, Duration.ofDays(1)).token();
            RunAs.user(accounts, CIVIL1, () -> invitations.accept(token));
            List<Long> options = List.of(priorities.propose(id, "Flere frivillige", "", Set.of(ValueLens.PARTICIPATION)),
                    priorities.propose(id, "Kortere ventetid", "", Set.of(ValueLens.SERVICE_QUALITY)));
            long round = rounds.create(id, RoundDraft.dots("Målt runde", options, 5, 5, 1).withSecret(false));
            rounds.open(id, round);
            rounds.castDots(id, round, Map.of(options.get(0), 3));
            RunAs.user(accounts, CIVIL1, () -> {
                rounds.castDots(id, round, Map.of(options.get(1), 2));
                return null;
            });
            return round;
        });

        assertThat(metric("ligevaerd_ballots_total")).as("two ballots, counted after commit").isEqualTo(ballotsBefore + 2);
        assertThat(metric("ligevaerd_rounds_open")).as("round " + roundId + " is open").isEqualTo(openBefore + 1);
        String scrape = get(managementPort, "/actuator/prometheus", Map.of()).body();
        assertThat(scrape).contains("ligevaerd_live_delivery_seconds_bucket", "ligevaerd_collab_ack_seconds_bucket",
                "ligevaerd_collab_changes_total", "ligevaerd_sessions_open", "ligevaerd_uis_open",
                "ligevaerd_pages_open", "hikaricp_connections_active", "jvm_memory_used_bytes");
    }

    @Test
    void every_response_carries_a_request_id_and_a_sane_given_one_is_kept() throws Exception {
        HttpResponse<String> fresh = get(port, "/login", Map.of());
        assertThat(fresh.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).hasSize(36));
        assertThat(get(port, "/login", Map.of("X-Request-Id", "lb-42.abc")).headers().firstValue("X-Request-Id"))
                .hasValue("lb-42.abc");
        assertThat(get(port, "/login", Map.of("X-Request-Id", "<script>")).headers().firstValue("X-Request-Id"))
                .hasValueSatisfying(id -> assertThat(id).doesNotContain("<"));
    }

    private double metric(String name) throws IOException, InterruptedException {
        String scrape = get(managementPort, "/actuator/prometheus", Map.of()).body();
        Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*})? ([0-9.eE+-]+)$").matcher(scrape);
        assertThat(m.find()).as(name + " in the scrape").isTrue();
        return Double.parseDouble(m.group(2));
    }

    private HttpResponse<String> get(int onPort, String path, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + onPort + path)).GET();
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
