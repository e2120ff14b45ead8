package dk.ligevaerd.shared;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TimeConfig {

    /** One clock for the whole application, so tests can move time (invitation expiry). */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
