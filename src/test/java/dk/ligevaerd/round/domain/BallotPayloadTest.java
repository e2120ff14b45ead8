package dk.ligevaerd.round.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import dk.ligevaerd.round.rules.AdoptBallot;
import dk.ligevaerd.round.rules.DotBallot;
import dk.ligevaerd.round.rules.RankingBallot;
import dk.ligevaerd.testing.Cases;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Ballots are stored as canonical JSON and read back exactly, by the fast reader and the JSON parser alike. */
class BallotPayloadTest {

    @Test
    void dot_ballots_read_back_as_written() {
        Cases cases = new Cases("dot_ballots_read_back_as_written");
        qt().withExamples(300)
                .forAll(lists().of(longs().between(1, 1_000_000_000_000L).zip(integers().between(1, 100), Map::entry))
                        .ofSizeBetween(0, 20))
                .checkAssert(entries -> {
                    Map<Long, Integer> points = new HashMap<>();
                    entries.forEach(entry -> points.put(entry.getKey(), entry.getValue()));
                    DotBallot ballot = new DotBallot(points);
                    String stored = BallotPayload.dots(ballot);
                    assertThat(BallotPayload.readDots(stored)).isEqualTo(ballot);
                    assertThat(BallotPayload.readDots(BallotPayload.tree(stored))).isEqualTo(ballot);
                    cases.collect("options", points.isEmpty() ? "0" : points.size() < 10 ? "1-9" : "10-20");
                });
        cases.print();
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
