package dk.ligevaerd.round;

import dk.ligevaerd.support.Postgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same figures on PostgreSQL; see {@link RoundBenchmark} for how to run them. */
@Tag("benchmark")
@ExtendWith(Postgres.class)
class PostgresRoundBenchmark extends RoundBenchmark {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        String url = Postgres.freshDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", Postgres::user);
        registry.add("spring.datasource.password", Postgres::password);
        Postgres.fewIdleConnections(registry);
    }

    @Override
    String database() {
        return "PostgreSQL " + Postgres.HOST_URL;
    }
}
