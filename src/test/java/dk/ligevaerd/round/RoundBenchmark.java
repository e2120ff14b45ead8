package dk.ligevaerd.round;

import static dk.ligevaerd.support.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;

import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.account.UserSummary;
import dk.ligevaerd.priority.PriorityService;
import dk.ligevaerd.priority.ValueLens;
import dk.ligevaerd.round.RoundEvents.BallotCountChanged;
import dk.ligevaerd.shared.LiveEventBus;
import dk.ligevaerd.support.Acting;
import dk.ligevaerd.workspace.InvitationService;
import dk.ligevaerd.workspace.WorkspaceFixture;
import dk.ligevaerd.workspace.WorkspaceService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Figures, not a test: how many ballots the real service commits per second, how long closing a
 * round of 10,000 ballots over 20 options takes, and how long until open sessions of the
 * workspace have read the new count after a ballot. Not run by the normal build (its name does
 * not end in Test); run it with
 *
 * <pre>./mvnw -B -q test -Dtest='*Round*Benchmark' -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * which runs it on an H2 file and, through {@link PostgresRoundBenchmark}, on PostgreSQL, and the
 * browser measurement {@code ui.RoundLiveBenchmark}. The figures are printed and appended to
 * {@code target/benchmark-rounds.txt}; docs/performance.md records those measured on the
 * project's machine.
 */
@Tag("benchmark")
@SpringBootTest(properties = {"ligevaerd.demo.enabled=false", "ligevaerd.rounds.auto-close.enabled=false",
        "spring.datasource.url=jdbc:h2:file:./target/bench-db/rounds-${random.uuid}"})
class RoundBenchmark {

    static final int VOTERS = 10_000;
    static final int OPTIONS = 20;
    static final int THREADS = 8;
    static final int SESSIONS = 20;
    static final int LIVE_SAMPLES = 50;

    @Autowired AccountService accounts;
    @Autowired WorkspaceService workspaces;
    @Autowired InvitationService invitations;
    @Autowired PriorityService priorities;
    @Autowired RoundService rounds;
    @Autowired LiveEventBus bus;
    @Autowired JdbcTemplate jdbc;

    String database() {
        return "H2 file";
    }

    @Test
    void measure() throws Exception {
        double loadBefore = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        WorkspaceFixture f = new WorkspaceFixture(accounts, workspaces, invitations);
        List<Long> options = new ArrayList<>();
        for (int i = 0; i < OPTIONS; i++) {
            int n = i;
            options.add(as(f.owner, () -> priorities.propose(f.workspaceId, "Option " + n, "",
                    java.util.Set.of(ValueLens.EFFICIENCY))));
        }
        List<UserSummary> voters = members(f, VOTERS);
        long roundId = as(f.owner, () -> rounds.create(f.workspaceId,
                RoundDraft.dots("Benchmark", options, 10, 5, 3).withSecret(false)));
        as(f.owner, () -> {
            rounds.open(f.workspaceId, roundId);
            return null;
        });

        // Warm up the code paths (JIT, caches, connection pool) on a separate round.
        long warmUp = as(f.owner, () -> rounds.create(f.workspaceId,
                RoundDraft.dots("Warm-up", options, 10, 5, 3)));
        as(f.owner, () -> {
            rounds.open(f.workspaceId, warmUp);
            return null;
        });
        castAll(f, warmUp, options, voters.subList(0, 1_000), THREADS);
        as(f.owner, () -> rounds.confirmClosing(f.workspaceId, warmUp));
        as(f.otherModerator, () -> rounds.confirmClosing(f.workspaceId, warmUp));

        long start = System.nanoTime();
        castAll(f, roundId, options, voters, THREADS);
        double seconds = (System.nanoTime() - start) / 1e9;
        double perSecond = VOTERS / seconds;

        long reVoteStart = System.nanoTime();
        castAll(f, roundId, options, voters.subList(0, 1_000), 1);
        double oneThread = 1_000 / ((System.nanoTime() - reVoteStart) / 1e9);

        double[] live = liveLatencies(f, roundId, options, voters);

        as(f.owner, () -> rounds.confirmClosing(f.workspaceId, roundId));
        long closeStart = System.nanoTime();
        long closeCpuStart = cpu.getCurrentThreadCpuTime();
        boolean closed = as(f.otherModerator, () -> rounds.confirmClosing(f.workspaceId, roundId));
        double closeMillis = (System.nanoTime() - closeStart) / 1e6;
        double closeCpuMillis = (cpu.getCurrentThreadCpuTime() - closeCpuStart) / 1e6;
        assertThat(closed).isTrue();
        RecordView record = as(f.observer, () -> rounds.record(f.workspaceId, roundId)).orElseThrow();
        assertThat(record.totalBallots()).isEqualTo(VOTERS);
        Integer length = jdbc.queryForObject("select length(content) from decision_record where round_id = ?",
                Integer.class, roundId);

        long secret = as(f.owner, () -> rounds.create(f.workspaceId,
                RoundDraft.dots("Benchmark, secret", options, 10, 5, 3).withSecret(true)));
        as(f.owner, () -> {
            rounds.open(f.workspaceId, secret);
            return null;
        });
        castAll(f, secret, options, voters, THREADS);
        as(f.owner, () -> rounds.confirmClosing(f.workspaceId, secret));
        long secretStart = System.nanoTime();
        long secretCpuStart = cpu.getCurrentThreadCpuTime();
        as(f.otherModerator, () -> rounds.confirmClosing(f.workspaceId, secret));
        double secretMillis = (System.nanoTime() - secretStart) / 1e6;
        double secretCpuMillis = (cpu.getCurrentThreadCpuTime() - secretCpuStart) / 1e6;

        long verifyStart = System.nanoTime();
        assertThat(as(f.observer, () -> rounds.verifyChain(f.workspaceId)).intact()).isTrue();
        double verifyMillis = (System.nanoTime() - verifyStart) / 1e6;

        String report = String.format(java.util.Locale.ROOT, """
                == Decision rounds benchmark: %s, %s, %d cores, load average %.1f before and %.1f after ==
                ballots committed per second (%d voters, %d threads): %.0f  (%.2f s in all)
                ballots committed per second (re-votes, 1 thread): %.0f
                close a round of %d ballots over %d options (named ballots, record %d chars): %.0f ms (%.0f ms CPU in the closing thread)
                close a round of %d ballots over %d options (secret ballots): %.0f ms (%.0f ms CPU in the closing thread)
                verify the chain (3 records): %.0f ms
                count seen by %d open sessions after a ballot (%d ballots): p50 %.1f ms, p95 %.1f ms, max %.1f ms
                """, database(), Instant.now(), Runtime.getRuntime().availableProcessors(), loadBefore,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), VOTERS,
                THREADS, perSecond, seconds, oneThread, VOTERS, OPTIONS, length, closeMillis, closeCpuMillis, VOTERS,
                OPTIONS, secretMillis, secretCpuMillis, verifyMillis, SESSIONS,
                LIVE_SAMPLES, live[0], live[1], live[2]);
        System.out.println(report);
        Path out = Path.of("target/benchmark-rounds.txt");
        try {
            Files.writeString(out, report + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("could not write " + out + ": " + e.getMessage());
        }
    }

    private void castAll(WorkspaceFixture f, long roundId, List<Long> options, List<UserSummary> voters, int threads)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        int slice = (voters.size() + threads - 1) / threads;
        for (int t = 0; t < threads; t++) {
            List<UserSummary> mine = voters.subList(Math.min(t * slice, voters.size()),
                    Math.min((t + 1) * slice, voters.size()));
            done.add(pool.submit(() -> {
                for (UserSummary voter : mine) {
                    Acting.run(voter, () -> rounds.castDots(f.workspaceId, roundId, ballot(options)));
                }
            }));
        }
        for (Future<?> future : done) {
            future.get(10, TimeUnit.MINUTES);
        }
        pool.shutdown();
    }

    private static Map<Long, Integer> ballot(List<Long> options) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Map<Long, Integer> points = new HashMap<>();
        int left = 10;
        while (left > 0) {
            long option = options.get(random.nextInt(options.size()));
            int now = points.getOrDefault(option, 0);
            if (now < 5) {
                points.put(option, now + 1);
                left--;
            }
        }
        return points;
    }

    /**
     * Open sessions, as the workspace page has them: each subscribes to the workspace's live
     * events and, on a ballot, re-reads the round as its member (on its own thread, as UI.access
     * would), until it sees the new total. The time runs from the cast call to the last session.
     */
    private double[] liveLatencies(WorkspaceFixture f, long roundId, List<Long> options, List<UserSummary> voters)
            throws Exception {
        List<UserSummary> viewers = voters.subList(0, SESSIONS);
        ExecutorService sessions = Executors.newFixedThreadPool(SESSIONS);
        List<Runnable> unsubscribe = new ArrayList<>();
        double[] samples = new double[LIVE_SAMPLES];
        try {
            for (int sample = 0; sample < LIVE_SAMPLES; sample++) {
                UserSummary voter = voters.get(VOTERS - 1 - sample);
                // A re-vote keeps the total, so the sessions wait for the revision to move on.
                long before = as(f.observer, () -> rounds.get(f.workspaceId, roundId)).ballotRevision();
                CountDownLatch seen = new CountDownLatch(SESSIONS);
                unsubscribe.forEach(Runnable::run);
                unsubscribe.clear();
                for (UserSummary viewer : viewers) {
                    unsubscribe.add(bus.subscribe(f.workspaceId, event -> {
                        if (event instanceof BallotCountChanged changed && changed.roundId() == roundId) {
                            sessions.submit(() -> Acting.run(viewer, () -> {
                                if (rounds.get(f.workspaceId, roundId).ballotRevision() > before) {
                                    seen.countDown();
                                }
                            }));
                        }
                    }));
                }
                long start = System.nanoTime();
                Acting.run(voter, () -> rounds.castDots(f.workspaceId, roundId, ballot(options)));
                assertThat(seen.await(30, TimeUnit.SECONDS)).isTrue();
                samples[sample] = (System.nanoTime() - start) / 1e6;
            }
        } finally {
            unsubscribe.forEach(Runnable::run);
            sessions.shutdown();
        }
        Arrays.sort(samples);
        return new double[] {samples[samples.length / 2], samples[(int) Math.ceil(samples.length * 0.95) - 1],
                samples[samples.length - 1]};
    }

    /**
     * Members made directly in the database: through the services each would take three
     * transactions and a password hash, which measures the fixture instead of the rounds.
     */
    private List<UserSummary> members(WorkspaceFixture f, int count) {
        String prefix = "bench" + System.nanoTime() % 1_000_000 + "-";
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            users.add(new Object[] {prefix + i, "Voter " + i, "{noop}unused", now});
        }
        jdbc.batchUpdate("insert into app_user (username, display_name, password_hash, created_at) values (?, ?, ?, ?)",
                users);
        List<UserSummary> made = jdbc.query("select id, username, display_name from app_user where username like ?"
                + " order by id", (rs, row) -> new UserSummary(rs.getLong(1), rs.getString(2), rs.getString(3)),
                prefix + "%");
        List<Object[]> memberships = new ArrayList<>();
        for (int i = 0; i < made.size(); i++) {
            long side = i % 2 == 0 ? f.municipalSideId : f.civilSideId;
            memberships.add(new Object[] {f.workspaceId, made.get(i).id(), side, "PARTICIPANT", false, now, 0L});
        }
        jdbc.batchUpdate("insert into membership (workspace_id, user_id, side_id, role, owner, joined_at, version) "
                + "values (?, ?, ?, ?, ?, ?, ?)", memberships);
        return made;
    }
}
