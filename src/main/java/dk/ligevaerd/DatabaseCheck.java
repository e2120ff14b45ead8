package dk.ligevaerd;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Before anything else starts, signs in to a PostgreSQL database once: when it cannot be reached
 * or refuses the login, the start stops with a short report saying what failed and what to check
 * (README, "PostgreSQL"), instead of a context-start stack trace. The embedded H2 database creates
 * its file on demand and needs no check. Registered in {@code META-INF/spring.factories};
 * {@code ligevaerd.database-check.enabled=false} switches it off.
 */
public class DatabaseCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private static final String SECONDS = "10";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        Environment environment = event.getEnvironment();
        String url = environment.getProperty("spring.datasource.url");
        if (url == null || !url.startsWith("jdbc:postgresql:")
                || !environment.getProperty("ligevaerd.database-check.enabled", Boolean.class, true)) {
            return;
        }
        String user = environment.getProperty("spring.datasource.username", "");
        Properties login = new Properties();
        login.setProperty("user", user);
        login.setProperty("password", environment.getProperty("spring.datasource.password", ""));
        login.setProperty("connectTimeout", SECONDS);
        login.setProperty("loginTimeout", SECONDS);
        try (Connection ignored = DriverManager.getConnection(url, login)) {
            // Reached and signed in: the pool will manage too.
        } catch (SQLException refused) {
            throw new Unreachable(url, user, refused);
        }
    }

    /** The database at {@code url} could not be reached, or refused {@code user}. */
    static final class Unreachable extends RuntimeException {

        private final String url;
        private final String user;
        private final @Nullable String sqlState;

        Unreachable(String url, String user, SQLException cause) {
            super("Cannot sign in to the database " + url + " as \"" + user + "\": " + firstLine(cause.getMessage()),
                    cause);
            this.url = url;
            this.user = user;
            this.sqlState = cause.getSQLState();
        }

        private static String firstLine(@Nullable String message) {
            return message == null ? "no reason given" : message.lines().findFirst().orElse(message).strip();
        }
    }

    /** Turns {@link Unreachable} into the report Spring Boot prints in place of a stack trace. */
    public static class Report extends AbstractFailureAnalyzer<Unreachable> {

        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, Unreachable cause) {
            String state = cause.sqlState == null ? "" : cause.sqlState;
            String action;
            if (state.equals("28000") || state.equals("28P01")) {
                action = "Check SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD, and that the role \""
                        + cause.user + "\" exists with that password (README, \"PostgreSQL\": createuser --pwprompt "
                        + cause.user + ").";
            } else if (state.equals("3D000")) {
                action = "Create the database, owned by the application's role (README, \"PostgreSQL\": createdb --owner "
                        + cause.user + " <name>), or correct SPRING_DATASOURCE_URL.";
            } else if (state.startsWith("08")) {
                action = "Check that PostgreSQL runs and accepts connections at the host and port of "
                        + "SPRING_DATASOURCE_URL (" + cause.url + "), and that no firewall is in between.";
            } else {
                action = "Check SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD "
                        + "(README, \"PostgreSQL\").";
            }
            return new FailureAnalysis(cause.getMessage(), action, cause);
        }
    }
}
