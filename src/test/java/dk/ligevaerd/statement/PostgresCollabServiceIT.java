package dk.ligevaerd.statement;

import dk.ligevaerd.support.Postgres;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same live co-writing rules on PostgreSQL, where the row lock and the primary key of
 * {@code statement_change} are what production relies on between nodes.
 */
@ExtendWith(Postgres.class)
class PostgresCollabServiceIT extends CollabServiceIT {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        String url = Postgres.freshDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", Postgres::user);
        registry.add("spring.datasource.password", Postgres::password);
        Postgres.fewIdleConnections(registry);
    }
}
