package dk.ligevaerd.workspace;

import java.time.Instant;
import java.util.Optional;

/**
 * When anything last happened in a workspace, for its retention rule's "months without activity".
 * The history feature answers (every change is in the history); a Spring bean there.
 */
public interface WorkspaceActivity {

    /** The moment of the workspace's newest history entry; empty when it has none. */
    Optional<Instant> lastActivity(long workspaceId);
}
