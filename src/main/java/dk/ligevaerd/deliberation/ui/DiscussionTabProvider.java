package dk.ligevaerd.deliberation.ui;

import dk.ligevaerd.deliberation.CommentService;
import dk.ligevaerd.deliberation.DeliberationEvents;
import dk.ligevaerd.priority.PriorityService;
import dk.ligevaerd.round.RoundService;
import dk.ligevaerd.shared.WorkspaceEvent;
import dk.ligevaerd.statement.CollabService;
import dk.ligevaerd.workspace.WorkspaceTab;
import java.util.List;
import org.springframework.stereotype.Component;

@Component
class DiscussionTabProvider implements WorkspaceTab.Provider {

    private final CommentService comments;
    private final CollabService collab;
    private final PriorityService priorities;
    private final RoundService rounds;

    DiscussionTabProvider(CommentService comments, CollabService collab, PriorityService priorities,
            RoundService rounds) {
        this.comments = comments;
        this.collab = collab;
        this.priorities = priorities;
        this.rounds = rounds;
    }

    /** After the priorities and rounds, before the equality view and the history. */
    @Override
    public int order() {
        return 45;
    }

    @Override
    public String titleKey() {
        return "workspace.tab.discussion";
    }

    @Override
    public WorkspaceTab create(long workspaceId) {
        return new DiscussionTab(comments, collab, priorities, rounds, workspaceId);
    }

    /** New threads and replies by others are news for this person. */
    @Override
    public int unread(long viewerId, List<WorkspaceEvent> events) {
        return (int) events.stream()
                .filter(e -> e.eventKind().equals("ThreadStarted") || e.eventKind().equals("CommentReplied"))
                .filter(e -> !(e instanceof DeliberationEvents.ThreadStarted s && s.actorId() == viewerId))
                .filter(e -> !(e instanceof DeliberationEvents.CommentReplied r && r.actorId() == viewerId))
                .count();
    }
}
