package dk.ligevaerd.round.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.account.UserSummary;
import dk.ligevaerd.priority.PriorityService;
import dk.ligevaerd.priority.PriorityView;
import dk.ligevaerd.round.RoundDraft;
import dk.ligevaerd.round.RoundService;
import dk.ligevaerd.support.Acting;
import dk.ligevaerd.workspace.WorkspaceDetails;
import dk.ligevaerd.workspace.WorkspaceService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Figures, not a test: how long after a ballot is committed every open browser session on the
 * Rounds tab shows the new count, end to end (commit, live event, each page's refresh on the
 * server, push over the WebSocket, the browser's rendering). Run with
 *
 * <pre>./mvnw -B -q test -Dtest='*Round*Benchmark' -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * Each page notes, with a mutation observer and the machine's clock, when the new count first
 * appears in it; the time runs from just before the ballot's service call to the last page.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ligevaerd.demo.enabled=true", "ligevaerd.rounds.auto-close.enabled=false",
        "spring.datasource.url=jdbc:h2:file:./target/bench-db/rounds-live-${random.uuid}"})
class RoundLiveBenchmark {

    static final List<String> VIEWERS = List.of("kommune1", "kommune2", "kommune3", "civil1", "civil2",
            "observer1");
    static final int SAMPLES = 40;
    /** Members added to the demo workspace to vote; -Dround.benchmark.voters=N changes it. */
    static final int VOTERS = Math.max(SAMPLES + 5, Integer.getInteger("round.benchmark.voters", 200));

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired WorkspaceService workspaces;
    @Autowired PriorityService priorities;
    @Autowired RoundService rounds;
    @Autowired JdbcTemplate jdbc;

    @Test
    void measure() {
        UserSummary kommune1 = accounts.findByUsername("kommune1").orElseThrow();
        long workspaceId = Acting.as(kommune1, () -> workspaces.mine().getFirst().id());
        WorkspaceDetails details = Acting.as(kommune1, () -> workspaces.details(workspaceId));
        long side = details.sides().get(0).id();
        List<Long> options = Acting.as(kommune1, () -> priorities.list(workspaceId)).stream()
                .map(PriorityView::id).limit(3).toList();
        long roundId = Acting.as(kommune1, () -> rounds.create(workspaceId,
                RoundDraft.dots("Live benchmark", options, 5, 5, 1)));
        Acting.run(kommune1, () -> rounds.open(workspaceId, roundId));
        List<UserSummary> voters = voters(workspaceId, side);

        RoundsBrowserIT.Browsers browsers = RoundsBrowserIT.Browsers.launch();
        try {
            List<Page> pages = new ArrayList<>();
            // -Dround.benchmark.pages=N opens fewer pages, to see how the time grows with their number.
            for (String viewer : VIEWERS.subList(0, Math.min(VIEWERS.size(),
                    Integer.getInteger("round.benchmark.pages", VIEWERS.size())))) {
                Page page = browsers.loggedIn("http://localhost:" + port, viewer);
                page.navigate("http://localhost:" + port + "/workspace/" + workspaceId);
                page.locator("#tab-rounds").click();
                assertThat(page.locator("#turnout-" + roundId + "-" + side)).containsText("0 ballots");
                // The page notes, by the same system clock as the test, when each count first appears.
                page.evaluate("""
                        id => {
                          window.__seen = {};
                          const note = () => {
                            const el = document.getElementById(id);
                            const m = el && el.textContent.match(/(\\d+) ballot/);
                            if (m && !(m[1] in window.__seen)) window.__seen[m[1]] = Date.now();
                          };
                          new MutationObserver(note).observe(document.body,
                              {subtree: true, childList: true, characterData: true});
                        }""", "turnout-" + roundId + "-" + side);
                pages.add(page);
            }
            double[] samples = new double[SAMPLES];
            double[] casts = new double[SAMPLES];
            for (int i = 0; i < SAMPLES + 5; i++) {
                UserSummary voter = voters.get(i);
                int expected = i + 1;
                long start = System.currentTimeMillis();
                Acting.run(voter, () -> rounds.castDots(workspaceId, roundId, Map.of(options.getFirst(), 1)));
                double castMillis = System.currentTimeMillis() - start;
                long last = 0;
                for (Page page : pages) {
                    String seen = "window.__seen['" + expected + "']";
                    page.waitForFunction("() => " + seen + " !== undefined");
                    last = Math.max(last, ((Number) page.evaluate("() => " + seen)).longValue());
                }
                // The first few warm up the pages and the server's code paths.
                if (i >= 5) {
                    samples[i - 5] = last - start;
                    casts[i - 5] = castMillis;
                }
            }
            Arrays.sort(samples);
            Arrays.sort(casts);
            String report = String.format(Locale.ROOT, """
                    == Decision rounds, live counts in real browsers: %s, %d cores, load average %.1f ==
                    every one of %d open browser sessions shows the new count after a ballot (%d ballots, \
                    %d members): p50 %.0f ms, p95 %.0f ms, max %.0f ms
                    of which the ballot's own call (it returns once the live event has been handed to every open \
                    page): p50 %.0f ms, p95 %.0f ms
                    """, Instant.now(), Runtime.getRuntime().availableProcessors(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    pages.size(), SAMPLES,
                    details.members().size() + VOTERS, samples[SAMPLES / 2],
                    samples[(int) Math.ceil(SAMPLES * 0.95) - 1], samples[SAMPLES - 1], casts[SAMPLES / 2],
                    casts[(int) Math.ceil(SAMPLES * 0.95) - 1]);
            System.out.println(report);
            try {
                Files.writeString(Path.of("target/benchmark-rounds.txt"), report + "\n", StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                System.err.println("could not write the report: " + e.getMessage());
            }
        } finally {
            browsers.close();
        }
    }

    /** Members of the first side, made directly in the database so that each ballot adds one to its count. */
    private List<UserSummary> voters(long workspaceId, long side) {
        String prefix = "live" + System.nanoTime() % 1_000_000 + "-";
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> users = new ArrayList<>();
        for (int i = 0; i < VOTERS; i++) {
            users.add(new Object[] {prefix + i, "Voter " + i, "{noop}unused", now});
        }
        jdbc.batchUpdate("insert into app_user (username, display_name, password_hash, created_at) values (?, ?, ?, ?)",
                users);
        List<UserSummary> made = jdbc.query("select id, username, display_name from app_user where username like ?"
                + " order by id", (rs, row) -> new UserSummary(rs.getLong(1), rs.getString(2), rs.getString(3)),
                prefix + "%");
        List<Object[]> memberships = new ArrayList<>();
        for (UserSummary user : made) {
            memberships.add(new Object[] {workspaceId, user.id(), side, "PARTICIPANT", false, now, 0L});
        }
        jdbc.batchUpdate("insert into membership (workspace_id, user_id, side_id, role, owner, joined_at, version) "
                + "values (?, ?, ?, ?, ?, ?, ?)", memberships);
        return made;
    }
}
