package dk.ligevaerd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.ligevaerd.support.Postgres;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The README's PostgreSQL start with a mistake in it stops with a short report naming what to
 * check, not a stack trace: a role that does not exist, and a server that does not answer.
 */
@ExtendWith({Postgres.class, OutputCaptureExtension.class})
class DatabaseCheckIT {

    @Test
    void a_role_that_does_not_exist_stops_the_start_with_what_to_check(CapturedOutput output) {
        assertThatThrownBy(() -> start(Postgres.HOST_URL + "postgres", "ligevaerd_no_such_role"))
                .isInstanceOf(DatabaseCheck.Unreachable.class);
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
                .contains("Cannot sign in to the database " + Postgres.HOST_URL + "postgres as \"ligevaerd_no_such_role\"")
                .contains("role \"ligevaerd_no_such_role\" does not exist")
                .contains("createuser --pwprompt ligevaerd_no_such_role")
                .doesNotContain("\tat org.");
    }

    @Test
    void a_server_that_does_not_answer_stops_the_start_with_what_to_check(CapturedOutput output) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/ligevaerd";
        assertThatThrownBy(() -> start(url, "ligevaerd")).isInstanceOf(DatabaseCheck.Unreachable.class);
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
                .contains("Check that PostgreSQL runs and accepts connections at the host and port of "
                        + "SPRING_DATASOURCE_URL (" + url + ")")
                .doesNotContain("\tat org.");
    }

    private static void start(String url, String user) {
        new SpringApplicationBuilder(Application.class).run("--spring.datasource.url=" + url,
                "--spring.datasource.username=" + user, "--spring.datasource.password=secret",
                "--server.port=0", "--management.server.port=0");
    }
}
