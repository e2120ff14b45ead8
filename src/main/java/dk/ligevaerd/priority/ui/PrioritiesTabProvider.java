package dk.ligevaerd.priority.ui;

import dk.ligevaerd.priority.PriorityService;
import dk.ligevaerd.workspace.WorkspaceTab;
import org.springframework.stereotype.Component;

@Component
class PrioritiesTabProvider implements WorkspaceTab.Provider {

    private final PriorityService priorities;

    PrioritiesTabProvider(PriorityService priorities) {
        this.priorities = priorities;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public String titleKey() {
        return "workspace.tab.priorities";
    }

    @Override
    public WorkspaceTab create(long workspaceId) {
        return new PrioritiesTab(priorities, workspaceId);
    }

    @Override
    public String startStepKey() {
        return "start.step.priorities";
    }

    @Override
    public boolean startStepDone(long workspaceId) {
        return !priorities.list(workspaceId).isEmpty();
    }
}
