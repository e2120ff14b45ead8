package dk.ligevaerd.history;

import dk.ligevaerd.history.domain.HistoryEntryRepository;
import dk.ligevaerd.workspace.WorkspaceAccess;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading a workspace's timeline; every member, observers included, may. */
@Service
public class HistoryService {

    private final HistoryEntryRepository entries;
    private final WorkspaceAccess access;

    HistoryService(HistoryEntryRepository entries, WorkspaceAccess access) {
        this.entries = entries;
        this.access = access;
    }

    @Transactional(readOnly = true)
    public List<HistoryItem> timeline(long workspaceId) {
        access.requireMember(workspaceId);
        return entries.findByWorkspaceIdOrderByOccurredAtDescIdDesc(workspaceId).stream()
                .map(e -> new HistoryItem(e.id(), e.occurredAt(), e.kind(), e.actorId(), e.actorSideId(),
                        e.subjectUserId(), e.detail()))
                .toList();
    }
}
