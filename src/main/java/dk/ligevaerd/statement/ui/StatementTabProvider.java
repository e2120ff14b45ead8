package dk.ligevaerd.statement.ui;

import dk.ligevaerd.statement.CollabService;
import dk.ligevaerd.statement.StatementPanel;
import dk.ligevaerd.statement.StatementService;
import java.util.Comparator;
import java.util.List;
import dk.ligevaerd.workspace.WorkspaceTab;
import org.springframework.stereotype.Component;

/** The purpose statement comes first among the workspace's features: it is what the work is for. */
@Component
class StatementTabProvider implements WorkspaceTab.Provider {

    private final StatementService statements;
    private final CollabService collab;
    private final List<StatementPanel.Provider> panels;

    StatementTabProvider(StatementService statements, CollabService collab, List<StatementPanel.Provider> panels) {
        this.statements = statements;
        this.collab = collab;
        this.panels = panels.stream().sorted(Comparator.comparingInt(StatementPanel.Provider::order)).toList();
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
        return new StatementTab(statements, collab, workspaceId,
                panels.stream().map(p -> p.create(workspaceId)).toList());
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
