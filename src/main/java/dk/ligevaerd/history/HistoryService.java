package dk.ligevaerd.history;

import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.account.UserSummary;
import dk.ligevaerd.history.domain.HistoryEntry;
import dk.ligevaerd.history.domain.HistoryEntryRepository;
import dk.ligevaerd.workspace.WorkspaceAccess;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading a workspace's timeline; every member, observers included, may. */
@Service
public class HistoryService {

    private final HistoryEntryRepository entries;
    private final WorkspaceAccess access;
    private final AccountService accounts;

    HistoryService(HistoryEntryRepository entries, WorkspaceAccess access, AccountService accounts) {
        this.entries = entries;
        this.access = access;
        this.accounts = accounts;
    }

    /** Newest first. */
    @Transactional(readOnly = true)
    public List<HistoryItem> timeline(long workspaceId) {
        return timeline(workspaceId, HistoryFilter.ALL);
    }

    /** Newest first, only what the filter lets through. */
    @Transactional(readOnly = true)
    public List<HistoryItem> timeline(long workspaceId, HistoryFilter filter) {
        access.requireMember(workspaceId);
        List<HistoryEntry> all = entries.findByWorkspaceIdOrderByOccurredAtDescIdDesc(workspaceId);
        Set<Long> people = new HashSet<>();
        for (HistoryEntry e : all) {
            people.add(e.actorId());
            if (e.subjectUserId() != null) {
                people.add(e.subjectUserId());
            }
        }
        Map<Long, UserSummary> names = accounts.summaries(people);
        return all.stream().map(e -> item(e, names)).filter(filter::matches).toList();
    }

    private static HistoryItem item(HistoryEntry e, Map<Long, UserSummary> names) {
        UserSummary actor = names.get(e.actorId());
        UserSummary subject = e.subjectUserId() == null ? null : names.get(e.subjectUserId());
        return new HistoryItem(e.id(), e.occurredAt(), e.kind(), e.actorId(), actor == null ? "" : actor.displayName(),
                e.actorSideId(), e.subjectUserId(), subject == null ? null : subject.displayName(), e.detail());
    }
}
