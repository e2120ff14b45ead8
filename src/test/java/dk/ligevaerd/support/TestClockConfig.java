package dk.ligevaerd.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfig {

    /** Primary, so every service that asks for a Clock gets this movable one. */
    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock();
    }
}
