package dk.ligevaerd.round;

import static dk.ligevaerd.support.Acting.as;
import static dk.ligevaerd.support.Acting.run;
import static org.assertj.core.api.Assertions.assertThat;

import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.account.UserSummary;
import dk.ligevaerd.priority.PriorityService;
import dk.ligevaerd.priority.ValueLens;
import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.support.Acting;
import dk.ligevaerd.workspace.InvitationService;
import dk.ligevaerd.workspace.Role;
import dk.ligevaerd.workspace.WorkspaceFixture;
import dk.ligevaerd.workspace.WorkspaceService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * SPEC.md property 6 with real threads on the real database: 200 members keep voting and
 * re-voting while the moderators of both sides confirm closing at the same moment. Whatever the
 * interleaving, there is exactly one record, it holds exactly each member's last accepted ballot,
 * and nothing is accepted once the close has committed.
 *
 * <p>The second round runs with joint closing switched off, so that both moderators race to be
 * the one who closes; exactly one of them is.
 */
@SpringBootTest(properties = {"ligevaerd.demo.enabled=false", "ligevaerd.rounds.auto-close.enabled=false",
        "spring.datasource.url=jdbc:h2:file:./target/test-db/round-race-${random.uuid}"})
class RoundClosingConcurrencyIT {

    private static final int MEMBERS = 200;
    /** Ballots accepted before the moderators confirm: voting is in full swing when they do. */
    private static final int BALLOTS_BEFORE_CLOSING = 400;

    @Autowired AccountService accounts;
    @Autowired WorkspaceService workspaces;
    @Autowired InvitationService invitations;
    @Autowired dk.ligevaerd.workspace.GovernanceService governance;
    @Autowired PriorityService priorities;
    @Autowired RoundService rounds;
    @Autowired JdbcTemplate jdbc;

    /** Each member's side, by user id. */
    private final Map<Long, Long> sideOf = new ConcurrentHashMap<>();

    @Test
    void closing_while_two_hundred_members_vote_writes_one_record_of_exactly_the_accepted_ballots()
            throws Exception {
        WorkspaceFixture f = new WorkspaceFixture(accounts, workspaces, invitations);
        List<UserSummary> members = members(f);
        List<Long> options = List.of(
                as(f.owner, () -> priorities.propose(f.workspaceId, "One", "", Set.of(ValueLens.EFFICIENCY))),
                as(f.owner, () -> priorities.propose(f.workspaceId, "Two", "", Set.of(ValueLens.ADVOCACY))),
                as(f.owner, () -> priorities.propose(f.workspaceId, "Three", "", Set.of(ValueLens.PARTICIPATION))));

        Race joint = race(f, members, options);
        assertThat(joint.closers()).as("with joint closing, the later confirmation closes").isEqualTo(1);
        assertThat(joint.moderatorRefusals()).isEmpty();
        check(f, joint);

        f.jointClosingOff(governance);
        Race single = race(f, members, options);
        assertThat(single.closers()).as("without joint closing, exactly one moderator closes").isEqualTo(1);
        assertThat(single.moderatorRefusals()).containsExactly("error.round.alreadyClosed");
        check(f, single);

        ChainVerification chain = as(f.observer, () -> rounds.verifyChain(f.workspaceId));
        assertThat(chain.intact()).isTrue();
        assertThat(chain.records()).isEqualTo(2);
    }

    /** Everything one race left behind, as seen by the threads. */
    record Race(long roundId, Map<Long, Map<Long, Integer>> lastAccepted, int closers,
            List<String> moderatorRefusals, int accepted) {
    }

    private Race race(WorkspaceFixture f, List<UserSummary> members, List<Long> options) throws Exception {
        long roundId = as(f.owner, () -> rounds.create(f.workspaceId,
                RoundDraft.dots("Race", options, 5, 5, 1).withSecret(false)));
        as(f.owner, () -> {
            rounds.open(f.workspaceId, roundId);
            return null;
        });

        Map<Long, Map<Long, Integer>> lastAccepted = new ConcurrentHashMap<>();
        AtomicInteger accepted = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch enough = new CountDownLatch(BALLOTS_BEFORE_CLOSING);
        CyclicBarrier together = new CyclicBarrier(2);
        ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> moderatorRefusals = new ConcurrentLinkedQueue<>();
        AtomicInteger closers = new AtomicInteger();

        ExecutorService threads = Executors.newFixedThreadPool(MEMBERS + 2);
        List<Future<?>> running = new ArrayList<>();
        for (UserSummary member : members) {
            running.add(threads.submit(() -> {
                start.await();
                Acting.run(member, () -> vote(f, roundId, member, options, lastAccepted, accepted, enough,
                        unexpected));
                return null;
            }));
        }
        for (UserSummary moderator : List.of(f.owner, f.otherModerator)) {
            running.add(threads.submit(() -> {
                start.await();
                if (!enough.await(60, TimeUnit.SECONDS)) {
                    throw new AssertionError("voting never got going");
                }
                together.await(30, TimeUnit.SECONDS);
                try {
                    if (as(moderator, () -> rounds.confirmClosing(f.workspaceId, roundId))) {
                        closers.incrementAndGet();
                    }
                } catch (DomainException refused) {
                    moderatorRefusals.add(refused.messageKey());
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : running) {
            future.get(120, TimeUnit.SECONDS);
        }
        threads.shutdown();
        System.out.printf("closing race: %d ballots accepted from %d members; closers %d, refusals %s%n",
                accepted.get(), lastAccepted.size(), closers.get(), moderatorRefusals);
        assertThat(unexpected).isEmpty();
        return new Race(roundId, lastAccepted, closers.get(), List.copyOf(moderatorRefusals),
                accepted.get());
    }

    /** Votes and re-votes until the round refuses; then checks that it keeps refusing. */
    private void vote(WorkspaceFixture f, long roundId, UserSummary member, List<Long> options,
            Map<Long, Map<Long, Integer>> lastAccepted, AtomicInteger accepted, CountDownLatch enough, ConcurrentLinkedQueue<Throwable> unexpected) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (true) {
            Map<Long, Integer> points = new HashMap<>();
            int left = 5;
            for (Long option : options) {
                int give = random.nextInt(left + 1);
                if (give > 0) {
                    points.put(option, give);
                }
                left -= give;
            }
            try {
                rounds.castDots(f.workspaceId, roundId, points);
                lastAccepted.put(member.id(), Map.copyOf(points));
                accepted.incrementAndGet();
                enough.countDown();
            } catch (DomainException refused) {
                if (!refused.messageKey().equals("error.round.closed")) {
                    unexpected.add(refused);
                    return;
                }
                for (int again = 0; again < 3; again++) {
                    try {
                        rounds.castDots(f.workspaceId, roundId, Map.of(options.getFirst(), 1));
                        unexpected.add(new AssertionError("a ballot was accepted after a refusal as closed"));
                        return;
                    } catch (DomainException stillClosed) {
                        if (!stillClosed.messageKey().equals("error.round.closed")) {
                            unexpected.add(stillClosed);
                        }
                    }
                }
                return;
            } catch (RuntimeException e) {
                unexpected.add(e);
                return;
            }
        }
    }

    private void check(WorkspaceFixture f, Race race) {
        Integer records = jdbc.queryForObject("select count(*) from decision_record where round_id = ?",
                Integer.class, race.roundId());
        assertThat(records).isEqualTo(1);
        assertThat(race.accepted()).isGreaterThanOrEqualTo(BALLOTS_BEFORE_CLOSING);

        RecordView record = as(f.observer, () -> rounds.record(f.workspaceId, race.roundId())).orElseThrow();
        Map<Long, Map<Long, Integer>> recorded = new HashMap<>();
        record.ballots().forEach(b -> recorded.put(b.voter().id(), b.ballot().points()));
        // Every accepted ballot's latest version is in the record, and nothing else is: a ballot
        // accepted after the close had committed would be missing here or differ.
        Map<Long, String> wrong = new java.util.TreeMap<>();
        Set<Long> voters = new java.util.HashSet<>(recorded.keySet());
        voters.addAll(race.lastAccepted().keySet());
        for (Long voter : voters) {
            if (!java.util.Objects.equals(recorded.get(voter), race.lastAccepted().get(voter))) {
                wrong.put(voter, "recorded " + recorded.get(voter) + ", last accepted "
                        + race.lastAccepted().get(voter));
            }
        }
        assertThat(wrong).as("voters whose recorded ballot is not their last accepted one").isEmpty();
        assertThat(record.totalBallots()).isEqualTo(race.lastAccepted().size());
        for (RecordView.SideResult side : record.sides()) {
            long sideVoters = race.lastAccepted().keySet().stream()
                    .filter(user -> sideOf.get(user) == side.sideId()).count();
            assertThat(side.ballots()).as("ballots of side " + side.name()).isEqualTo((int) sideVoters);
        }
        // The ballot table agrees, and nothing in it is younger than the close.
        Integer stored = jdbc.queryForObject("select count(*) from ballot where round_id = ?", Integer.class,
                race.roundId());
        assertThat(stored).isEqualTo(race.lastAccepted().size());
        assertThat(record.ballots()).allMatch(b -> !b.ballot().castAt().isAfter(record.closedAt()));
        assertThat(as(f.observer, () -> rounds.get(f.workspaceId, race.roundId())).state())
                .isEqualTo(RoundState.CLOSED);
    }

    private List<UserSummary> members(WorkspaceFixture f) throws Exception {
        List<UserSummary> members = new ArrayList<>();
        ExecutorService setup = Executors.newFixedThreadPool(4);
        List<Future<UserSummary>> made = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            long side = i % 2 == 0 ? f.municipalSideId : f.civilSideId;
            String name = "voter-" + i + "-" + System.nanoTime();
            made.add(setup.submit(() -> {
                UserSummary user = accounts.register(name, "Voter " + name, "bla-hest-tromme-7");
                String token = as(f.moderatorOf(side), () -> invitations.create(f.workspaceId, side, Role.PARTICIPANT,
                        Duration.ofHours(1)).token());
                as(user, () -> invitations.accept(token));
                sideOf.put(user.id(), side);
                return user;
            }));
        }
        for (Future<UserSummary> user : made) {
            members.add(user.get(60, TimeUnit.SECONDS));
        }
        setup.shutdown();
        return members;
    }
}
