package dk.ligevaerd.shared.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The payload of a NOTIFY between nodes: what is written reads back the same, what PostgreSQL
 * would refuse is refused before it is sent, and anything else on the channel is recognised as not
 * ours.
 */
class ClusterMessageTest {

    @Test
    void a_message_reads_back_as_it_was_written() {
        ClusterMessage message = new ClusterMessage("k3x9q0a7mz", "event", "42.BallotCountChanged");

        assertThat(message.encode()).isEqualTo("1;k3x9q0a7mz;event;42.BallotCountChanged");
        assertThat(ClusterMessage.decode(message.encode())).isEqualTo(message);
    }

    @Test
    void an_empty_body_and_the_longest_body_read_back() {
        ClusterMessage empty = new ClusterMessage("web-1", "presence", "");
        String longest = "9".repeat(ClusterMessage.maxBodyLength("web-1", "presence"));
        ClusterMessage full = new ClusterMessage("web-1", "presence", longest);

        assertThat(ClusterMessage.decode(empty.encode())).isEqualTo(empty);
        assertThat(full.encode()).hasSize(ClusterMessage.MAX_LENGTH);
        assertThat(ClusterMessage.decode(full.encode())).isEqualTo(full);
    }

    @Test
    void a_body_longer_than_postgresql_takes_is_refused_before_sending() {
        String tooLong = "9".repeat(ClusterMessage.maxBodyLength("web-1", "presence") + 1);

        assertThatThrownBy(() -> new ClusterMessage("web-1", "presence", tooLong))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Anna skrev: hej", "æøå", "a;b", "line\nbreak", "quote'", "emoji😀", "tab\t"})
    void a_body_with_anything_but_ids_and_kinds_is_refused(String body) {
        assertThatThrownBy(() -> new ClusterMessage("web-1", "event", body))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void node_ids_and_topics_outside_their_alphabet_are_refused() {
        assertThatThrownBy(() -> new ClusterMessage("", "event", "1.X")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClusterMessage("a".repeat(33), "event", "1.X"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClusterMessage("web 1", "event", "1.X"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClusterMessage("web-1", "Event", "1.X"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClusterMessage("web-1", "", "1.X")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "hello", "1;web-1;event", "1;web-1;event;1.X;extra", "2;web-1;event;1.X", ";web-1;event;1.X",
            "1;;event;1.X", "1;web-1;;1.X", "1;web 1;event;1.X", "1;web-1;EVENT;1.X", "1;web-1;event;1 X",
            "1;web-1;event;Anna\nskrev", "{\"node\":\"web-1\"}"})
    void a_malformed_payload_is_rejected(String payload) {
        assertThatThrownBy(() -> ClusterMessage.decode(payload)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_payload_longer_than_postgresql_takes_is_rejected_unread() {
        String payload = "1;web-1;event;" + "9".repeat(ClusterMessage.MAX_LENGTH);

        assertThatThrownBy(() -> ClusterMessage.decode(payload)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("characters");
    }

    @Test
    void what_a_rejection_quotes_cannot_forge_a_log_line() {
        assertThatThrownBy(() -> ClusterMessage.decode("1;web\n2026-01-01 INFO forged;event;1.X"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("\n");
    }
}
