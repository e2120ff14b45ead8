package dk.ligevaerd.workspace.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import dk.ligevaerd.shared.ui.Markup;
import dk.ligevaerd.shared.ui.SideBadge;
import dk.ligevaerd.shared.ui.Sketch;
import dk.ligevaerd.workspace.MemberView;
import dk.ligevaerd.workspace.SideView;
import dk.ligevaerd.workspace.WorkspaceDetails;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * "Here now", by side: the first thing to see in a meeting where not everyone is in the room. The
 * groups only show who is here and are redrawn as a whole on every arrival and departure, so they
 * are drawn as before and handed to the browser as the markup of one element: one node on the
 * server for the whole list, where each person was two, in every open page of the meeting.
 */
class OnlinePanel extends Div {

    private final H2 title = new H2();
    private final Div groups = new Div();

    OnlinePanel() {
        addClassName("online-panel");
        setId("online-panel");
        getElement().setAttribute("aria-live", "polite");
        groups.addClassName("online-groups");
        add(title, groups);
    }

    void show(WorkspaceDetails d, Set<Long> online) {
        title.setText(getTranslation("workspace.onlineNow"));
        Div drawn = new Div();
        for (SideView side : d.sides()) {
            drawn.add(group(new SideBadge(side.name(), side.colour()),
                    d.members().stream().filter(m -> Objects.equals(m.sideId(), side.id())).toList(), online));
        }
        List<MemberView> observers = d.members().stream().filter(m -> m.sideId() == null).toList();
        if (!observers.isEmpty()) {
            Span label = new Span(getTranslation("workspace.observers"));
            label.addClassName("observer-badge");
            drawn.add(group(label, observers, online));
        }
        // The same in every page of the workspace in this language: held once for all of them.
        groups.getElement().setProperty("innerHTML", Markup.shared(Sketch.of(drawn.getElement()).innerHtml()));
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
