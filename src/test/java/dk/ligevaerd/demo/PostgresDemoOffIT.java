package dk.ligevaerd.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.support.Postgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** On PostgreSQL, with the demo switch left unset, a first start builds no demo accounts. */
@ExtendWith(Postgres.class)
@SpringBootTest
class PostgresDemoOffIT {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        String url = Postgres.freshDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", Postgres::user);
        registry.add("spring.datasource.password", Postgres::password);
        Postgres.fewIdleConnections(registry);
    }

    @Autowired AccountService accounts;
    @Autowired DemoAccountsWarning warning;

    @Test
    void a_first_start_on_postgresql_builds_no_demo_workspace_unless_asked() {
        assertThat(accounts.hasAnyAccount()).isFalse();
        assertThat(accounts.findByUsername("kommune1")).isEmpty();
        assertThat(warning.check()).isEmpty();
    }
}
