package dk.ligevaerd.statement.ui;

import dk.ligevaerd.statement.CollabService;
import dk.ligevaerd.statement.StatementService;
import dk.ligevaerd.workspace.WorkspaceTab;
import org.springframework.stereotype.Component;

/** The purpose statement comes first among the workspace's features: it is what the work is for. */
@Component
class StatementTabProvider implements WorkspaceTab.Provider {

    private final StatementService statements;
    private final CollabService collab;

    StatementTabProvider(StatementService statements, CollabService collab) {
        this.statements = statements;
        this.collab = collab;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String titleKey() {
        return "workspace.tab.statement";
    }

    @Override
    public WorkspaceTab create(long workspaceId) {
        return new StatementTab(statements, collab, workspaceId);
    }

    @Override
    public String startStepKey() {
        return "start.step.draft";
    }

    /** Done once the statement holds any text, saved as a version or not. */
    @Override
    public boolean startStepDone(long workspaceId) {
        return statements.compare(workspaceId, null, null).stream().anyMatch(part -> !part.text().isBlank());
    }
}
