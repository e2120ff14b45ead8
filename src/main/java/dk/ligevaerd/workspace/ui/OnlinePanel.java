package dk.ligevaerd.workspace.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import dk.ligevaerd.shared.ui.SideBadge;
import dk.ligevaerd.workspace.MemberView;
import dk.ligevaerd.workspace.SideView;
import dk.ligevaerd.workspace.WorkspaceDetails;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** "Here now", by side: the first thing to see in a meeting where not everyone is in the room. */
class OnlinePanel extends Div {

    OnlinePanel() {
        addClassName("online-panel");
        setId("online-panel");
        getElement().setAttribute("aria-live", "polite");
    }

    void show(WorkspaceDetails d, Set<Long> online) {
        removeAll();
        add(new H2(getTranslation("workspace.onlineNow")));
        Div groups = new Div();
        groups.addClassName("online-groups");
        for (SideView side : d.sides()) {
            groups.add(group(new SideBadge(side.name(), side.colour()),
                    d.members().stream().filter(m -> Objects.equals(m.sideId(), side.id())).toList(), online));
        }
        List<MemberView> observers = d.members().stream().filter(m -> m.sideId() == null).toList();
        if (!observers.isEmpty()) {
            Span label = new Span(getTranslation("workspace.observers"));
            label.addClassName("observer-badge");
            groups.add(group(label, observers, online));
        }
        add(groups);
    }

    private Div group(com.vaadin.flow.component.Component label, List<MemberView> members, Set<Long> online) {
        Div group = new Div(label);
        group.addClassName("online-group");
        List<MemberView> here = members.stream().filter(m -> online.contains(m.userId())).toList();
        if (here.isEmpty()) {
            Span none = new Span(getTranslation("workspace.nobodyOnline"));
            none.addClassName("muted");
            group.add(none);
        }
        for (MemberView m : here) {
            Span person = new Span(m.displayName());
            person.addClassName("online-person");
            person.getElement().setAttribute("data-user", m.username());
            group.add(person);
        }
        return group;
    }
}
