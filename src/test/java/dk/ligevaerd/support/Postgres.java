package dk.ligevaerd.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The PostgreSQL that the project's machines run on 127.0.0.1:5432 (trust authentication). Each
 * test class gets a database of its own, created fresh; a later run drops it (see
 * {@link #dropLeftoversOnce}).
 *
 * <p>Where no PostgreSQL answers, the tests are skipped with a reason printed to the console;
 * with {@code LIGEVAERD_REQUIRE_POSTGRES=true} (as in CI) they fail instead.
 */
public final class Postgres implements ExecutionCondition {

    private static final String PREFIX = "lv_test_";
    /** A test database's name: the prefix, the id of the process that made it, a random part. */
    private static final Pattern OWN_NAME = Pattern.compile("lv_test_(\\d{1,18})_[a-z0-9]+");
    private static boolean leftoversDropped;

    public static final String HOST_URL = System.getenv().getOrDefault("LIGEVAERD_TEST_POSTGRES_URL",
            "jdbc:postgresql://127.0.0.1:5432/");
    public static final String USER = System.getenv().getOrDefault("LIGEVAERD_TEST_POSTGRES_USER", "postgres");
    private static final String PASSWORD = System.getenv().getOrDefault("LIGEVAERD_TEST_POSTGRES_PASSWORD", "");

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        try (Connection c = DriverManager.getConnection(HOST_URL + "postgres", USER, PASSWORD)) {
            return ConditionEvaluationResult.enabled("PostgreSQL answers at " + HOST_URL);
        } catch (SQLException e) {
            if ("true".equalsIgnoreCase(System.getenv("LIGEVAERD_REQUIRE_POSTGRES"))) {
                throw new IllegalStateException("LIGEVAERD_REQUIRE_POSTGRES is set but PostgreSQL at " + HOST_URL
                        + " does not answer: " + e.getMessage(), e);
            }
            String reason = "SKIPPED: PostgreSQL tests need a server at " + HOST_URL + " (user " + USER + "): "
                    + e.getMessage();
            System.err.println("*** " + reason);
            return ConditionEvaluationResult.disabled(reason);
        }
    }

    /** Creates a new, empty database and returns its JDBC URL. */
    public static String freshDatabase() {
        dropLeftoversOnce();
        String name = PREFIX + ProcessHandle.current().pid() + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(HOST_URL + "postgres", USER, PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return HOST_URL + name;
    }

    /**
     * Drops the test databases of runs that have ended, once per JVM, before the first new one.
     * They are not dropped when their own run ends: JVM shutdown hooks run side by side, so a drop
     * there cut the connections of test contexts that were still closing, and each node of the
     * cluster channel then waited out its send timeout (about half a minute for the suite, past
     * Surefire's limit for a forked JVM to exit). A database whose name carries the id of a live
     * process is another run's and is left alone.
     */
    private static synchronized void dropLeftoversOnce() {
        if (leftoversDropped) {
            return;
        }
        leftoversDropped = true;
        try (Connection c = DriverManager.getConnection(HOST_URL + "postgres", USER, PASSWORD);
                Statement s = c.createStatement()) {
            List<String> ended = new ArrayList<>();
            try (ResultSet names = s.executeQuery("select datname from pg_database where datname like 'lv\\_test\\_%'")) {
                while (names.next()) {
                    String name = names.getString(1);
                    Matcher ours = OWN_NAME.matcher(name);
                    boolean live = ours.matches() && ProcessHandle.of(Long.parseLong(ours.group(1)))
                            .map(ProcessHandle::isAlive).orElse(false);
                    if (!live) {
                        ended.add(name);
                    }
                }
            }
            for (String name : ended) {
                s.execute("drop database if exists " + name + " with (force)");
            }
        } catch (SQLException ignored) {
            // Best effort: a leftover test database is harmless and named as such.
        }
    }

    public static String user() {
        return USER;
    }

    public static String password() {
        return PASSWORD;
    }

    /**
     * A test context's pool on PostgreSQL keeps one idle connection. Spring keeps up to 32 test
     * contexts alive; with ten idle connections each (Hikari's default) the suite ran past the
     * server's 100 connections, and a later context could not even run its migrations.
     */
    public static void fewIdleConnections(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.hikari.minimum-idle", () -> "1");
        registry.add("spring.datasource.hikari.idle-timeout", () -> "10000");
    }
}
