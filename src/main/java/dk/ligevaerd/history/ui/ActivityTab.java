package dk.ligevaerd.history.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import dk.ligevaerd.history.HistoryItem;
import dk.ligevaerd.history.HistoryService;
import dk.ligevaerd.shared.ui.Formats;
import dk.ligevaerd.shared.ui.SideBadge;
import dk.ligevaerd.workspace.MemberView;
import dk.ligevaerd.workspace.SideView;
import dk.ligevaerd.workspace.WorkspaceDetails;
import dk.ligevaerd.workspace.WorkspaceTab;
import com.vaadin.flow.component.Component;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The latest membership and side changes, with who did them from which side, and when. */
class ActivityTab extends Div implements WorkspaceTab {

    private static final int SHOWN = 50;
    private final HistoryService history;
    private final long workspaceId;

    ActivityTab(HistoryService history, long workspaceId) {
        this.history = history;
        this.workspaceId = workspaceId;
        addClassName("activity-panel");
        setId("activity-panel");
    }

    @Override
    public Component component() {
        return this;
    }

    @Override
    public void show(WorkspaceDetails d) {
        removeAll();
        Map<Long, MemberView> members = d.members().stream()
                .collect(Collectors.toMap(MemberView::userId, Function.identity()));
        Map<Long, SideView> sides = d.sides().stream().collect(Collectors.toMap(SideView::id, Function.identity()));
        UnorderedList list = new UnorderedList();
        list.addClassName("activity-list");
        for (HistoryItem item : history.timeline(workspaceId).stream().limit(SHOWN).toList()) {
            ListItem li = new ListItem();
            li.addClassName("activity-item");
            Span when = new Span(Formats.dateTime(item.occurredAt(), getLocale()));
            when.addClassName("muted");
            li.add(when, new Span(" "));
            SideView side = item.actorSideId() == null ? null : sides.get(item.actorSideId());
            if (side != null) {
                li.add(new SideBadge(side.name(), side.colour()), new Span(" "));
            }
            MemberView actor = members.get(item.actorId());
            MemberView subject = item.subjectUserId() == null ? null : members.get(item.subjectUserId());
            String actorName = actor == null ? getTranslation("history.formerMember") : actor.displayName();
            String subjectName = subject == null ? getTranslation("history.formerMember") : subject.displayName();
            li.add(new Span(getTranslation("history.kind." + item.kind(), actorName, subjectName)));
            list.add(li);
        }
        add(list);
    }
}

/** Adds the activity tab to every workspace page; everyone, observers included, may read it. */
@org.springframework.stereotype.Component
class ActivityTabProvider implements WorkspaceTab.Provider {

    private final HistoryService history;

    ActivityTabProvider(HistoryService history) {
        this.history = history;
    }

    @Override
    public int order() {
        return 900;
    }

    @Override
    public String titleKey() {
        return "workspace.tab.activity";
    }

    @Override
    public WorkspaceTab create(long workspaceId) {
        return new ActivityTab(history, workspaceId);
    }
}
