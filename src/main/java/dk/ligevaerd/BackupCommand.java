package dk.ligevaerd;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * {@code java -jar ligevaerd.jar --backup=<file.zip>}: an online backup of the embedded H2 database
 * while the application runs, for the operator at the command line (docs/operations.md, "Backup").
 *
 * <p>The running application holds the database file locked, so no second process can open it.
 * With {@code AUTO_SERVER=TRUE} in the database URL (the default), H2 lets a second process in
 * through a TCP server that the first one runs for its own file: this command opens the same URL,
 * is handed to the running application that way (or opens the file itself when nothing runs), and
 * asks H2 for {@code BACKUP TO}, a consistent copy of the database file taken while others keep
 * writing. The running application writes the zip, so the path must be one it may write to; it is
 * made absolute here, since the application may run from another directory.
 *
 * <p>The command reads the database settings the way the application does (application.properties,
 * environment variables such as {@code SPRING_DATASOURCE_URL}, {@code --spring.datasource.url=…}),
 * but starts nothing else. On PostgreSQL it refuses and names {@code pg_dump}.
 */
final class BackupCommand {

    static final String OPTION = "--backup=";

    private BackupCommand() {
    }

    static Optional<String> target(String[] args) {
        return Arrays.stream(args).filter(a -> a.startsWith(OPTION)).map(a -> a.substring(OPTION.length()))
                .findFirst();
    }

    /** Runs the backup and returns the process's exit code (0 when the zip was written). */
    static int run(String target, String[] args, PrintStream out) {
        Database database = Database.of(args);
        String url = database.url();
        String user = database.user();
        String password = database.password();
        if (url.startsWith("jdbc:postgresql:")) {
            out.println("The database is PostgreSQL: back it up with pg_dump (docs/operations.md, \"Backup\").");
            return 2;
        }
        if (!url.startsWith("jdbc:h2:file:")) {
            out.println("--backup works on the embedded H2 database (jdbc:h2:file:…), not on " + url);
            return 2;
        }
        Path file = Path.of(target).toAbsolutePath().normalize();
        if (Files.exists(file)) {
            out.println("Not overwriting " + file + ": choose a new file name.");
            return 2;
        }
        if (file.getParent() != null && !Files.isDirectory(file.getParent())) {
            out.println("The folder " + file.getParent() + " does not exist.");
            return 2;
        }
        // IFEXISTS: a mistyped URL must not quietly create an empty database and back that up.
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("BACKUP TO '" + file.toString().replace("'", "''") + "'");
        } catch (SQLException e) {
            out.println(explain(e, url));
            return 1;
        }
        if (!Files.exists(file)) {
            out.println("The database reported success but " + file + " is not there: the running application "
                    + "wrote it relative to its own file system; check that both see the same path.");
            return 1;
        }
        out.println("Backed up " + url + " to " + file);
        return 0;
    }

    /** The database settings, read the way the application reads them, without starting it. */
    record Database(String url, String user, String password) {

        static Database of(String[] args) {
            SpringApplication settings = new SpringApplication(Settings.class);
            settings.setWebApplicationType(WebApplicationType.NONE);
            settings.setLogStartupInfo(false);
            settings.setDefaultProperties(Map.of("ligevaerd.database-check.enabled", "false"));
            try (ConfigurableApplicationContext context = settings.run(args)) {
                Environment environment = context.getEnvironment();
                return new Database(environment.getProperty("spring.datasource.url", ""),
                        environment.getProperty("spring.datasource.username", ""),
                        environment.getProperty("spring.datasource.password", ""));
            }
        }

        /** Opens it; an H2 file must already exist (IFEXISTS), so a mistyped URL creates nothing. */
        Connection connect() throws SQLException {
            return DriverManager.getConnection(url.startsWith("jdbc:h2:") ? url + ";IFEXISTS=TRUE" : url, user, password);
        }
    }

    /** The empty context that only reads the settings. */
    static class Settings {
    }

    static String explain(SQLException e, String url) {
        String first = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        return switch (e.getErrorCode()) {
            // DATABASE_ALREADY_OPEN_1
            case 90020 -> "The database is in use by a running Ligeværd started without AUTO_SERVER=TRUE in its URL "
                    + "(" + url + "). Restart it with AUTO_SERVER=TRUE (the default URL has it), or stop it and "
                    + "run the backup then.";
            // DATABASE_NOT_FOUND_WITH_IF_EXISTS_1
            case 90146 -> "There is no database at " + url + ": check spring.datasource.url and the directory you "
                    + "run this from (a relative ./data is relative to it).";
            default -> "Backup failed: " + first;
        };
    }
}
