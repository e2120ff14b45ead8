package dk.ligevaerd.deliberation;

import static dk.ligevaerd.support.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;

import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.account.UserSummary;
import dk.ligevaerd.statement.CollabService;
import dk.ligevaerd.workspace.InvitationService;
import dk.ligevaerd.workspace.WorkspaceFixture;
import dk.ligevaerd.workspace.WorkspaceService;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A statement with 300 open threads under concurrent editing, on the real services and an H2 file:
 * the editing path does no work for comments, so its latency is the same with and without the
 * threads (printed side by side, not asserted: this machine is shared), and one read afterwards
 * carries every passage through all the changes and finds each on its words.
 */
@SpringBootTest(properties = {"ligevaerd.demo.enabled=false",
        "spring.datasource.url=jdbc:h2:file:./target/test-db/comment-load-${random.uuid}"})
class CommentLoadIT {

    private static final int THREADS = 300;
    private static final int EDITS_PER_EDITOR = 40;

    @Autowired AccountService accounts;
    @Autowired WorkspaceService workspaces;
    @Autowired InvitationService invitations;
    @Autowired CommentService comments;
    @Autowired CollabService collab;

    @Test
    void three_hundred_open_threads_cost_the_editors_nothing_and_all_follow_their_words() throws Exception {
        WorkspaceFixture f = new WorkspaceFixture(accounts, workspaces, invitations);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < THREADS; i++) {
            text.append("ord").append(i).append(' ');
        }
        // The editors append where they last saw the end; another editor's word put in meanwhile moves
        // that place back by a few characters, so the words end in a stretch of spaces to land in.
        text.append(" ".repeat(400));
        as(f.owner, () -> collab.edit(f.workspaceId, "setup", 0, 0, text.toString()));
        List<UserSummary> editors = List.of(f.owner, f.otherModerator, f.participant);

        List<Long> without = edit(f, editors, 1);

        int version = as(f.owner, () -> collab.snapshot(f.workspaceId).version());
        String now = as(f.owner, () -> collab.snapshot(f.workspaceId).text());
        List<String> words = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            String word = "ord" + i + " ";
            int at = now.indexOf(word);
            assertThat(at).isNotNegative();
            String w = word.strip();
            words.add(w);
            as(f.participant, () -> comments.startOnPassage(f.workspaceId, version, at, at + w.length(),
                    "Hvad betyder " + w + "?"));
        }

        List<Long> with = edit(f, editors, 2);

        long start = System.nanoTime();
        List<ThreadView> read = as(f.observer, () -> comments.threads(f.workspaceId));
        long firstRead = System.nanoTime() - start;
        start = System.nanoTime();
        as(f.observer, () -> comments.threads(f.workspaceId));
        long secondRead = System.nanoTime() - start;

        String finalText = as(f.owner, () -> collab.snapshot(f.workspaceId).text());
        assertThat(read).hasSize(THREADS);
        for (int i = 0; i < THREADS; i++) {
            PassageView p = read.get(i).passage();
            assertThat(p.removed()).isFalse();
            assertThat(finalText.substring(p.from(), p.to())).isEqualTo(p.wording());
            // Edits only append and prepend, so every passage still holds exactly its word.
            assertThat(p.wording()).isEqualTo(words.get(i));
        }
        System.out.printf("Co-editing with %d open threads: %d editors x %d edits; edit p50/p95 ms without "
                + "threads %.1f / %.1f, with %.1f / %.1f; first read of all threads after the edits %.0f ms, "
                + "next read %.0f ms%n", THREADS, editors.size(), EDITS_PER_EDITOR, ms(pct(without, 50)),
                ms(pct(without, 95)), ms(pct(with, 50)), ms(pct(with, 95)), firstRead / 1e6, secondRead / 1e6);
    }

    /** Each editor adds and removes words at the start and the end, all at once on real threads. */
    private List<Long> edit(WorkspaceFixture f, List<UserSummary> editors, long seed) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService pool = Executors.newFixedThreadPool(editors.size())) {
            List<Future<?>> done = new ArrayList<>();
            for (int e = 0; e < editors.size(); e++) {
                UserSummary editor = editors.get(e);
                SplittableRandom random = new SplittableRandom(seed * 31 + e);
                String client = "load-" + e;
                done.add(pool.submit(() -> as(editor, () -> {
                    for (int n = 0; n < EDITS_PER_EDITOR; n++) {
                        int length = collab.snapshot(f.workspaceId).text().length();
                        int at = random.nextBoolean() ? 0 : length;
                        long t0 = System.nanoTime();
                        collab.edit(f.workspaceId, client, at, at, random.nextBoolean() ? "ja " : "nej ");
                        latencies.add(System.nanoTime() - t0);
                    }
                    return null;
                })));
            }
            for (Future<?> d : done) {
                d.get();
            }
        }
        return latencies;
    }

    private static long pct(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
