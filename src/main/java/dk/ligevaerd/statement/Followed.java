package dk.ligevaerd.statement;

import dk.ligevaerd.statement.collab.Passage;
import java.util.List;

/**
 * Passages carried to the statement as it stands at {@code version}, in the order they were asked for.
 *
 * @param text the statement at {@code version}
 */
public record Followed(int version, String text, List<Passage> passages) {

    public Followed {
        passages = List.copyOf(passages);
    }
}
