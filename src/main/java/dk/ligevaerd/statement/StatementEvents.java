package dk.ligevaerd.statement;

import dk.ligevaerd.shared.RecordedEvent;
import dk.ligevaerd.shared.WorkspaceEvent;
import java.util.List;
import org.jspecify.annotations.Nullable;

public final class StatementEvents {

    private StatementEvents() {
    }

    public record VersionSaved(long workspaceId, long actorId, @Nullable Long actorSideId, long versionId,
            String name, int statementVersion, boolean forRound) implements RecordedEvent {
        @Override
        public List<Long> eventIds() {
            return List.of(versionId);
        }

        @Override
        public String historyKind() {
            return forRound ? "statement.versionForRound" : "statement.versionSaved";
        }

        @Override
        public String historyDetail() {
            return "version=" + versionId + "\nname=" + name + "\nstatementVersion=" + statementVersion;
        }
    }

    /**
     * The statement's text went from empty to holding words, or back: open pages of a forming
     * workspace tick (or untick) the start checklist's "write a first draft" at once. The text
     * itself travels over the editors' own connections, not the bus.
     */
    public record TextEmptinessChanged(long workspaceId, boolean empty) implements WorkspaceEvent {
    }
}
