package dk.ligevaerd.statement.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.ligevaerd.statement.live.EditorMessage.Carets;
import dk.ligevaerd.statement.live.EditorMessage.Editor;
import dk.ligevaerd.statement.live.EditorMessage.Range;
import dk.ligevaerd.statement.live.RemoteEditors.Arrived;
import dk.ligevaerd.statement.live.RemoteEditors.Departed;
import dk.ligevaerd.statement.live.RemoteEditors.Moved;
import dk.ligevaerd.statement.live.RemoteEditors.Remote;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The editors other nodes said they have, and how long that holds, on a clock the test moves. */
class RemoteEditorsTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final RemoteEditors remote = new RemoteEditors(Duration.ofNanos(100), now::get);

    private List<RemoteEditors.Change> hear(String node, String body) {
        return remote.received(node, EditorMessage.decode(body));
    }

    private List<String> ids(long workspaceId) {
        return remote.present(workspaceId).stream().map(p -> p.editor().id()).toList();
    }

    @Test
    void an_editor_that_connects_on_another_node_is_present_until_it_disconnects() {
        Remote editor = new Remote("node-b", new Editor(42, "c7", 5, true));

        assertThat(hear("node-b", "on.1.42:c7:5:e")).containsExactly(new Arrived(editor));
        assertThat(ids(42)).containsExactly("node-b:c7");

        assertThat(hear("node-b", "off.2.42:c7")).containsExactly(new Departed(42, "node-b:c7"));
        assertThat(ids(42)).isEmpty();
    }

    @Test
    void the_same_session_id_on_two_nodes_is_two_editors() {
        hear("node-b", "on.1.42:c1:5:e");
        hear("node-c", "on.1.42:c1:6:v");

        assertThat(ids(42)).containsExactly("node-b:c1", "node-c:c1");
        hear("node-b", "off.2.42:c1");
        assertThat(ids(42)).containsExactly("node-c:c1");
    }

    @Test
    void the_editors_of_a_node_that_falls_silent_expire_and_its_heartbeat_holds_the_others() {
        hear("node-b", "on.1.42:c1:5:e");
        hear("node-b", "on.2.43:c2:6:v");
        now.addAndGet(60);
        // The heartbeat repeats c1 only (c2's departure was lost on the way).
        assertThat(hear("node-b", "hb.3.42:c1:5:e")).as("nothing new").isEmpty();
        now.addAndGet(60);

        assertThat(remote.sweep()).containsExactly(new Departed(43, "node-b:c2"));
        assertThat(ids(42)).containsExactly("node-b:c1");

        now.addAndGet(60);
        assertThat(ids(42)).as("expired, though not yet swept").isEmpty();
        assertThat(remote.sweep()).containsExactly(new Departed(42, "node-b:c1"));
        assertThat(remote.sweep()).isEmpty();
    }

    @Test
    void a_heartbeat_brings_editors_whose_arrival_was_missed() {
        assertThat(hear("node-b", "hb.9.42:c1:5:e,42:c2:6:v")).containsExactly(
                new Arrived(new Remote("node-b", new Editor(42, "c1", 5, true))),
                new Arrived(new Remote("node-b", new Editor(42, "c2", 6, false))));
    }

    @Test
    void a_node_that_says_goodbye_takes_its_editors_along_at_once() {
        hear("node-b", "on.1.42:c1:5:e");
        hear("node-c", "on.1.42:c1:6:e");

        assertThat(hear("node-b", "bye.2")).containsExactly(new Departed(42, "node-b:c1"));
        assertThat(ids(42)).containsExactly("node-c:c1");
    }

    @Test
    void carets_are_kept_for_a_known_editor_and_dropped_for_an_unknown_one() {
        hear("node-b", "on.1.42:c1:5:e");

        List<RemoteEditors.Change> moved = hear("node-b", "at.2.42:c1:3-3_5-9,42:c9:1-1");

        Carets carets = new Carets(42, "c1", List.of(new Range(3, 3), new Range(5, 9)));
        assertThat(moved).containsExactly(new Moved(new Remote("node-b", new Editor(42, "c1", 5, true)), carets));
        assertThat(remote.present(42).getFirst().carets()).isEqualTo(carets);
        hear("node-b", "off.3.42:c1");
        assertThat(hear("node-b", "at.4.42:c1:0-0")).as("carets after leaving").isEmpty();
    }

    @Test
    void messages_read_back_as_written_and_split_to_fit_the_longest_body() {
        List<Carets> many = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            List<Range> ranges = new ArrayList<>();
            for (int r = 0; r < LiveSocketHandler.MAX_RANGES; r++) {
                ranges.add(new Range(LiveSocketHandler.MAX_POSITION, r));
            }
            many.add(new Carets(123_456_789L, "c" + i, ranges));
        }
        AtomicLong seq = new AtomicLong();

        List<EditorMessage.Moved> parts = EditorMessage.Moved.of(many, 7_900, seq::incrementAndGet);

        assertThat(parts).hasSizeGreaterThan(1);
        assertThat(parts).allSatisfy(part -> assertThat(part.encode().length()).isLessThanOrEqualTo(7_900));
        assertThat(parts.stream().flatMap(part -> ((EditorMessage.Moved) EditorMessage.decode(part.encode()))
                .carets().stream()).toList()).isEqualTo(many);
        assertThat(EditorMessage.decode("hb.3.42:c1:5:e,43:c2:6:v")).isEqualTo(new EditorMessage.Heartbeat(3,
                List.of(new Editor(42, "c1", 5, true), new Editor(43, "c2", 6, false))));
        assertThat(EditorMessage.Heartbeat.of(List.of(), 7_900, seq::incrementAndGet)).isEmpty();
    }

    @Test
    void malformed_messages_are_refused() {
        for (String body : List.of("", "on", "on.x.42:c1:5:e", "on.1.42:c1:5:x", "on.1.42:c-1:5:e", "on.1.0:c1:5:e",
                "off.1.42", "at.1.42:c1:5", "at.1.42:c1:-1-2", "at.1.42:c1:1-2000000", "hb.1.42:c1", "ask.1.2",
                "zz.1")) {
            assertThatThrownBy(() -> EditorMessage.decode(body)).as(body).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
