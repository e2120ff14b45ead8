package dk.ligevaerd.notify;

import dk.ligevaerd.support.Postgres;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The notification tests on PostgreSQL, where digest items are claimed with
 * {@code FOR UPDATE SKIP LOCKED} (the race of four workers included).
 */
@ExtendWith(Postgres.class)
class PostgresNotificationMailIT extends NotificationMailIT {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        String url = Postgres.freshDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", Postgres::user);
        registry.add("spring.datasource.password", Postgres::password);
        Postgres.fewIdleConnections(registry);
    }
}
