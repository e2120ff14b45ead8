package dk.ligevaerd.statement;

import static dk.ligevaerd.support.Acting.as;
import static dk.ligevaerd.support.Refusals.keyOf;
import static org.assertj.core.api.Assertions.assertThat;

import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.account.UserSummary;
import dk.ligevaerd.statement.collab.AcceptedUpdate;
import dk.ligevaerd.statement.collab.Authority;
import dk.ligevaerd.statement.collab.Authorship;
import dk.ligevaerd.statement.collab.ChangeSet;
import dk.ligevaerd.statement.domain.StatementChangeLog;
import dk.ligevaerd.statement.domain.StatementRepository;
import dk.ligevaerd.support.MutableClock;
import dk.ligevaerd.support.TestClockConfig;
import dk.ligevaerd.workspace.InvitationService;
import dk.ligevaerd.workspace.WorkspaceFixture;
import dk.ligevaerd.workspace.WorkspaceService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The replay of how the statement grew: every frame is the text after exactly that many changes,
 * with who wrote each character of it, whatever the order frames are asked in and whether they come
 * from a checkpoint; any member may replay, nobody else, and only versions that exist.
 */
@SpringBootTest(properties = {"ligevaerd.demo.enabled=false",
        "spring.datasource.url=jdbc:h2:file:./target/test-db/replay-${random.uuid}"})
@Import(TestClockConfig.class)
class StatementReplayIT {

    @Autowired AccountService accounts;
    @Autowired WorkspaceService workspaces;
    @Autowired InvitationService invitations;
    @Autowired CollabService collab;
    @Autowired StatementService statements;
    @Autowired StatementRepository statementRows;
    @Autowired StatementChangeLog changeLog;
    @Autowired ReplayCheckpoints checkpoints;
    @Autowired MutableClock clock;

    WorkspaceFixture f;
    /** What the test expects, kept without the code under test: the text and each character's side. */
    List<String> texts;
    List<List<Long>> sidesByCharacter;
    List<Instant> acceptedAt;
    /** The stored changes, read once for the plain replays. */
    List<AcceptedUpdate> log = List.of();

    @BeforeEach
    void fixture() {
        f = new WorkspaceFixture(accounts, workspaces, invitations);
        texts = new ArrayList<>(List.of(""));
        sidesByCharacter = new ArrayList<>(List.of(List.of()));
        acceptedAt = new ArrayList<>();
    }

    /** Makes one change through the same path as a browser, and what it should do to the expectation. */
    private void edit(UserSummary who, long side, int from, int to, String insert) {
        clock.advance(Duration.ofMinutes(1));
        PushOutcome outcome = as(who, () -> collab.edit(f.workspaceId, "test-" + who.id(), from, to, insert));
        assertThat(outcome).isInstanceOf(PushOutcome.Accepted.class);
        String before = texts.getLast();
        texts.add(before.substring(0, from) + insert + before.substring(to));
        List<Long> owners = new ArrayList<>(sidesByCharacter.getLast());
        owners.subList(from, to).clear();
        owners.addAll(from, Collections.nCopies(insert.length(), side));
        sidesByCharacter.add(owners);
        acceptedAt.add(clock.instant());
    }

    private void municipal(int from, int to, String insert) {
        edit(f.participant, f.municipalSideId, from, to, insert);
    }

    private void civil(int from, int to, String insert) {
        edit(f.otherModerator, f.civilSideId, from, to, insert);
    }

    /** Six changes by both sides: insertions, a replacement across both sides' text, a deletion. */
    private void aStatementWrittenByBothSides() {
        municipal(0, 0, "Besøg hver uge.");                      // 1
        civil(15, 15, " Fællesskab først.");                      // 2
        municipal(0, 0, "Formål: ");                              // 3
        civil(14, 24, "hver dag og ");                            // 4: "hver uge. " → "hver dag og "
        municipal(text().length(), text().length(), "\n\nSlut."); // 5
        civil(0, 8, "");                                          // 6: deletes "Formål: "
    }

    private String text() {
        return texts.getLast();
    }

    private ReplayFrame frame(UserSummary who, int version) {
        return as(who, () -> statements.frame(f.workspaceId, version));
    }

    private static List<Long> sidesOf(ReplayFrame frame) {
        List<Long> sides = new ArrayList<>();
        frame.authorship().forEach(s -> sides.addAll(Collections.nCopies(s.to() - s.from(), s.sideId())));
        return sides;
    }

    private long statementId() {
        return statementRows.findByWorkspaceId(f.workspaceId).orElseThrow().id();
    }

    @Test
    void the_frame_at_every_version_is_the_text_after_that_many_changes_with_its_authors_sides() {
        aStatementWrittenByBothSides();

        for (int v = 0; v < texts.size(); v++) {
            ReplayFrame frame = frame(f.observer, v);
            assertThat(frame.version()).isEqualTo(v);
            assertThat(frame.text()).as("text at version %d", v).isEqualTo(texts.get(v));
            assertThat(sidesOf(frame)).as("sides at version %d", v).isEqualTo(sidesByCharacter.get(v));
        }
        assertThat(frame(f.owner, 6).text()).isEqualTo(as(f.owner, () -> collab.snapshot(f.workspaceId)).text());
    }

    @Test
    void spans_cover_the_text_in_order_and_name_the_user_who_wrote_them() {
        aStatementWrittenByBothSides();

        ReplayFrame frame = frame(f.observer, 3);

        assertThat(frame.text()).isEqualTo("Formål: Besøg hver uge. Fællesskab først.");
        assertThat(frame.authorship()).containsExactly(
                new ReplayFrame.AuthorSpan(0, 23, f.participant.id(), f.municipalSideId),
                new ReplayFrame.AuthorSpan(23, 41, f.otherModerator.id(), f.civilSideId));
    }

    @Test
    void a_frame_says_what_its_change_inserted_and_what_it_replaced() {
        aStatementWrittenByBothSides();

        ReplayFrame replacement = frame(f.observer, 4);
        assertThat(replacement.text()).isEqualTo("Formål: Besøg hver dag og Fællesskab først.");
        assertThat(replacement.edits()).containsExactly(new ReplayFrame.Edit(14, 26, "hver uge. "));
        assertThat(replacement.inserted()).containsExactly(new ReplayFrame.Range(14, 26));
        assertThat(replacement.text().substring(14, 26)).isEqualTo("hver dag og ");
        assertThat(replacement.insertedLength()).isEqualTo(12);
        assertThat(replacement.removedLength()).isEqualTo(10);
        assertThat(replacement.authorship()).containsExactly(
                new ReplayFrame.AuthorSpan(0, 14, f.participant.id(), f.municipalSideId),
                new ReplayFrame.AuthorSpan(14, 43, f.otherModerator.id(), f.civilSideId));

        ReplayFrame deletion = frame(f.observer, 6);
        assertThat(deletion.edits()).containsExactly(new ReplayFrame.Edit(0, 0, "Formål: "));
        assertThat(deletion.inserted()).isEmpty();

        assertThat(frame(f.observer, 0)).isEqualTo(ReplayFrame.start());
    }

    @Test
    void a_change_in_several_places_at_once_names_each_insertion() {
        municipal(0, 0, "abcdef");
        LiveSnapshot now = as(f.participant, () -> collab.snapshot(f.workspaceId));
        // One change as a browser with two cursors sends it: "X" before "abc", "YY" in place of "de".
        ChangeSet twoPlaces = ChangeSet.parse("[[0,\"X\"],3,[2,\"YY\"],1]", 6);
        PushOutcome outcome = as(f.participant, () -> collab.push(f.workspaceId, now.version(),
                List.of(new LiveChange("two-cursors", twoPlaces))));
        assertThat(outcome).isInstanceOf(PushOutcome.Accepted.class);

        ReplayFrame frame = frame(f.observer, 2);

        assertThat(frame.text()).isEqualTo("XabcYYf");
        assertThat(frame.edits()).containsExactly(new ReplayFrame.Edit(0, 1, ""), new ReplayFrame.Edit(4, 6, "de"));
        assertThat(frame.inserted()).containsExactly(new ReplayFrame.Range(0, 1), new ReplayFrame.Range(4, 6));
    }

    @Test
    void the_steps_name_each_change_its_author_side_and_time() {
        aStatementWrittenByBothSides();

        List<ReplayStep> steps = as(f.observer, () -> statements.replay(f.workspaceId));

        assertThat(steps).extracting(ReplayStep::version).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(steps).extracting(ReplayStep::authorId).containsExactly(f.participant.id(),
                f.otherModerator.id(), f.participant.id(), f.otherModerator.id(), f.participant.id(),
                f.otherModerator.id());
        assertThat(steps).extracting(ReplayStep::sideId).containsExactly(f.municipalSideId, f.civilSideId,
                f.municipalSideId, f.civilSideId, f.municipalSideId, f.civilSideId);
        assertThat(steps).extracting(ReplayStep::acceptedAt).isEqualTo(acceptedAt);
    }

    @Test
    void an_observer_may_replay_and_an_outsider_may_not() {
        aStatementWrittenByBothSides();

        assertThat(as(f.observer, () -> statements.replay(f.workspaceId))).hasSize(6);
        assertThat(frame(f.observer, 2).text()).isEqualTo(texts.get(2));
        assertThat(keyOf(() -> as(f.outsider, () -> statements.replay(f.workspaceId))))
                .isEqualTo("error.notFoundOrNoAccess");
        assertThat(keyOf(() -> frame(f.outsider, 2))).isEqualTo("error.notFoundOrNoAccess");
        assertThat(keyOf(() -> frame(f.otherWorkspaceOwner, 2))).isEqualTo("error.notFoundOrNoAccess");
    }

    @Test
    void a_version_outside_the_history_is_refused_and_changes_nothing() {
        aStatementWrittenByBothSides();
        List<Integer> storedBefore = changeLog.versions(statementId());
        List<Integer> checkpointsBefore = checkpoints.versions(statementId());

        assertThat(keyOf(() -> frame(f.observer, 7))).isEqualTo("statement.replay.outOfRange");
        assertThat(keyOf(() -> frame(f.observer, -1))).isEqualTo("statement.replay.outOfRange");
        assertThat(keyOf(() -> frame(f.owner, Integer.MAX_VALUE))).isEqualTo("statement.replay.outOfRange");

        assertThat(changeLog.versions(statementId())).isEqualTo(storedBefore);
        assertThat(checkpoints.versions(statementId())).isEqualTo(checkpointsBefore);
        assertThat(as(f.owner, () -> collab.snapshot(f.workspaceId)).text()).isEqualTo(text());
    }

    @Test
    void a_statement_nobody_wrote_replays_as_the_empty_start_only_and_is_not_created_by_it() {
        long untouched = f.otherWorkspaceId;

        assertThat(as(f.otherWorkspaceOwner, () -> statements.replay(untouched))).isEmpty();
        assertThat(as(f.otherWorkspaceOwner, () -> statements.frame(untouched, 0))).isEqualTo(ReplayFrame.start());
        assertThat(keyOf(() -> as(f.otherWorkspaceOwner, () -> statements.frame(untouched, 1))))
                .isEqualTo("statement.replay.outOfRange");
        assertThat(statementRows.findByWorkspaceId(untouched)).isEmpty();
    }

    @Test
    void frames_from_checkpoints_equal_a_fresh_replay_from_the_start_and_the_cache_grows_with_the_history() {
        Random random = new Random(20261127);
        for (int i = 0; i < 300; i++) {
            randomEdit(random);
        }
        long id = statementId();
        assertThat(checkpoints.versions(id)).isEmpty();

        // The latest first: one replay from the start that leaves a checkpoint every 64 changes.
        assertThat(frame(f.observer, 300)).isEqualTo(freshFrame(300));
        assertThat(checkpoints.versions(id)).containsExactly(64, 128, 192, 256);

        List<Integer> order = new ArrayList<>(IntStream.rangeClosed(0, 300).boxed().toList());
        Collections.shuffle(order, random);
        for (int v : order) {
            assertThat(frame(f.owner, v)).as("frame %d", v).isEqualTo(freshFrame(v));
            assertThat(frame(f.owner, v).text()).isEqualTo(texts.get(v));
        }

        // The history grows: what was cached stays, later checkpoints are added, frames stay right.
        for (int i = 0; i < 40; i++) {
            randomEdit(random);
        }
        assertThat(checkpoints.versions(id)).containsExactly(64, 128, 192, 256);
        for (int v = 250; v <= 340; v++) {
            assertThat(frame(f.participant, v)).as("frame %d after growth", v).isEqualTo(freshFrame(v));
            assertThat(sidesOf(frame(f.participant, v))).isEqualTo(sidesByCharacter.get(v));
        }
        assertThat(checkpoints.versions(id)).containsExactly(64, 128, 192, 256, 320);
    }

    private void randomEdit(Random random) {
        String now = text();
        int from = now.isEmpty() ? 0 : random.nextInt(now.length() + 1);
        int to = random.nextInt(4) == 0 ? Math.min(now.length(), from + random.nextInt(12)) : from;
        String insert = to > from && random.nextBoolean() ? "" : "ord%d ".formatted(texts.size());
        if (random.nextBoolean()) {
            municipal(from, to, insert);
        } else {
            civil(from, to, insert);
        }
    }

    /** The frame computed the plain way, from the empty text, without any checkpoint. */
    private ReplayFrame freshFrame(int version) {
        if (log.size() < version) {
            log = changeLog.after(statementId(), 0);
        }
        List<AcceptedUpdate> all = log.subList(0, version);
        Authorship authorship = Authorship.replay(all);
        List<ReplayFrame.AuthorSpan> spans = authorship.spans().stream()
                .map(s -> new ReplayFrame.AuthorSpan(s.from(), s.to(), s.author().userId(), s.author().sideId()))
                .toList();
        List<ReplayFrame.Edit> edits = new ArrayList<>();
        if (version > 0) {
            String before = Authority.replay("", 0, all.subList(0, version - 1)).text();
            for (ChangeSet.Change c : all.getLast().changes().changes()) {
                edits.add(new ReplayFrame.Edit(c.fromB(), c.toB(), before.substring(c.fromA(), c.toA())));
            }
        }
        return new ReplayFrame(version, Authority.replay("", 0, all).text(), spans, edits);
    }
}
