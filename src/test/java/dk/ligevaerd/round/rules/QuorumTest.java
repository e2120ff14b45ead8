package dk.ligevaerd.round.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class QuorumTest {

    @Test
    void each_side_is_held_to_its_own_quorum_and_the_others_to_the_common_one() {
        Quorum quorum = new Quorum(1, Map.of(2L, 3));
        assertThat(quorum.of(1L)).isEqualTo(1);
        assertThat(quorum.of(2L)).isEqualTo(3);
        assertThat(quorum.missedBy(Map.of(1L, 1, 2L, 2, 3L, 0))).containsExactly(2L, 3L);
        assertThat(quorum.missedBy(Map.of(1L, 1, 2L, 3, 3L, 1))).isEmpty();
    }
}
