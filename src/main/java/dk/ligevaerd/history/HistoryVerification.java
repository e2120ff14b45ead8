package dk.ligevaerd.history;

import dk.ligevaerd.workspace.WorkspaceAccess;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Runs every feature's {@link HistoryCheck}; any member may ask. */
@Service
public class HistoryVerification {

    private final WorkspaceAccess access;
    private final List<HistoryCheck> checks;

    HistoryVerification(WorkspaceAccess access, List<HistoryCheck> checks) {
        this.access = access;
        this.checks = checks;
    }

    public record Result(String nameKey, List<HistoryCheck.Problem> problems) {

        public boolean intact() {
            return problems.isEmpty();
        }
    }

    @Transactional(readOnly = true)
    public List<Result> verify(long workspaceId) {
        access.requireMember(workspaceId);
        return checks.stream().map(c -> new Result(c.nameKey(), c.check(workspaceId))).toList();
    }
}
