package dk.ligevaerd.history;

import dk.ligevaerd.history.domain.HistoryEntryRepository;
import dk.ligevaerd.workspace.WorkspaceActivity;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A workspace's last activity is its newest history entry: every change is recorded there. */
@Component
class HistoryActivity implements WorkspaceActivity {

    private final HistoryEntryRepository entries;

    HistoryActivity(HistoryEntryRepository entries) {
        this.entries = entries;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Instant> lastActivity(long workspaceId) {
        return Optional.ofNullable(entries.lastOccurredAt(workspaceId));
    }
}
