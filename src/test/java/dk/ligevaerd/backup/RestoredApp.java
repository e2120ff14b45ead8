package dk.ligevaerd.backup;

import static dk.ligevaerd.support.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;

import dk.ligevaerd.Application;
import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.history.HistoryVerification;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the application on a restored database and checks that its history is whole. */
public final class RestoredApp {

    private RestoredApp() {
    }

    /** The application on {@code url}, with no demo data of its own, on free ports. */
    public static ConfigurableApplicationContext start(String url, String user, String password) {
        return start(url, user, password, "false");
    }

    /** The application on {@code url} on free ports; {@code demo} says whether an empty database gets the demo. */
    public static ConfigurableApplicationContext start(String url, String user, String password, String demo) {
        // As command-line arguments: they outrank the test classpath's own application.properties.
        return new SpringApplicationBuilder(Application.class).run(
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password,
                "--ligevaerd.demo.enabled=" + demo,
                "--ligevaerd.rounds.auto-close.enabled=false",
                "--server.port=0",
                "--management.server.port=0");
    }

    /**
     * Runs "verify history" on every workspace as one of its members and returns the workspaces'
     * ids; each must come out intact.
     */
    public static List<Long> verifyEveryWorkspace(ConfigurableApplicationContext app) throws SQLException {
        var verification = app.getBean(HistoryVerification.class);
        var accounts = app.getBean(AccountService.class);
        List<Long> ids = new ArrayList<>();
        List<long[]> members = new ArrayList<>();
        try (Connection c = app.getBean(DataSource.class).getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select w.id, min(m.user_id) from workspace w "
                        + "join membership m on m.workspace_id = w.id group by w.id order by w.id")) {
            while (rs.next()) {
                members.add(new long[] {rs.getLong(1), rs.getLong(2)});
            }
        }
        for (long[] member : members) {
            var user = accounts.summaries(List.of(member[1])).get(member[1]);
            var results = as(user, () -> verification.verify(member[0]));
            assertThat(results).as("checks of workspace " + member[0]).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.problems()).as(r.nameKey()).isEmpty());
            ids.add(member[0]);
        }
        return ids;
    }

    /** Every table of the application's schema with its number of rows. */
    public static Map<String, Long> rowCounts(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String schema = rs.getString("TABLE_SCHEM");
                if (schema != null && (schema.equalsIgnoreCase("public"))) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
        }
        Map<String, Long> counts = new TreeMap<>();
        try (Statement s = c.createStatement()) {
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("select count(*) from \"" + table + "\"")) {
                    rs.next();
                    counts.put(table.toLowerCase(Locale.ROOT), rs.getLong(1));
                }
            }
        }
        return counts;
    }
}
