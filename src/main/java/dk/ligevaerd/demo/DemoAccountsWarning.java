package dk.ligevaerd.demo;

import dk.ligevaerd.account.AccountService;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says loudly at every start when the demo accounts exist, whether or not the demo is switched on
 * now: their password is published in the README, so on a real installation anyone could log in
 * as the demo moderators.
 */
@Component
class DemoAccountsWarning {

    static final List<String> DEMO_USERNAMES = List.of("kommune1", "kommune2", "kommune3", "civil1", "civil2",
            "civil3", "observer1");
    private static final Logger log = LoggerFactory.getLogger(DemoAccountsWarning.class);

    private final AccountService accounts;

    DemoAccountsWarning(AccountService accounts) {
        this.accounts = accounts;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        check();
    }

    /** The demo accounts found, after warning about them. */
    List<String> check() {
        List<String> found = DEMO_USERNAMES.stream().filter(u -> accounts.findByUsername(u).isPresent()).toList();
        if (!found.isEmpty()) {
            log.warn("""

                    ************************************************************************
                    *  DEMO ACCOUNTS EXIST: {}
                    *  Their password ("{}") is published in the README: anyone can log in
                    *  as them. Fine for trying the product on the embedded H2 database;
                    *  on a real installation start from an empty database with
                    *  ligevaerd.demo.enabled=false (the default on PostgreSQL).
                    ************************************************************************""",
                    String.join(", ", found), DemoData.PASSWORD);
        }
        return found;
    }
}
