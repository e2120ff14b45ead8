package dk.ligevaerd.account;

import static dk.ligevaerd.support.Refusals.keyOf;
import static org.assertj.core.api.Assertions.assertThat;

import dk.ligevaerd.support.MutableClock;
import dk.ligevaerd.support.TestClockConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/** Failed logins and registrations are counted in the database and held back, never forever. */
@SpringBootTest(properties = {"ligevaerd.demo.enabled=false",
        "spring.datasource.url=jdbc:h2:file:./target/test-db/throttle-${random.uuid}"})
@Import(TestClockConfig.class)
class SignInThrottleServiceIT {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    @Autowired SignInThrottle throttle;
    @Autowired AccountService accounts;
    @Autowired MutableClock clock;
    @Autowired JdbcTemplate jdbc;

    private final String run = "t" + COUNTER.incrementAndGet() + "-" + System.nanoTime() % 100_000;

    private String account(String name) {
        return run + "-" + name;
    }

    private final String network = "10." + COUNTER.get() % 250 + "." + System.nanoTime() % 250 + ".";

    private String address(int n) {
        return network + n;
    }

    private void fail(String username, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.loginFailed(username, address, null);
        }
    }

    @Test
    void five_failed_logins_hold_the_account_back_for_thirty_seconds_then_doubling_up_to_fifteen_minutes() {
        String anna = account("anna");
        String from = address(1);
        fail(anna, from, 4);
        assertThat(throttle.loginWait(anna, from, null)).isEmpty();

        fail(anna, from, 1);
        assertThat(throttle.loginWait(anna, from, null)).hasValue(Duration.ofSeconds(30));
        assertThat(throttle.loginWait(anna, address(2), null)).as("from anywhere").hasValue(Duration.ofSeconds(30));

        clock.advance(Duration.ofSeconds(31));
        assertThat(throttle.loginWait(anna, from, null)).isEmpty();
        fail(anna, from, 1);
        assertThat(throttle.loginWait(anna, from, null)).hasValue(Duration.ofSeconds(60));

        fail(anna, from, 10);
        assertThat(throttle.loginWait(anna, from, null)).hasValue(Duration.ofMinutes(15));
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(throttle.loginWait(anna, from, null)).as("never longer than 15 minutes").isEmpty();
    }

    @Test
    void a_successful_login_clears_the_account_s_count() {
        String bo = account("bo");
        fail(bo, address(1), 4);
        throttle.loginSucceeded(bo, null);
        fail(bo, address(1), 4);

        assertThat(throttle.loginWait(bo, address(1), null)).isEmpty();
    }

    @Test
    void twenty_failures_from_one_address_hold_back_that_address_whatever_account_it_tries() {
        String from = address(3);
        for (int i = 0; i < SignInThrottle.FREE_ADDRESS_FAILURES; i++) {
            fail(account("guess" + i), from, 1);
        }

        assertThat(throttle.loginWait(account("someone-else"), from, null)).isPresent();
        assertThat(throttle.loginWait(account("someone-else"), address(4), null)).as("other addresses").isEmpty();
    }

    @Test
    void the_owner_s_trusted_browser_gets_past_a_lock_made_by_an_attacker() {
        String cecilie = account("cecilie");
        String trusted = throttle.loginSucceeded(cecilie, null);
        String attacker = address(5);
        fail(cecilie, attacker, 50);
        for (int i = 0; i < SignInThrottle.FREE_ADDRESS_FAILURES; i++) {
            fail(account("x" + i), address(6), 1);
        }

        assertThat(throttle.loginWait(cecilie, attacker, null)).isPresent();
        assertThat(throttle.loginWait(cecilie, address(6), null)).as("her office shares a locked address").isPresent();
        assertThat(throttle.loginWait(cecilie, address(6), trusted)).as("her own browser").isEmpty();
        assertThat(throttle.loginWait(account("dan"), attacker, trusted)).as("the token is hers alone").isPresent();
        assertThat(throttle.loginWait(cecilie, attacker, "made-up-token")).isPresent();
    }

    @Test
    void failures_from_a_trusted_browser_hold_back_that_browser_only() {
        String dorte = account("dorte");
        String trusted = throttle.loginSucceeded(dorte, null);
        for (int i = 0; i < SignInThrottle.FREE_ACCOUNT_FAILURES; i++) {
            throttle.loginFailed(dorte, address(7), trusted);
        }

        assertThat(throttle.loginWait(dorte, address(7), trusted)).isPresent();
        assertThat(throttle.loginWait(dorte, address(8), null)).as("the account itself is not locked").isEmpty();
    }

    @Test
    void an_address_registers_five_accounts_an_hour() {
        String from = address(9);
        for (int i = 0; i < SignInThrottle.REGISTRATIONS_PER_ADDRESS_AND_HOUR; i++) {
            accounts.registerFrom(from, "reg" + i, "Person " + i, "bla-hest-tromme-7");
        }
        long before = jdbc.queryForObject("select count(*) from app_user", Long.class);

        assertThat(keyOf(() -> accounts.registerFrom(from, "reg-more", "One more", "bla-hest-tromme-7")))
                .isEqualTo("error.register.throttled");
        assertThat(jdbc.queryForObject("select count(*) from app_user", Long.class)).isEqualTo(before);
        accounts.registerFrom(address(10), "reg-elsewhere", "Elsewhere", "bla-hest-tromme-7");

        clock.advance(Duration.ofHours(1));
        accounts.registerFrom(from, "reg-later", "Later", "bla-hest-tromme-7");
    }

    @Test
    void refused_input_does_not_use_up_an_address_s_registrations() {
        String from = address(11);
        for (int i = 0; i < 10; i++) {
            assertThat(keyOf(() -> accounts.registerFrom(from, "weak", "Weak", "password1")))
                    .isEqualTo("error.password.common");
        }
        accounts.registerFrom(from, "strong", "Strong", "bla-hest-tromme-7");
    }

    @Test
    void failures_counted_at_the_same_moment_on_many_threads_are_all_counted() throws Exception {
        String erik = account("erik");
        int threads = 8;
        int each = 5;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String from = address(20 + t);
            done.add(pool.submit((Callable<Void>) () -> {
                start.await();
                fail(erik, from, each);
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(jdbc.queryForObject("select attempts from sign_in_throttle where throttle_key = ?", Integer.class,
                "account:" + erik)).isEqualTo(threads * each);
    }
}
