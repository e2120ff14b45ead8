package dk.ligevaerd.deliberation;

import static dk.ligevaerd.support.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;

import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.account.UserSummary;
import dk.ligevaerd.statement.CollabService;
import dk.ligevaerd.statement.LiveSnapshot;
import dk.ligevaerd.statement.bench.CollabLoad;
import dk.ligevaerd.suggestion.SuggestionService;
import dk.ligevaerd.suggestion.SuggestionView;
import dk.ligevaerd.testing.DemoUsers;
import dk.ligevaerd.testing.VaadinPushClient;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Co-editing with a discussion on the text, printed, not asserted on time (docs/performance.md):
 * 100 simulated editors on the demo statement over the WebSocket, first with the demo's few
 * threads and suggestions, then, in the same run, with 300 more open threads on passages of the
 * text and 50 more pending suggested changes — while ten sessions keep the purpose tab open (real
 * Vaadin UIs on the server, driven by {@link VaadinPushClient}), so the server re-checks the
 * suggestions against the text as it changes and every tab redraws what changed. Then the time to
 * open the purpose tab (the two requests a browser sends: the UI's start and its navigation),
 * first right after the edits, when every passage must be carried through them, then again; and
 * the reads of the threads and suggestions on their own. Correctness is checked: everyone
 * connects, nothing is lost, every copy converges, and every thread's passage reads, in the final
 * text, exactly the words it says it marks.
 *
 * <pre>mvnl -q test -Dtest=DeliberationBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * ({@code -Dbench.editors=100 -Dbench.threads=300 -Dbench.suggestions=50 -Dbench.seconds=20 -Dbench.tabs=10})
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ligevaerd.demo.enabled=true", "spring.datasource.url=jdbc:h2:file:./target/test-db/deliberation-bench-${random.uuid}",
        "ligevaerd.live.connections-per-account=1000", "ligevaerd.live.burst-per-account=100000000",
        "ligevaerd.live.messages-per-second-per-account=100000000", "vaadin.devmode.componentTracker.enabled=false",
        "logging.level.dk.ligevaerd=warn"})
class DeliberationBenchmark {

    private static final int EDITORS = Integer.getInteger("bench.editors", 100);
    private static final int THREADS = Integer.getInteger("bench.threads", 300);
    private static final int SUGGESTIONS = Integer.getInteger("bench.suggestions", 50);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 20);
    private static final int TABS = Integer.getInteger("bench.tabs", 10);
    private static final List<String> CONTRIBUTORS = List.of(DemoUsers.KOMMUNE1, DemoUsers.KOMMUNE2,
            DemoUsers.KOMMUNE3, DemoUsers.CIVIL1, DemoUsers.CIVIL2, DemoUsers.CIVIL3);
    private static final Pattern WORD = Pattern.compile("\\p{L}{4,}");
    private static final long WORKSPACE = 1;

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired CollabService collab;
    @Autowired CommentService comments;
    @Autowired SuggestionService suggestions;

    record Opening(double millis, long characters) {
    }

    @Test
    void prints_co_editing_with_and_without_a_discussion_on_the_text_and_the_purpose_tab_opening() throws Exception {
        URI base = URI.create("http://localhost:" + port);
        UserSummary observer = user(DemoUsers.OBSERVER1);
        List<VaadinPushClient> tabs = new ArrayList<>();
        try {
            for (int i = 0; i < TABS; i++) {
                String cookie = VaadinPushClient.login(base, CONTRIBUTORS.get(i % CONTRIBUTORS.size()), DemoUsers.PASSWORD);
                tabs.add(VaadinPushClient.open(base, cookie, "workspace/" + WORKSPACE + "/statement", page -> { }));
            }
            Opening plainOpen = openTab(base);
            double load0 = load();
            CollabLoad.Result without = run(base);
            double load1 = load();

            int demoThreads = as(observer, () -> comments.threads(WORKSPACE)).size();
            long demoSuggestions = as(observer, () -> suggestions.list(WORKSPACE)).stream().filter(SuggestionView::pending).count();
            seed();
            int threadCount = as(observer, () -> comments.threads(WORKSPACE)).size();
            long pendingCount = as(observer, () -> suggestions.list(WORKSPACE)).stream().filter(SuggestionView::pending).count();
            double load2 = load();
            CollabLoad.Result with = run(base);
            double load3 = load();

            Opening firstOpen = openTab(base);
            Opening secondOpen = openTab(base);
            // The reads on their own, each right after a burst of edits (what a tab does first).
            idleEdits(200);
            long t0 = System.nanoTime();
            List<ThreadView> threads = as(observer, () -> comments.threads(WORKSPACE));
            double threadsRead = (System.nanoTime() - t0) / 1e6;
            t0 = System.nanoTime();
            as(observer, () -> suggestions.list(WORKSPACE));
            double suggestionsRead = (System.nanoTime() - t0) / 1e6;

            String text = as(observer, () -> collab.snapshot(WORKSPACE)).text();
            int standing = 0;
            for (ThreadView t : threads) {
                if (t.passage() != null && !t.passage().removed()) {
                    standing++;
                    assertThat(text.substring(t.passage().from(), t.passage().to())).as("thread %d", t.id())
                            .isEqualTo(t.passage().wording());
                }
            }

            System.out.println();
            System.out.printf(Locale.ROOT, "DeliberationBenchmark: %d editors, %d s measured each, %d purpose tabs open"
                    + " throughout; %d cores%n", EDITORS, SECONDS, TABS, Runtime.getRuntime().availableProcessors());
            System.out.println("| | threads | pending suggestions | connected | p50 ms | p95 ms | p99 ms | max ms | changes/s"
                    + " | lost | diverged | load average (start → end) |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
            row("demo discussion only", demoThreads, demoSuggestions, without, load0, load1);
            row("with the added discussion", threadCount, pendingCount, with, load2, load3);
            System.out.printf(Locale.ROOT, "Purpose tab opened (UI start + navigation, localhost): before %.0f ms;"
                    + " with the discussion, right after the edits %.0f ms, again %.0f ms (%d / %d characters sent)%n",
                    plainOpen.millis(), firstOpen.millis(), secondOpen.millis(), plainOpen.characters(),
                    firstOpen.characters());
            System.out.printf(Locale.ROOT, "Reads after 200 more changes: all %d threads %.0f ms (%d passages standing,"
                    + " each reading its words), all suggestions %.0f ms%n", threads.size(), threadsRead, standing,
                    suggestionsRead);

            for (CollabLoad.Result r : List.of(without, with)) {
                assertThat(r.connected()).isEqualTo(EDITORS);
                assertThat(r.lost()).isZero();
                assertThat(r.diverged()).isZero();
            }
            assertThat(threadCount).isEqualTo(demoThreads + THREADS);
        } finally {
            tabs.forEach(VaadinPushClient::close);
        }
    }

    private CollabLoad.Result run(URI base) throws Exception {
        CollabLoad load = new CollabLoad(base, WORKSPACE, CONTRIBUTORS, DemoUsers.PASSWORD, DemoUsers.OBSERVER1);
        return load.run(EDITORS, Duration.ofSeconds(8), Duration.ofSeconds(SECONDS), new CollabLoad.NoProbe());
    }

    /** Opens the purpose tab as a browser would, timing the UI's start and its first drawing. */
    private Opening openTab(URI base) throws Exception {
        String cookie = VaadinPushClient.login(base, DemoUsers.CIVIL2, DemoUsers.PASSWORD);
        long[] characters = new long[1];
        long t0 = System.nanoTime();
        VaadinPushClient page = VaadinPushClient.open(base, cookie, "workspace/" + WORKSPACE + "/statement",
                first -> {
                    if (characters[0] == 0) {
                        characters[0] = first.length();
                    }
                });
        double millis = (System.nanoTime() - t0) / 1e6;
        page.close();
        return new Opening(millis, characters[0]);
    }

    /** 300 threads on single words of the text and 50 suggestions replacing a word, by both sides in turn. */
    private void seed() {
        SplittableRandom random = new SplittableRandom(14);
        List<UserSummary> people = CONTRIBUTORS.stream().map(this::user).toList();
        for (int i = 0; i < THREADS; i++) {
            UserSummary who = people.get(i % people.size());
            int n = i;
            as(who, () -> {
                LiveSnapshot now = collab.snapshot(WORKSPACE);
                int[] word = randomWord(now.text(), random);
                return comments.startOnPassage(WORKSPACE, now.version(), word[0], word[1], "Spørgsmål " + n
                        + ": hvad mener vi med dette ord?");
            });
        }
        for (int i = 0; i < SUGGESTIONS; i++) {
            UserSummary who = people.get(i % people.size());
            int n = i;
            as(who, () -> {
                LiveSnapshot now = collab.snapshot(WORKSPACE);
                int[] word = randomWord(now.text(), random);
                return suggestions.suggest(WORKSPACE, now.version(), word[0], word[1], "forslag" + n,
                        "Et klarere ord, forslag " + n + ".");
            });
        }
    }

    /** A few hundred changes through the service, so that a read has passages to carry again. */
    private void idleEdits(int changes) {
        UserSummary editor = user(DemoUsers.KOMMUNE2);
        for (int i = 0; i < changes; i++) {
            as(editor, () -> {
                collab.edit(WORKSPACE, "bench-idle", 0, 0, "x");
                collab.edit(WORKSPACE, "bench-idle", 0, 1, "");
                return null;
            });
        }
    }

    private static int[] randomWord(String text, SplittableRandom random) {
        List<int[]> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words.add(new int[] {m.start(), m.end()});
        }
        return words.get(random.nextInt(words.size()));
    }

    private UserSummary user(String username) {
        return accounts.findByUsername(username).orElseThrow();
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static void row(String name, long threads, long pending, CollabLoad.Result r, double from, double to) {
        System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %d | %d | %.2f → %.2f |%n",
                name, threads, pending, r.connected(), r.p50() / 1000.0, r.p95() / 1000.0, r.p99() / 1000.0,
                r.max() / 1000.0, r.changesPerSecond(), r.lost(), r.diverged(), from, to);
    }
}
