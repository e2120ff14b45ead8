package dk.ligevaerd;

import dk.ligevaerd.shared.Messages;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The operator's commands that move a workspace between installations (docs/workspace-move.md):
 * <pre>
 * java -jar ligevaerd.jar --export-workspace=7 --file=vestbyen.ligevaerd
 * java -jar ligevaerd.jar --import-workspace=vestbyen.ligevaerd
 * </pre>
 * Both work against the database in the application's settings, also while it runs (H2 through
 * AUTO_SERVER, as {@link BackupCommand}), and say what happened in one line, in Danish unless
 * {@code --lang=en} or the system's language is English.
 */
final class MoveCommand {

    private MoveCommand() {
    }

    static boolean wanted(String[] args) {
        return option(args, "--export-workspace=").isPresent() || option(args, "--import-workspace=").isPresent();
    }

    static int run(String[] args, PrintStream out) {
        Locale locale = option(args, "--lang=").map(Locale::forLanguageTag).orElse(Locale.getDefault());
        BackupCommand.Database database = BackupCommand.Database.of(args);
        Optional<String> export = option(args, "--export-workspace=");
        try (Connection connection = database.connect()) {
            if (export.isPresent()) {
                long id;
                try {
                    id = Long.parseLong(export.get());
                } catch (NumberFormatException e) {
                    out.println(Messages.get(locale, "move.noSuchWorkspace", export.get()));
                    return 2;
                }
                Optional<String> file = option(args, "--file=");
                if (file.isEmpty()) {
                    out.println("--export-workspace needs --file=<where to write it>");
                    return 2;
                }
                Path target = Path.of(file.get());
                if (Files.exists(target)) {
                    out.println(Messages.get(locale, "move.fileExists", target.toAbsolutePath().toString()));
                    return 2;
                }
                byte[] bytes = WorkspaceMove.export(connection, id);
                Files.write(target, bytes);
                out.println(Messages.get(locale, "move.exported", Long.toString(id),
                        target.toAbsolutePath().toString()));
                return 0;
            }
            Path source = Path.of(option(args, "--import-workspace=").orElseThrow());
            if (!Files.isRegularFile(source)) {
                out.println(Messages.get(locale, "move.noFile", source.toAbsolutePath().toString()));
                return 2;
            }
            WorkspaceMove.Imported imported = WorkspaceMove.importFile(connection, Files.readAllBytes(source));
            out.println(Messages.get(locale, "move.imported", Long.toString(imported.workspaceId()), imported.name(),
                    Integer.toString(imported.rows())));
            return 0;
        } catch (WorkspaceMove.Refused refused) {
            out.println(Messages.get(locale, refused.key, refused.arguments));
            return 1;
        } catch (SQLException e) {
            out.println(BackupCommand.explain(e, database.url()));
            return 1;
        } catch (IOException e) {
            out.println(e.getMessage());
            return 1;
        }
    }

    private static Optional<String> option(String[] args, String prefix) {
        return Arrays.stream(args).filter(a -> a.startsWith(prefix)).map(a -> a.substring(prefix.length())).findFirst();
    }
}
