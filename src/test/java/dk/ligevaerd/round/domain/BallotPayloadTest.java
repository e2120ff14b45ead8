package dk.ligevaerd.round.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dk.ligevaerd.round.rules.AdoptBallot;
import dk.ligevaerd.round.rules.DotBallot;
import dk.ligevaerd.round.rules.RankingBallot;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Ballots are stored as canonical JSON and read back exactly, by the fast reader and the JSON parser alike. */
class BallotPayloadTest {

    @Property(tries = 300)
    void dot_ballots_read_back_as_written(
            @ForAll @Size(max = 20) Map<@LongRange(min = 1, max = 1_000_000_000_000L) Long,
                    @IntRange(min = 1, max = 100) Integer> points) {
        DotBallot ballot = new DotBallot(points);
        String stored = BallotPayload.dots(ballot);
        assertThat(BallotPayload.readDots(stored)).isEqualTo(ballot);
        assertThat(BallotPayload.readDots(BallotPayload.tree(stored))).isEqualTo(ballot);
    }

    @Test
    void the_stored_forms_are_canonical() {
        Map<Long, Integer> points = new TreeMap<>(Map.of(15L, 2, 12L, 3, 20L, 0));
        assertThat(BallotPayload.dots(new DotBallot(points))).isEqualTo("{\"points\":[[12,3],[15,2]]}");
        assertThat(BallotPayload.ranking(RankingBallot.of(3L, 1L))).isEqualTo("{\"order\":[3,1]}");
        assertThat(BallotPayload.adopt(AdoptBallot.object(" Not \"this\"\n"))).isEqualTo(
                "{\"reason\":\"Not \\\"this\\\"\",\"vote\":\"OBJECT\"}");
        assertThat(BallotPayload.adopt(AdoptBallot.yes())).isEqualTo("{\"vote\":\"YES\"}");
    }

    @Test
    void a_payload_in_another_layout_is_still_read_by_the_json_parser() {
        assertThat(BallotPayload.readDots("{ \"points\" : [ [12, 3] ] }").points()).isEqualTo(Map.of(12L, 3));
        assertThat(BallotPayload.readDots("{\"points\":[]}").points()).isEmpty();
        assertThat(BallotPayload.readAdopt("{\"reason\":\"x\",\"vote\":\"OBJECT\"}")).isEqualTo(AdoptBallot.object("x"));
        assertThat(BallotPayload.readRanking("{\"order\":[3,1]}")).isEqualTo(RankingBallot.of(3L, 1L));
    }
}
