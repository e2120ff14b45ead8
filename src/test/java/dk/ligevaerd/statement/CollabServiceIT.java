package dk.ligevaerd.statement;

import static dk.ligevaerd.support.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.shared.NotFoundOrNoAccessException;
import dk.ligevaerd.shared.NotPermittedException;
import dk.ligevaerd.shared.cluster.ClusterChannel;
import dk.ligevaerd.statement.collab.AcceptedUpdate;
import dk.ligevaerd.statement.collab.ChangeSet;
import dk.ligevaerd.statement.collab.InvalidChange;
import dk.ligevaerd.statement.domain.StatementChangeLog;
import dk.ligevaerd.statement.domain.StatementRepository;
import dk.ligevaerd.workspace.InvitationService;
import dk.ligevaerd.workspace.WorkspaceFixture;
import dk.ligevaerd.workspace.WorkspaceAccess;
import dk.ligevaerd.workspace.WorkspaceService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The server's side of live co-writing: what it accepts, stores and tells the open editors, and
 * that every refusal leaves the stored text exactly as it was.
 */
@SpringBootTest(properties = {"ligevaerd.demo.enabled=false",
        "spring.datasource.url=jdbc:h2:file:./target/test-db/collab-${random.uuid}"})
class CollabServiceIT {

    @Autowired AccountService accounts;
    @Autowired WorkspaceService workspaces;
    @Autowired InvitationService invitations;
    @Autowired CollabService collab;
    @Autowired StatementService statementService;
    @Autowired StatementRepository statements;
    @Autowired StatementChangeLog changeLog;
    @Autowired WorkspaceAccess access;
    @Autowired PlatformTransactionManager transactions;
    @Autowired Clock clock;
    @Autowired dk.ligevaerd.shared.LiveEventBus bus;

    WorkspaceFixture f;

    @BeforeEach
    void fixture() {
        f = new WorkspaceFixture(accounts, workspaces, invitations);
    }

    private PushOutcome pushAsParticipant(int version, ChangeSet... changes) {
        List<LiveChange> batch = new ArrayList<>();
        for (ChangeSet c : changes) {
            batch.add(new LiveChange("client-p", c));
        }
        return as(f.participant, () -> collab.push(f.workspaceId, version, batch));
    }

    private LiveSnapshot snapshot() {
        return as(f.owner, () -> collab.snapshot(f.workspaceId));
    }

    private String storedText() {
        return statements.findByWorkspaceId(f.workspaceId).orElseThrow().text();
    }

    private List<Integer> storedVersions() {
        return statements.findByWorkspaceId(f.workspaceId).map(s -> changeLog.versions(s.id())).orElse(List.of());
    }

    /** Appends as the participant from an editor of its own ("writer"). */
    private void write(String text) {
        LiveSnapshot now = snapshot();
        int end = now.text().length();
        assertThat(as(f.participant, () -> collab.push(f.workspaceId, now.version(),
                List.of(new LiveChange("writer", ChangeSet.replace(end, end, end, text))))))
                .isInstanceOf(PushOutcome.Accepted.class);
    }

    @Test
    void a_new_statement_starts_empty_at_version_zero() {
        LiveSnapshot start = snapshot();

        assertThat(start.text()).isEmpty();
        assertThat(start.version()).isZero();
        assertThat(start.canEdit()).isTrue();
    }

    @Test
    void a_change_at_the_current_version_is_stored_and_acknowledged_with_the_new_version() {
        PushOutcome outcome = pushAsParticipant(0, ChangeSet.replace(0, 0, 0, "Vi vil mødes."));

        assertThat(outcome).isEqualTo(new PushOutcome.Accepted(1));
        assertThat(storedText()).isEqualTo("Vi vil mødes.");
        assertThat(storedVersions()).containsExactly(1);
        assertThat(snapshot().text()).isEqualTo("Vi vil mødes.");
    }

    @Test
    void a_batch_is_stored_as_consecutive_versions() {
        ChangeSet first = ChangeSet.replace(0, 0, 0, "Formål");
        ChangeSet second = ChangeSet.replace(6, 6, 6, ": fællesskab");

        assertThat(pushAsParticipant(0, first, second)).isEqualTo(new PushOutcome.Accepted(2));
        assertThat(storedVersions()).containsExactly(1, 2);
        assertThat(storedText()).isEqualTo("Formål: fællesskab");
    }

    @Test
    void a_change_made_one_version_behind_is_moved_over_the_newer_change_and_stored() {
        write("Første");

        // From another editor (client ID) than the one that wrote "Første".
        PushOutcome outcome = as(f.participant, () -> collab.push(f.workspaceId, 0,
                List.of(new LiveChange("other-editor", ChangeSet.replace(0, 0, 0, "Anden ")))));

        assertThat(outcome).isEqualTo(new PushOutcome.Accepted(2));
        assertThat(storedText()).isEqualTo("Første" + "Anden ");
        assertThat(storedVersions()).containsExactly(1, 2);
    }

    @Test
    void a_change_made_several_versions_behind_is_moved_over_each_newer_change_in_turn() {
        write("Første");
        write(" anden");

        PushOutcome outcome = as(f.participant, () -> collab.push(f.workspaceId, 0,
                List.of(new LiveChange("other-editor", ChangeSet.replace(0, 0, 0, "Tredje: ")))));

        assertThat(outcome).isEqualTo(new PushOutcome.Accepted(3));
        // Typed at the very start of the empty text, where "Første" went first: it goes after each.
        assertThat(storedText()).isEqualTo("Første andenTredje: ");
        assertThat(storedVersions()).containsExactly(1, 2, 3);
    }

    @Test
    void an_editor_sending_again_what_was_accepted_already_stores_it_once() {
        ChangeSet first = ChangeSet.replace(0, 0, 0, "Én gang");
        pushAsParticipant(0, first);
        write(" – ");

        // The acknowledgement was lost: the same editor sends the same change, with a new one.
        PushOutcome outcome = pushAsParticipant(0, first, ChangeSet.replace(7, 7, 7, "!"));

        assertThat(outcome).isEqualTo(new PushOutcome.Accepted(3));
        // "!" and " – " were both typed at the end of "Én gang"; the later one goes after.
        assertThat(storedText()).isEqualTo("Én gang – !");
        assertThat(storedVersions()).containsExactly(1, 2, 3);
    }

    @Test
    void a_version_from_the_future_is_refused_and_stores_nothing() {
        write("Tekst");

        PushOutcome outcome = pushAsParticipant(7, ChangeSet.replace(5, 0, 0, "x"));

        assertThat(outcome).isInstanceOfSatisfying(PushOutcome.Refused.class,
                r -> assertThat(r.messageKey()).isEqualTo(InvalidChange.VERSION_FROM_FUTURE));
        assertThat(storedText()).isEqualTo("Tekst");
        assertThat(storedVersions()).containsExactly(1);
    }

    @Test
    void a_change_for_a_text_of_another_length_is_refused_and_stores_nothing() {
        write("Tekst");

        PushOutcome outcome = pushAsParticipant(1, ChangeSet.replace(9, 0, 0, "x"));

        assertThat(outcome).isInstanceOfSatisfying(PushOutcome.Refused.class,
                r -> assertThat(r.messageKey()).isEqualTo(InvalidChange.WRONG_LENGTH));
        assertThat(storedText()).isEqualTo("Tekst");
    }

    @Test
    void a_batch_with_one_bad_change_is_refused_whole() {
        ChangeSet good = ChangeSet.replace(0, 0, 0, "God");
        ChangeSet bad = ChangeSet.replace(10, 0, 0, "dårlig");

        PushOutcome outcome = pushAsParticipant(0, good, bad);

        assertThat(outcome).isInstanceOf(PushOutcome.Refused.class);
        assertThat(storedText()).isEmpty();
        assertThat(storedVersions()).isEmpty();
        assertThat(snapshot().version()).isZero();
    }

    @Test
    void text_beyond_twenty_thousand_characters_is_refused_and_stores_nothing() {
        write("a".repeat(19_990));

        PushOutcome outcome = pushAsParticipant(1, ChangeSet.replace(19_990, 0, 0, "b".repeat(11)));

        assertThat(outcome).isInstanceOfSatisfying(PushOutcome.Refused.class, r -> {
            assertThat(r.messageKey()).isEqualTo(InvalidChange.TOO_LONG);
            assertThat(r.arguments()).containsExactly(20_000, 20_001);
        });
        assertThat(storedText()).hasSize(19_990);
        assertThat(storedVersions()).containsExactly(1);
    }

    @Test
    void exactly_twenty_thousand_characters_are_accepted() {
        write("a".repeat(20_000));

        assertThat(storedText()).hasSize(20_000);
    }

    @Test
    void an_observer_reads_live_but_cannot_write() {
        write("Synlig");

        LiveSnapshot seen = as(f.observer, () -> collab.snapshot(f.workspaceId));
        assertThat(seen.text()).isEqualTo("Synlig");
        assertThat(seen.canEdit()).isFalse();
        assertThat(as(f.observer, () -> collab.updatesSince(f.workspaceId, 0))).hasSize(1);

        assertThatThrownBy(() -> as(f.observer, () -> collab.push(f.workspaceId, 1,
                List.of(new LiveChange("obs", ChangeSet.replace(6, 0, 6, "Skjult"))))))
                .isInstanceOf(NotPermittedException.class);
        assertThat(storedText()).isEqualTo("Synlig");
        assertThat(storedVersions()).containsExactly(1);
    }

    @Test
    void a_non_member_learns_nothing_and_changes_nothing() {
        write("Hemmelig");

        assertThatThrownBy(() -> as(f.outsider, () -> collab.snapshot(f.workspaceId)))
                .isInstanceOf(NotFoundOrNoAccessException.class);
        assertThatThrownBy(() -> as(f.outsider, () -> collab.updatesSince(f.workspaceId, 0)))
                .isInstanceOf(NotFoundOrNoAccessException.class);
        assertThatThrownBy(() -> as(f.outsider, () -> collab.push(f.workspaceId, 1,
                List.of(new LiveChange("out", ChangeSet.replace(8, 0, 8, "Offentlig"))))))
                .isInstanceOf(NotFoundOrNoAccessException.class);
        assertThatThrownBy(() -> as(f.otherWorkspaceOwner, () -> collab.push(f.workspaceId, 1,
                List.of(new LiveChange("out", ChangeSet.replace(8, 0, 8, "Offentlig"))))))
                .isInstanceOf(NotFoundOrNoAccessException.class);
        assertThat(storedText()).isEqualTo("Hemmelig");
    }

    @Test
    void an_editor_catching_up_gets_the_missed_changes_in_order() {
        write("a");
        write("b");
        write("c");

        List<AcceptedUpdate> missed = as(f.participant, () -> collab.updatesSince(f.workspaceId, 1));

        assertThat(missed).extracting(AcceptedUpdate::version).containsExactly(2, 3);
        assertThat(missed).extracting(u -> u.author().sideId()).containsOnly(f.municipalSideId);
        assertThatThrownBy(() -> as(f.participant, () -> collab.updatesSince(f.workspaceId, 4)))
                .isInstanceOfSatisfying(InvalidChange.class,
                        e -> assertThat(e.messageKey()).isEqualTo(InvalidChange.VERSION_FROM_FUTURE));
    }

    @Test
    void listeners_hear_every_accepted_change_once_and_nothing_that_was_refused() {
        List<Integer> heard = Collections.synchronizedList(new ArrayList<>());
        Runnable stop = as(f.observer, () -> collab.listen(f.workspaceId,
                updates -> updates.forEach(u -> heard.add(u.version()))));

        write("Et");
        pushAsParticipant(9, ChangeSet.replace(2, 0, 0, "fremtid"));
        pushAsParticipant(1, ChangeSet.replace(5, 0, 0, "forkert længde"));
        write(" to");
        stop.run();
        write(" tre");

        assertThat(heard).containsExactly(1, 2);
    }

    @Test
    void authorship_shares_count_what_each_side_wrote_of_the_current_text() {
        write("Kommunen skriver. ");
        LiveSnapshot now = snapshot();
        as(f.otherModerator, () -> collab.push(f.workspaceId, now.version(), List.of(new LiveChange("c",
                ChangeSet.replace(now.text().length(), now.text().length(), now.text().length(), "Foreningen også.")))));
        LiveSnapshot after = snapshot();
        // The civil side deletes "skriver" (7 characters) written by the municipal side.
        int at = after.text().indexOf("skriver");
        as(f.otherModerator, () -> collab.push(f.workspaceId, after.version(),
                List.of(new LiveChange("c", ChangeSet.replace(after.text().length(), at, at + 7, "taler")))));

        LiveSnapshot end = snapshot();
        assertThat(end.text()).isEqualTo("Kommunen taler. Foreningen også.");
        assertThat(end.shares()).containsEntry(f.municipalSideId, "Kommunen . ".length())
                .containsEntry(f.civilSideId, "taler".length() + "Foreningen også.".length());
        assertThat(end.authorship()).extracting(LiveSnapshot.AuthorSpan::sideId)
                .containsExactly(f.municipalSideId, f.civilSideId, f.municipalSideId, f.civilSideId);
    }

    @Test
    void a_saved_version_holds_the_text_as_edited_live() {
        write("Udkast til bestyrelsen");

        long id = as(f.participant, () -> statementService.saveVersion(f.workspaceId, "Til bestyrelsen"));

        VersionView version = as(f.owner, () -> statementService.version(f.workspaceId, id));
        assertThat(version.text()).isEqualTo("Udkast til bestyrelsen");
        assertThat(version.statementVersion()).isEqualTo(1);
    }

    @Test
    void concurrent_writers_lose_nothing_and_leave_no_gap_in_the_versions() throws Exception {
        int writers = 4;
        int editsEach = 15;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            String mark = String.valueOf((char) ('A' + w));
            var writer = w % 2 == 0 ? f.participant : f.otherModerator;
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < editsEach; i++) {
                    PushOutcome outcome = as(writer, () -> collab.edit(f.workspaceId, "w" + mark, 0, 0, mark));
                    assertThat(outcome).isInstanceOf(PushOutcome.Accepted.class);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> d : done) {
            d.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        String text = storedText();
        assertThat(text).hasSize(writers * editsEach);
        for (int w = 0; w < writers; w++) {
            char mark = (char) ('A' + w);
            assertThat(text.chars().filter(c -> c == mark).count()).isEqualTo(editsEach);
        }
        List<Integer> expected = new ArrayList<>();
        for (int v = 1; v <= writers * editsEach; v++) {
            expected.add(v);
        }
        assertThat(storedVersions()).isEqualTo(expected);
        assertThat(snapshot().text()).isEqualTo(text);
    }

    /** A service with nothing in memory over the same database: what a restart, or a second node, has. */
    private CollabService freshService() {
        return new CollabService(statements, changeLog, access, transactions, clock, ClusterChannel.alone(), bus);
    }

    @Test
    void after_a_restart_text_versions_and_authorship_are_rebuilt_from_the_stored_changes() {
        write("Kommunen skriver. ");
        LiveSnapshot mid = snapshot();
        as(f.otherModerator, () -> collab.push(f.workspaceId, mid.version(), List.of(new LiveChange("c",
                ChangeSet.replace(mid.text().length(), 0, 8, "Vi")))));
        LiveSnapshot before = snapshot();

        CollabService restarted = freshService();
        LiveSnapshot after = as(f.owner, () -> restarted.snapshot(f.workspaceId));

        assertThat(after).isEqualTo(before);
        assertThat(after.text()).isEqualTo("Vi skriver. ");
        assertThat(after.shares()).containsEntry(f.civilSideId, 2).containsEntry(f.municipalSideId, 10);
        assertThat(as(f.participant, () -> restarted.push(f.workspaceId, after.version(),
                List.of(new LiveChange("p", ChangeSet.replace(12, 12, 12, "Sammen."))))))
                .isEqualTo(new PushOutcome.Accepted(after.version() + 1));
        assertThat(storedVersions()).containsExactly(1, 2, 3);
    }

    @Test
    void changes_another_node_stored_reach_this_nodes_listeners_once_and_in_order_when_it_next_reads() {
        write("Fælles");
        CollabService otherNode = freshService();
        List<Integer> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        Runnable stop = as(f.owner, () -> collab.listen(f.workspaceId,
                updates -> updates.forEach(u -> heard.add(u.version()))));

        as(f.participant, () -> otherNode.edit(f.workspaceId, "n2", 0, 0, "Vores "));
        as(f.participant, () -> otherNode.edit(f.workspaceId, "n2", 0, 0, "Nu: "));
        // This node hears of them when it next reads the statement (here, twice), or pushes.
        snapshot();
        snapshot();
        write("!");

        assertThat(heard).containsExactly(2, 3, 4);
        assertThat(snapshot().text()).isEqualTo("Nu: Vores Fælles!");
        assertThat(snapshot().shares()).containsEntry(f.municipalSideId, 17);
        stop.run();
    }

    @Test
    void two_nodes_on_one_database_never_accept_a_change_at_the_same_version() {
        write("Fælles");
        CollabService otherNode = freshService();
        assertThat(as(f.owner, () -> otherNode.snapshot(f.workspaceId)).version()).isEqualTo(1);

        // This node moves on twice; the other node still believes the text is at version 1.
        write(" formål");
        write(".");
        PushOutcome stale = as(f.otherModerator, () -> otherNode.push(f.workspaceId, 1,
                List.of(new LiveChange("n2", ChangeSet.replace(6, 0, 0, "Vores ")))));

        // The other node reads the two changes it has not seen and moves its change over them.
        assertThat(stale).isEqualTo(new PushOutcome.Accepted(4));
        assertThat(storedText()).isEqualTo("Vores Fælles formål.");
        // And this node catches up in turn rather than accepting at version 4 again.
        assertThat(pushAsParticipant(3, ChangeSet.replace(14, 14, 14, "!"))).isEqualTo(new PushOutcome.Accepted(5));
        assertThat(storedText()).isEqualTo("Vores Fælles formål.!");
        assertThat(storedVersions()).containsExactly(1, 2, 3, 4, 5);
        assertThat(as(f.owner, () -> otherNode.snapshot(f.workspaceId)).text()).isEqualTo("Vores Fælles formål.!");
        assertThat(snapshot().text()).isEqualTo("Vores Fælles formål.!");
    }
}
