package dk.ligevaerd;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.lumo.Lumo;
import com.vaadin.flow.component.dependency.StyleSheet;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Ligeværd: a workspace where a municipality and civil society negotiate, as equals, what a
 * joint initiative is for.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Push
@StyleSheet(Lumo.STYLESHEET)
// Ours, one file per feature (src/main/resources/META-INF/resources/styles/). Order is the cascade:
// a later file wins a tie, and linked-item.css must come last.
@StyleSheet("styles/base.css")
@StyleSheet("styles/workspace.css")
@StyleSheet("styles/priorities.css")
@StyleSheet("styles/history.css")
@StyleSheet("styles/equality.css")
@StyleSheet("styles/rounds.css")
@StyleSheet("styles/records.css")
@StyleSheet("styles/statement.css")
@StyleSheet("styles/discussion.css")
@StyleSheet("styles/linked-item.css")
public class Application implements AppShellConfigurator {

    public static void main(String[] args) {
        // H2's AUTO_SERVER (the default database URL) lets a backup in through a TCP port: only from
        // this machine, unless the operator says otherwise (docs/operations.md, "Backup").
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
        var backup = BackupCommand.target(args);
        if (backup.isPresent()) {
            System.exit(BackupCommand.run(backup.get(), args, System.out));
        }
        if (MoveCommand.wanted(args)) {
            System.exit(MoveCommand.run(args, System.out));
        }
        SpringApplication.run(Application.class, args);
    }
}
