package dk.ligevaerd.statement.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A short load of 100 simulated editors on the demo statement, run in every build: it fails on
 * correctness only — every editor connects and receives the text, no acknowledged change is lost,
 * and every copy ends equal to the server's. Timing is left to {@link CollabBenchmark}, since a
 * shared build machine cannot promise any.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ligevaerd.demo.enabled=true", "spring.datasource.url=jdbc:h2:file:./target/test-db/load-${random.uuid}",
        "ligevaerd.live.connections-per-account=1000", "ligevaerd.live.burst-per-account=100000000",
        "ligevaerd.live.messages-per-second-per-account=100000000", "logging.level.dk.ligevaerd.statement=warn"})
class CollabLoadIT {

    static final int EDITORS = 100;

    @LocalServerPort int port;

    @Test
    void a_hundred_editors_all_connect_lose_nothing_and_end_with_the_same_text() throws Exception {
        CollabLoad load = new CollabLoad(URI.create("http://localhost:" + port), 1,
                List.of("kommune1", "kommune2", "kommune3", "civil1", "civil2", "civil3"), "demo", "observer1");
        CollabLoad.NoProbe none = new CollabLoad.NoProbe();

        CollabLoad.Result result = load.run(EDITORS, Duration.ofSeconds(3), Duration.ofSeconds(12), none);

        System.out.printf("CollabLoadIT: %d editors, %d connected, %d changes/s, p95 %.1f ms (not checked), lost %d,"
                + " diverged %d%n", result.editors(), result.connected(), Math.round(result.changesPerSecond()),
                result.p95() / 1000.0, result.lost(), result.diverged());
        assertThat(result.connected()).isEqualTo(EDITORS);
        assertThat(result.changesPerSecond()).isGreaterThan(EDITORS / 4.0);
        assertThat(result.lost()).isZero();
        assertThat(result.diverged()).isZero();
        assertThat(result.errors()).isZero();
    }
}
