package dk.ligevaerd.shared;

import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TimeConfig {

    /**
     * One clock for the whole application, so tests can move time (invitation expiry). It ticks in
     * microseconds, the precision both databases store, so an instant reads back exactly as it was
     * written (PostgreSQL would otherwise round nanoseconds, moving an expiry by a fraction).
     */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1000));
    }
}
