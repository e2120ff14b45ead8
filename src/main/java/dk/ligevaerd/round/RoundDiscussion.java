package dk.ligevaerd.round;

import dk.ligevaerd.shared.WorkspaceEvent;
import java.util.Map;

/**
 * What the discussion says of the rounds, for their cards ("Discuss this round (3)"): implemented
 * by the discussion feature, so the rounds do not depend on it. There may be none.
 */
public interface RoundDiscussion {

    /**
     * How many comments, not deleted, stand in threads about each round of the workspace (or, with
     * {@code records}, about each round's decision record), by round id; rounds without any are
     * left out. Only a member of the workspace may ask.
     */
    Map<Long, Integer> comments(long workspaceId, boolean records);

    /** Whether the event may change those numbers. */
    boolean concerns(WorkspaceEvent event);
}
