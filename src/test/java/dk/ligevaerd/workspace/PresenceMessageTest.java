package dk.ligevaerd.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.ligevaerd.workspace.PresenceMessage.Key;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What nodes tell each other about presence reads back as written, and nothing else is taken. */
class PresenceMessageTest {

    @Test
    void every_kind_of_message_reads_back_as_it_was_written() {
        List<PresenceMessage> messages = List.of(
                new PresenceMessage.Arrived(1, new Key(42, 7)),
                new PresenceMessage.Left(2, new Key(42, 7)),
                new PresenceMessage.Heartbeat(3, List.of(new Key(42, 7), new Key(43, 8))),
                new PresenceMessage.Heartbeat(4, List.of()),
                new PresenceMessage.Asking(5),
                new PresenceMessage.Farewell(6));

        for (PresenceMessage message : messages) {
            assertThat(PresenceMessage.decode(message.encode())).isEqualTo(message);
        }
        assertThat(messages.get(2).encode()).isEqualTo("hb.3.42:7,43:8");
    }

    @Test
    void a_long_heartbeat_is_split_into_parts_that_each_fit_and_together_name_everyone() {
        List<Key> present = new ArrayList<>();
        for (long user = 1; user <= 3_000; user++) {
            present.add(new Key(1_000_000 + user % 7, 5_000_000 + user));
        }
        AtomicLong seq = new AtomicLong(Long.MAX_VALUE - 100);

        List<PresenceMessage.Heartbeat> parts = PresenceMessage.Heartbeat.of(present, 7_960, seq::incrementAndGet);

        assertThat(parts).hasSizeGreaterThan(1);
        assertThat(parts).allSatisfy(part -> assertThat(part.encode().length()).isLessThanOrEqualTo(7_960));
        assertThat(parts.stream().flatMap(p -> p.present().stream()).toList()).isEqualTo(present);
        assertThat(parts.stream().map(PresenceMessage::seq).distinct()).hasSameSizeAs(parts);
    }

    @Test
    void nobody_present_is_still_one_heartbeat() {
        assertThat(PresenceMessage.Heartbeat.of(List.of(), 7_960, () -> 1)).containsExactly(
                new PresenceMessage.Heartbeat(1, List.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "on", "on.1", "on.x.1:2", "on.1.1", "on.1.1:", "on.1.:2", "on.1.1:2:3", "on.1.0:2",
            "on.1.-1:2", "off.1.1:2.3", "hb.1", "hb.1.1:2,", "hb.1.1:2,,3:4", "ask", "ask.1.2", "bye.x", "hello.1",
            "on.1.99999999999999999999:1"})
    void a_malformed_body_is_rejected(String body) {
        assertThatThrownBy(() -> PresenceMessage.decode(body)).isInstanceOf(IllegalArgumentException.class);
    }
}
