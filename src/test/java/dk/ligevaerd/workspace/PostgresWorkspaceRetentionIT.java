package dk.ligevaerd.workspace;

import dk.ligevaerd.support.Postgres;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The retention rule and its worker on PostgreSQL: its conditional updates under concurrent nodes,
 * its column types, and the deletion cascading through every table there.
 */
@ExtendWith(Postgres.class)
class PostgresWorkspaceRetentionIT extends WorkspaceRetentionIT {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        String url = Postgres.freshDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", Postgres::user);
        registry.add("spring.datasource.password", Postgres::password);
        Postgres.fewIdleConnections(registry);
    }
}
