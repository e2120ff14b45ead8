package dk.ligevaerd.workspace;

import dk.ligevaerd.support.Postgres;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Invitations on PostgreSQL, including the race of several people redeeming one link. */
@ExtendWith(Postgres.class)
class PostgresInvitationServiceIT extends InvitationServiceIT {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        String url = Postgres.freshDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", Postgres::user);
        registry.add("spring.datasource.password", Postgres::password);
        Postgres.fewIdleConnections(registry);
    }
}
