package dk.ligevaerd.account;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import dk.ligevaerd.account.ui.LoginView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

@Configuration
@EnableWebSecurity
class SecurityConfig {

    /** Cost 10 in production; tests lower it through the property to keep fixtures fast. */
    @Bean
    PasswordEncoder passwordEncoder(@Value("${ligevaerd.security.bcrypt-strength:10}") int strength) {
        return new BCryptPasswordEncoder(strength);
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        // Must come before Vaadin's configurer, which ends with anyRequest().denyAll().
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/styles.css", "/images/**", "/favicon.ico").permitAll());
        // The live editor's WebSocket (statement module): logged-in users only; the endpoint itself
        // checks the Origin and the workspace membership.
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/collab/**").authenticated());
        // Spring Security's default session-fixation protection gives every login a new session id.
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class));
        return http.build();
    }
}
