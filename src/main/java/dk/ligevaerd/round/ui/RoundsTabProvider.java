package dk.ligevaerd.round.ui;

import dk.ligevaerd.priority.PriorityService;
import dk.ligevaerd.round.RecordExportService;
import dk.ligevaerd.round.RoundDiscussion;
import dk.ligevaerd.round.RoundService;
import dk.ligevaerd.statement.StatementService;
import dk.ligevaerd.workspace.WorkspaceTab;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Adds the Rounds tab to every workspace page; observers see it too, they read every record. */
@Component
class RoundsTabProvider implements WorkspaceTab.Provider {

    private final RoundService rounds;
    private final RecordExportService exports;
    private final PriorityService priorities;
    private final StatementService statements;
    private final @Nullable RoundDiscussion discussion;
    private final StandingsDrawings standings;

    RoundsTabProvider(RoundService rounds, RecordExportService exports, PriorityService priorities,
            StatementService statements, List<RoundDiscussion> discussion, StandingsDrawings standings) {
        this.standings = standings;
        this.discussion = discussion.isEmpty() ? null : discussion.getFirst();
        this.rounds = rounds;
        this.exports = exports;
        this.priorities = priorities;
        this.statements = statements;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public String titleKey() {
        return "workspace.tab.rounds";
    }

    @Override
    public WorkspaceTab create(long workspaceId) {
        return new RoundsTab(rounds, exports, priorities, statements, discussion, standings, workspaceId);
    }
}
