package dk.ligevaerd.insight;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The equality view of a single decision round: who proposed what was on the ballot and what was
 * adopted, who voted against how many could have, who steered the round. Implemented by the rounds
 * feature as a Spring bean; called by {@link InsightService} after the membership check.
 */
public interface RoundEquality {

    /** The workspace's closed rounds, newest first: what the equality view can be narrowed to. */
    List<RoundScope> closedRounds(long workspaceId);

    /**
     * Each side's shares within one closed round, over exactly these sides; empty if the workspace
     * has no closed round with this id.
     */
    Optional<EqualityReport> report(long workspaceId, long roundId, List<Long> sides);

    /** A closed round, named as the equality view offers it. */
    record RoundScope(long roundId, long recordSeq, String title, Instant closedAt) {
    }
}
