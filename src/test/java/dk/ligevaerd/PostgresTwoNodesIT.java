package dk.ligevaerd;

import static dk.ligevaerd.support.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.account.UserSummary;
import dk.ligevaerd.shared.LiveEventBus;
import dk.ligevaerd.shared.RemoteChange;
import dk.ligevaerd.shared.WorkspaceEvent;
import dk.ligevaerd.shared.cluster.ClusterChannel;
import dk.ligevaerd.statement.CollabService;
import dk.ligevaerd.statement.LiveChange;
import dk.ligevaerd.statement.LiveSnapshot;
import dk.ligevaerd.statement.PushOutcome;
import dk.ligevaerd.statement.Seat;
import dk.ligevaerd.statement.live.LiveTestClient;
import dk.ligevaerd.statement.collab.AcceptedUpdate;
import dk.ligevaerd.statement.collab.ChangeSet;
import dk.ligevaerd.support.Postgres;
import dk.ligevaerd.workspace.GovernanceService;
import dk.ligevaerd.workspace.InvitationService;
import dk.ligevaerd.workspace.PresenceService;
import dk.ligevaerd.workspace.Role;
import dk.ligevaerd.workspace.WorkspaceEvents.PresenceChanged;
import dk.ligevaerd.workspace.WorkspaceFixture;
import dk.ligevaerd.workspace.WorkspaceService;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Two application nodes, each a whole application context with its own web server, on one fresh
 * PostgreSQL database, as behind a load balancer: what happens on one must reach the pages and
 * editors of the other through LISTEN/NOTIFY alone.
 *
 * <p>Every wait polls until a deadline of several seconds; nothing here measures speed.
 */
@ExtendWith(Postgres.class)
class PostgresTwoNodesIT {

    /**
     * A short heartbeat and expiry, so the expiry can be seen within a test; twenty heartbeats to an
     * expiry, so that a busy machine, even one stalled for a few seconds, does not let a living
     * node's presence lapse. {@link #DEADLINE} still covers an expiry with room to spare, and the
     * checks that presence holds beyond the expiry (for the expiry and a second) fit within it.
     */
    private static final Duration HEARTBEAT = Duration.ofMillis(300);
    private static final Duration EXPIRY = Duration.ofSeconds(6);
    private static final Duration DEADLINE = Duration.ofSeconds(15);

    private static String url;
    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;

    /** Stands for any event of a feature. */
    record Ping(long workspaceId) implements WorkspaceEvent {
    }

    private WorkspaceFixture f;

    @BeforeAll
    static void two_nodes_start_on_one_database() {
        url = Postgres.freshDatabase();
        a = node("node-a");
        b = node("node-b");
    }

    @AfterAll
    static void both_stop() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    static ConfigurableApplicationContext node(String nodeId) {
        // Command-line arguments, since they outrank application.properties (default properties do not).
        return new SpringApplicationBuilder(Application.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + Postgres.user(),
                "--spring.datasource.password=" + Postgres.password(),
                "--spring.datasource.hikari.maximum-pool-size=4",
                "--ligevaerd.demo.enabled=false",
                "--ligevaerd.rounds.auto-close.enabled=false",
                "--ligevaerd.cluster.node-id=" + nodeId,
                "--ligevaerd.presence.heartbeat-interval=" + HEARTBEAT.toMillis() + "ms",
                "--ligevaerd.presence.expiry=" + EXPIRY.toMillis() + "ms",
                "--vaadin.devmode.devTools.enabled=false");
    }

    @BeforeEach
    void a_workspace_made_on_node_a() {
        f = new WorkspaceFixture(a.getBean(AccountService.class), a.getBean(WorkspaceService.class),
                a.getBean(InvitationService.class));
    }

    private static <T> T on(ConfigurableApplicationContext node, Class<T> type) {
        return node.getBean(type);
    }

    private List<WorkspaceEvent> pageOn(ConfigurableApplicationContext node) {
        List<WorkspaceEvent> seen = new CopyOnWriteArrayList<>();
        on(node, LiveEventBus.class).subscribe(f.workspaceId, seen::add);
        return seen;
    }

    @Test
    void an_event_published_on_one_node_reaches_a_page_on_the_other() {
        List<WorkspaceEvent> onB = pageOn(b);

        on(a, LiveEventBus.class).publish(new Ping(f.workspaceId));

        await().atMost(DEADLINE).until(() -> onB.contains(ping()));
    }

    @Test
    void a_committed_change_on_one_node_reaches_a_page_on_the_other() {
        List<WorkspaceEvent> onB = pageOn(b);

        as(f.owner, () -> {
            on(a, WorkspaceService.class).rename(f.workspaceId, "Nyt navn", "");
            return null;
        });

        await().atMost(DEADLINE).until(
                () -> onB.contains(new RemoteChange(f.workspaceId, "WorkspaceRenamed", List.of(), true)));
        assertThat(as(f.owner, () -> on(b, WorkspaceService.class).details(f.workspaceId)).name())
                .isEqualTo("Nyt navn");
    }

    @Test
    void a_node_ignores_its_own_notifications() {
        List<WorkspaceEvent> onA = pageOn(a);
        List<WorkspaceEvent> onB = pageOn(b);
        long ignoredBefore = on(a, ClusterChannel.class).status().ownIgnored();

        on(a, LiveEventBus.class).publish(new Ping(f.workspaceId));

        await().atMost(DEADLINE).until(() -> onB.contains(ping()));
        await().atMost(DEADLINE).until(() -> on(a, ClusterChannel.class).status().ownIgnored() > ignoredBefore);
        await().atMost(DEADLINE).until(() -> !onA.isEmpty());
        assertThat(onA).containsExactly(new Ping(f.workspaceId));
    }

    @Test
    void a_burst_of_500_events_reaches_the_other_node_as_far_fewer_refreshes_and_one_after_the_last() {
        // What a page on B would read when it refreshes: here, how many events A had published.
        AtomicInteger published = new AtomicInteger();
        List<Integer> readOnB = new CopyOnWriteArrayList<>();
        on(b, LiveEventBus.class).subscribe(f.workspaceId, event -> readOnB.add(published.get()));
        LiveEventBus busA = on(a, LiveEventBus.class);

        for (int i = 1; i <= 500; i++) {
            published.set(i);
            busA.publish(new Ping(f.workspaceId));
            if (i % 10 == 0) {
                // Spread over about a second, as ballots would come, rather than all at once.
                sleep(Duration.ofMillis(20));
            }
        }

        await().atMost(DEADLINE).until(() -> !readOnB.isEmpty() && readOnB.getLast() == 500);
        assertThat(readOnB).hasSizeBetween(1, 100);
    }

    /**
     * Live seats (the /collab sockets' standing) held on node B, changes of standing made on node A:
     * each seat is taken back on B as soon as the change commits on A, not at its next message.
     */
    @Test
    void a_role_change_a_removal_and_a_deletion_on_one_node_take_back_seats_on_the_other() {
        CollabService collabB = on(b, CollabService.class);
        List<Seat.Ending> participant = new CopyOnWriteArrayList<>();
        List<Seat.Ending> moderator = new CopyOnWriteArrayList<>();
        as(f.participant, () -> collabB.seat(f.workspaceId, participant::add));
        as(f.otherModerator, () -> collabB.seat(f.workspaceId, moderator::add));

        as(f.owner, () -> {
            on(a, WorkspaceService.class).assign(f.workspaceId, f.participant.id(), Role.OBSERVER, null);
            return null;
        });
        await().atMost(DEADLINE).until(() -> participant.equals(List.of(Seat.Ending.CHANGED)));

        List<Seat.Ending> asObserver = new CopyOnWriteArrayList<>();
        as(f.participant, () -> collabB.seat(f.workspaceId, asObserver::add));
        // An observer's removal is for every side to agree: the owner proposes, civil society confirms.
        boolean removedAtOnce = as(f.owner, () -> on(a, WorkspaceService.class).remove(f.workspaceId,
                f.participant.id()));
        assertThat(removedAtOnce).isFalse();
        GovernanceService governanceA = on(a, GovernanceService.class);
        long removal = as(f.otherModerator, () -> governanceA.pending(f.workspaceId)).getFirst().id();
        as(f.otherModerator, () -> {
            governanceA.confirm(f.workspaceId, removal);
            return null;
        });
        await().atMost(DEADLINE).until(() -> asObserver.equals(List.of(Seat.Ending.REMOVED)));
        assertThat(moderator).as("the civil moderator's standing did not change").isEmpty();

        f.agree(on(a, GovernanceService.class), g -> g.proposeDelete(f.workspaceId));
        await().atMost(DEADLINE).until(() -> moderator.equals(List.of(Seat.Ending.REMOVED)));
        assertThat(participant).containsExactly(Seat.Ending.CHANGED);
    }

    /**
     * A login session that ended on another node: node A tells the others the session's fingerprint
     * (the first 128 bits of the SHA-256 of its id, in hex), and a real /collab socket on node B
     * opened with that login is closed at once though it never sends; another login's stays open.
     */
    @Test
    void a_login_session_ended_on_another_node_closes_its_sockets_here() throws Exception {
        URI baseB = URI.create("http://localhost:" + b.getEnvironment().getProperty("local.server.port"));
        HttpClient login = LiveTestClient.login(baseB, f.participant.username(), "bla-hest-tromme-7");
        LiveTestClient ended = LiveTestClient.to(baseB, f.workspaceId).as(login).connect();
        HttpClient otherLogin = LiveTestClient.login(baseB, f.participant.username(), "bla-hest-tromme-7");
        LiveTestClient staying = LiveTestClient.to(baseB, f.workspaceId).as(otherLogin).connect();
        try {
            ended.next("welcome");
            staying.next("welcome");
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(LiveTestClient.sessionCookie(login).getBytes(StandardCharsets.UTF_8));

            on(a, ClusterChannel.class).send("session", HexFormat.of().formatHex(hash, 0, 16));

            assertThat(ended.awaitClose()).isEqualTo(1008);
            staying.send("{\"type\":\"ping\"}");
            assertThat(staying.next("pong")).isNotNull();
        } finally {
            ended.close();
            staying.close();
        }
    }

    @Test
    void presence_entered_on_one_node_is_seen_on_the_other_until_they_leave() {
        List<WorkspaceEvent> onB = pageOn(b);
        Runnable leave = as(f.participant, () -> on(a, PresenceService.class).enter(f.workspaceId));

        await().atMost(DEADLINE).until(() -> onlineOnB().contains(f.participant.id()));
        await().atMost(DEADLINE).until(() -> onB.contains(new PresenceChanged(f.workspaceId)));
        // Held by A's heartbeat throughout, beyond the expiry.
        await().during(EXPIRY.plusSeconds(1)).atMost(DEADLINE).until(() -> onlineOnB().contains(f.participant.id()));
        assertThat(onlineOnB()).contains(f.participant.id());

        leave.run();

        await().atMost(DEADLINE).until(() -> !onlineOnB().contains(f.participant.id()));
    }

    @Test
    void presence_on_a_node_whose_context_closes_disappears_from_the_other() {
        ConfigurableApplicationContext c = node("node-c");
        try {
            as(f.observer, () -> on(c, PresenceService.class).enter(f.workspaceId));
            await().atMost(DEADLINE).until(() -> onlineOnB().contains(f.observer.id()));
        } finally {
            c.close();
        }

        await().atMost(DEADLINE).until(() -> !onlineOnB().contains(f.observer.id()));
    }

    @Test
    void presence_announced_by_a_node_that_then_falls_silent_expires() throws SQLException {
        // A node that dies says no goodbye and sends no heartbeat: played here by hand.
        notifyRaw("1;node-ghost;presence;on.1." + f.workspaceId + ":" + f.otherModerator.id());

        await().atMost(DEADLINE).until(() -> onlineOnB().contains(f.otherModerator.id()));
        assertThat(as(f.owner, () -> on(a, PresenceService.class).online(f.workspaceId)))
                .contains(f.otherModerator.id());

        await().atMost(DEADLINE).until(() -> !onlineOnB().contains(f.otherModerator.id()));
        assertThat(as(f.owner, () -> on(a, PresenceService.class).online(f.workspaceId)))
                .doesNotContain(f.otherModerator.id());
    }

    /**
     * Live editors (real /collab sockets) on both nodes: the one on node B is in the list of the
     * one on node A (its welcome when B came first, a joined when A came first) with its name, side
     * and colour, read by A itself; its carets reach A; and it leaves A's list when it disconnects.
     * Session ids are those of B's node, so two editors with the same local id stay two peers.
     */
    @Test
    void an_editor_on_one_node_is_in_the_list_of_an_editor_on_the_other_with_its_carets_until_it_leaves()
            throws Exception {
        LiveTestClient first = editor(b, f.otherModerator);
        LiveTestClient onA = editor(a, f.owner);
        LiveTestClient second = null;
        try {
            String firstSession = first.next("welcome").path("session").asString();
            JsonNode welcome = onA.next("welcome");
            String mine = welcome.path("session").asString();
            // B's editor may have come before A heard of it; then it arrives as a joined.
            JsonNode firstOnA = peer(welcome, onA, f.otherModerator);
            String firstId = firstOnA.path("session").asString();
            assertThat(firstId).isNotEqualTo(mine).isNotEqualTo(firstSession).endsWith(firstSession);
            assertThat(firstOnA.path("side").asString()).as("read by node A").isNotEmpty();
            assertThat(firstOnA.path("colour").asString()).startsWith("#");
            assertThat(firstOnA.path("canEdit").asBoolean()).isTrue();

            second = editor(b, f.participant);
            JsonNode joined = onA.next(m -> m.path("type").asString().equals("joined")
                    && m.path("peer").path("name").asString().equals(f.participant.displayName()));
            String secondId = joined.path("peer").path("session").asString();
            assertThat(secondId).isNotEqualTo(firstId).isNotEqualTo(mine);

            second.next("welcome");
            second.send("{\"type\":\"presence\",\"ranges\":[{\"anchor\":0,\"head\":0}]}");
            second.send("{\"type\":\"presence\",\"ranges\":[{\"anchor\":0,\"head\":0},{\"anchor\":2,\"head\":5}]}");
            JsonNode carets = onA.next(m -> m.path("type").asString().equals("presence")
                    && m.path("session").asString().equals(secondId) && m.path("ranges").size() == 2);
            assertThat(carets.path("name").asString()).isEqualTo(f.participant.displayName());
            assertThat(carets.path("ranges").get(1).path("anchor").asInt()).isEqualTo(2);
            assertThat(carets.path("ranges").get(1).path("head").asInt()).isEqualTo(5);

            second.close();

            onA.next(m -> m.path("type").asString().equals("left") && m.path("session").asString().equals(secondId));
            // Held by B's heartbeat beyond the expiry: the first editor stays in A's list.
            await().during(EXPIRY.plusSeconds(1)).atMost(DEADLINE).until(() -> onA.received().stream()
                    .noneMatch(m -> m.path("type").asString().equals("left")
                            && m.path("session").asString().equals(firstId)));
        } finally {
            first.close();
            onA.close();
            if (second != null) {
                second.close();
            }
        }
    }

    /**
     * Carets go to the other nodes folded per editor, at most one message each 100 ms for all of a
     * node's editors: a burst of 50 moves costs a few NOTIFYs, and the newest carets arrive last.
     */
    @Test
    void a_burst_of_caret_moves_reaches_the_other_node_as_few_messages_ending_with_the_newest() throws Exception {
        LiveTestClient onA = editor(a, f.owner);
        LiveTestClient moving = editor(b, f.participant);
        try {
            moving.next("welcome");
            String id = peer(onA.next("welcome"), onA, f.participant).path("session").asString();
            ClusterChannel channelB = on(b, ClusterChannel.class);
            long sentBefore = channelB.status().sent();
            long start = System.nanoTime();

            for (int i = 1; i <= 50; i++) {
                moving.send("{\"type\":\"presence\",\"ranges\":[{\"anchor\":" + i + ",\"head\":" + i + "}]}");
            }

            onA.next(m -> m.path("type").asString().equals("presence") && m.path("session").asString().equals(id)
                    && m.path("ranges").get(0).path("anchor").asInt() == 50);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            long sent = channelB.status().sent() - sentBefore;
            // Carets at most every 100 ms, two heartbeats (presence, editors) every 300 ms, and a
            // little for anything else.
            long allowed = took.toMillis() / 100 + 2 * (took.toMillis() / HEARTBEAT.toMillis()) + 6;
            assertThat(sent).as("NOTIFYs from B in %s", took).isLessThanOrEqualTo(allowed).isLessThan(50);
        } finally {
            onA.close();
            moving.close();
        }
    }

    /** A member removed on node A while its editor is open on node B: it leaves A's list too. */
    @Test
    void an_editor_removed_from_the_workspace_leaves_the_list_on_the_other_node() throws Exception {
        LiveTestClient onA = editor(a, f.owner);
        LiveTestClient removed = editor(b, f.participant);
        try {
            removed.next("welcome");
            JsonNode welcome = onA.next("welcome");
            String id = peer(welcome, onA, f.participant).path("session").asString();

            as(f.owner, () -> {
                on(a, WorkspaceService.class).remove(f.workspaceId, f.participant.id());
                return null;
            });

            assertThat(removed.awaitClose()).isEqualTo(1008);
            onA.next(m -> m.path("type").asString().equals("left") && m.path("session").asString().equals(id));
        } finally {
            onA.close();
            removed.close();
        }
    }

    /** A node that dies says no goodbye and sends no heartbeat (played here by hand): its editor expires. */
    @Test
    void an_editor_announced_by_a_node_that_then_falls_silent_leaves_the_list_at_expiry() throws Exception {
        LiveTestClient onA = editor(a, f.owner);
        try {
            onA.next("welcome");

            notifyRaw("1;node-ghost;editors;on.1." + f.workspaceId + ":c1:" + f.observer.id() + ":v");

            JsonNode joined = onA.next("joined");
            assertThat(joined.path("peer").path("session").asString()).isEqualTo("node-ghost:c1");
            assertThat(joined.path("peer").path("name").asString()).isEqualTo(f.observer.displayName());
            assertThat(joined.path("peer").path("canEdit").asBoolean()).isFalse();
            long heard = System.nanoTime();
            onA.next(m -> m.path("type").asString().equals("left")
                    && m.path("session").asString().equals("node-ghost:c1"));
            assertThat(Duration.ofNanos(System.nanoTime() - heard)).as("not before the expiry")
                    .isGreaterThanOrEqualTo(EXPIRY.minusMillis(500));
        } finally {
            onA.close();
        }
    }

    private LiveTestClient editor(ConfigurableApplicationContext node, UserSummary who) throws Exception {
        URI base = URI.create("http://localhost:" + node.getEnvironment().getProperty("local.server.port"));
        return LiveTestClient.to(base, f.workspaceId).as(LiveTestClient.login(base, who.username(),
                "bla-hest-tromme-7")).connect();
    }

    /** The peer named {@code who}: in the welcome, else in a joined that follows it. */
    private static JsonNode peer(JsonNode welcome, LiveTestClient client, UserSummary who) throws Exception {
        for (JsonNode peer : welcome.path("peers")) {
            if (peer.path("name").asString().equals(who.displayName())) {
                return peer;
            }
        }
        return client.next(m -> m.path("type").asString().equals("joined")
                && m.path("peer").path("name").asString().equals(who.displayName())).path("peer");
    }

    @Test
    void a_statement_change_accepted_on_one_node_reaches_an_editor_on_the_other_once_and_in_order() {
        List<Integer> onB = editorOn(b);

        for (int i = 0; i < 20; i++) {
            editOn(a, f.participant, "a");
        }

        await().atMost(DEADLINE).until(() -> onB.size() >= 20);
        // Nothing more may follow: a change delivered twice would arrive within this time.
        await().during(Duration.ofMillis(500)).atMost(DEADLINE).until(() -> onB.size() == 20);
        assertThat(onB).containsExactlyElementsOf(IntStream.rangeClosed(1, 20).boxed().toList());

        // B's authority followed, so its next change is accepted right on top, without a retry.
        LiveSnapshot atB = as(f.otherModerator, () -> on(b, CollabService.class).snapshot(f.workspaceId));
        assertThat(atB.version()).isEqualTo(20);
        PushOutcome outcome = as(f.otherModerator, () -> on(b, CollabService.class).push(f.workspaceId, 20,
                List.of(new LiveChange("b", ChangeSet.replace(atB.text().length(), 0, 0, "B: ")))));
        assertThat(outcome).isEqualTo(new PushOutcome.Accepted(21));
        await().atMost(DEADLINE).until(() -> onB.size() == 21);
        assertThat(onB.getLast()).isEqualTo(21);
        assertThat(as(f.owner, () -> on(a, CollabService.class).snapshot(f.workspaceId)).text())
                .isEqualTo("B: " + atB.text());
    }

    @Test
    void editors_on_both_nodes_writing_at_once_each_receive_every_change_once_in_order() throws Exception {
        List<Integer> onA = editorOn(a);
        List<Integer> onB = editorOn(b);
        int each = 25;

        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            Future<?> writingOnA = writers.submit(() -> {
                for (int i = 0; i < each; i++) {
                    editOn(a, f.participant, "a");
                }
            });
            Future<?> writingOnB = writers.submit(() -> {
                for (int i = 0; i < each; i++) {
                    editOn(b, f.otherModerator, "b");
                }
            });
            writingOnA.get();
            writingOnB.get();
        } finally {
            writers.shutdownNow();
        }

        List<Integer> all = IntStream.rangeClosed(1, 2 * each).boxed().toList();
        await().atMost(DEADLINE).until(() -> onA.size() >= 2 * each && onB.size() >= 2 * each);
        // Nothing more may follow: a change delivered twice would arrive within this time.
        await().during(Duration.ofMillis(500)).atMost(DEADLINE)
                .until(() -> onA.size() == 2 * each && onB.size() == 2 * each);
        assertThat(onA).containsExactlyElementsOf(all);
        assertThat(onB).containsExactlyElementsOf(all);
        assertThat(as(f.owner, () -> on(a, CollabService.class).snapshot(f.workspaceId)))
                .isEqualTo(as(f.owner, () -> on(b, CollabService.class).snapshot(f.workspaceId)));
    }

    @Test
    void the_listener_reconnects_after_its_connection_is_terminated_and_pages_still_hear_of_changes()
            throws SQLException {
        List<WorkspaceEvent> onB = pageOn(b);
        ClusterChannel channelB = on(b, ClusterChannel.class);
        long connectionsBefore = channelB.status().connections();

        assertThat(terminateListener("node-b")).isEqualTo(1);

        await().atMost(DEADLINE).until(() -> channelB.status().connections() > connectionsBefore
                && channelB.status().listening());
        // What was sent while it was away is lost, so its pages read afresh at once.
        await().atMost(DEADLINE).until(() -> onB.contains(new RemoteChange(f.workspaceId)));
        onB.clear();

        on(a, LiveEventBus.class).publish(new Ping(f.workspaceId));

        await().atMost(DEADLINE).until(() -> onB.contains(ping()));
    }

    /** A {@code Ping} as node B hears of it from node A. */
    private RemoteChange ping() {
        return new RemoteChange(f.workspaceId, "Ping", List.of(), false);
    }

    private List<Integer> editorOn(ConfigurableApplicationContext node) {
        List<Integer> versions = new CopyOnWriteArrayList<>();
        CollabService collab = on(node, CollabService.class);
        as(f.owner, () -> collab.listen(f.workspaceId,
                updates -> updates.stream().map(AcceptedUpdate::version).forEach(versions::add)));
        // An editor starts from a snapshot, which loads the statement on that node.
        as(f.owner, () -> collab.snapshot(f.workspaceId));
        return versions;
    }

    private void editOn(ConfigurableApplicationContext node, UserSummary who, String text) {
        PushOutcome outcome = as(who, () -> on(node, CollabService.class).edit(f.workspaceId, "client-" + text, 0, 0,
                text));
        assertThat(outcome).isInstanceOf(PushOutcome.Accepted.class);
    }

    private Set<Long> onlineOnB() {
        return as(f.owner, () -> on(b, PresenceService.class).online(f.workspaceId));
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(url, Postgres.user(), Postgres.password());
    }

    private static void notifyRaw(String payload) throws SQLException {
        try (Connection c = database(); PreparedStatement s = c.prepareStatement("select pg_notify(?, ?)")) {
            s.setString(1, "ligevaerd_live");
            s.setString(2, payload);
            s.execute();
        }
    }

    /** Ends the node's listening connection as an administrator (or a failover) would. */
    private static int terminateListener(String nodeId) throws SQLException {
        try (Connection c = database(); PreparedStatement s = c.prepareStatement("""
                select pg_terminate_backend(pid) from pg_stat_activity
                where application_name = ? and datname = current_database()""")) {
            s.setString(1, "ligevaerd-listen-" + nodeId);
            List<Boolean> ended = new ArrayList<>();
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    ended.add(rows.getBoolean(1));
                }
            }
            return (int) ended.stream().filter(Boolean::booleanValue).count();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
