package dk.ligevaerd.demo;

import java.util.Locale;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether the demo workspace, with its published password, may be built: {@code
 * ligevaerd.demo.enabled} decides when it is set; unset, only on the embedded H2 database (the
 * README's first command), never on PostgreSQL or any other real database.
 */
class DemoSwitch extends SpringBootCondition {

    static final String PROPERTY = "ligevaerd.demo.enabled";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return enabled(context.getEnvironment())
                ? ConditionOutcome.match("demo workspace on (" + why(context.getEnvironment()) + ")")
                : ConditionOutcome.noMatch("demo workspace off (" + why(context.getEnvironment()) + ")");
    }

    static boolean enabled(Environment environment) {
        String explicit = environment.getProperty(PROPERTY);
        if (explicit != null && !explicit.isBlank()) {
            return Boolean.parseBoolean(explicit.strip());
        }
        return isH2(environment.getProperty("spring.datasource.url", ""));
    }

    static boolean isH2(String url) {
        return url.strip().toLowerCase(Locale.ROOT).startsWith("jdbc:h2:");
    }

    private static String why(Environment environment) {
        return environment.getProperty(PROPERTY) != null ? PROPERTY + "=" + environment.getProperty(PROPERTY)
                : PROPERTY + " unset, datasource " + (isH2(environment.getProperty("spring.datasource.url", ""))
                        ? "is" : "is not") + " the embedded H2";
    }
}
