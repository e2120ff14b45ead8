package dk.ligevaerd.workspace;

import java.util.Map;

/**
 * What a mail about a workspace names: the workspace, its language ("da" or "en") and its sides.
 *
 * @param sideNames the sides now, by id
 */
public record WorkspaceFacts(long id, String name, String language, Map<Long, String> sideNames) {

    public WorkspaceFacts {
        sideNames = Map.copyOf(sideNames);
    }
}
