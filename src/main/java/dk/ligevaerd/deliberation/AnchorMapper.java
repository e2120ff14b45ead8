package dk.ligevaerd.deliberation;

import dk.ligevaerd.deliberation.domain.CommentThread;
import dk.ligevaerd.statement.CollabService;
import dk.ligevaerd.statement.LiveSnapshot;
import dk.ligevaerd.statement.StatementService;
import dk.ligevaerd.statement.collab.Passage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Carries the passages of statement threads forward through the accepted changes, when they are
 * read rather than on every change: the co-editing path never waits for comments, however many
 * threads are open, and a burst of a hundred keystrokes costs one walk through them when someone
 * next looks. Each passage moves exactly as {@link Passage#after} says, change by change, from the
 * version it was stored at.
 *
 * <p>To walk from a version, the text at that version is needed. The text reached by the last walk
 * is kept per workspace, and since a walk's result is written back, the next walk usually starts
 * there; otherwise the statement's replay rebuilds it from its nearest checkpoint.
 */
@Component
class AnchorMapper {

    /** The statement's text at one version. */
    record TextAt(int version, String text) {
    }

    /** Passages carried to {@code version}, by thread id. */
    record Carried(int version, String text, Map<Long, Passage> passages) {
    }

    private final CollabService collab;
    private final StatementService statements;
    private final Map<Long, TextAt> lastWalk = new ConcurrentHashMap<>();

    AnchorMapper(CollabService collab, StatementService statements) {
        this.collab = collab;
        this.statements = statements;
    }

    /** The statement's text at {@code version}, which the caller has checked is not beyond the current one. */
    String textAt(long workspaceId, int version) {
        TextAt known = lastWalk.get(workspaceId);
        if (known != null && known.version() == version) {
            return known.text();
        }
        if (version == 0) {
            return "";
        }
        LiveSnapshot now = collab.snapshot(workspaceId);
        if (now.version() == version) {
            return now.text();
        }
        return statements.frame(workspaceId, version).text();
    }

    /**
     * The passages of {@code threads} (all on the statement of one workspace) carried to the latest
     * version: each joins the walk at the version it was stored at ({@link AnchorWalk}).
     */
    Carried carry(long workspaceId, List<CommentThread> threads) {
        List<AnchorWalk.Stored> stored = new ArrayList<>();
        for (CommentThread t : threads) {
            Passage anchor = t.anchor();
            if (anchor != null) {
                stored.add(new AnchorWalk.Stored(t.id(), anchor, t.anchorVersion()));
            }
        }
        if (stored.isEmpty()) {
            LiveSnapshot now = collab.snapshot(workspaceId);
            return new Carried(now.version(), now.text(), Map.of());
        }
        int start = stored.stream().mapToInt(AnchorWalk.Stored::version).min().orElseThrow();
        AnchorWalk.Result walked = AnchorWalk.carry(start, textAt(workspaceId, start), stored,
                collab.updatesSince(workspaceId, start));
        lastWalk.put(workspaceId, new TextAt(walked.version(), walked.text()));
        return new Carried(walked.version(), walked.text(), walked.passages());
    }
}
