package dk.ligevaerd.workspace.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import dk.ligevaerd.workspace.SideView;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The first steps of a forming workspace, near the top of its page: find each side's first
 * moderator, write a first draft of the purpose statement, propose priorities. Each step is ticked
 * once done and carries what it takes right there, so nobody has to look for the eighth tab.
 */
class StartChecklist extends Div {

    /** One side that has no moderator yet, and whether a moderator's link into it is waiting to be used. */
    record Invite(SideView side, boolean linkWaiting, boolean mayInvite) {
    }

    /** A step another feature asks for, done or not, and the tab where it is done. */
    record Step(String labelKey, boolean done, String slug) {
    }

    private final Consumer<SideView> invite;
    private final Consumer<String> open;

    /**
     * @param invite makes a moderator's link for the side and shows it
     * @param open   selects the tab with the given part of the address
     */
    StartChecklist(Consumer<SideView> invite, Consumer<String> open) {
        this.invite = invite;
        this.open = open;
        setId("start-checklist");
        addClassName("start-checklist");
        getElement().setAttribute("role", "region");
        getElement().setAttribute("aria-labelledby", "start-checklist-title");
        setVisible(false);
    }

    void show(List<Invite> invites, List<Step> steps) {
        removeAll();
        setVisible(!invites.isEmpty());
        if (invites.isEmpty()) {
            return;
        }
        H2 title = new H2(getTranslation("start.title"));
        title.setId("start-checklist-title");
        OrderedList list = new OrderedList();
        for (Invite i : invites) {
            Button action = null;
            if (i.mayInvite()) {
                action = new Button(getTranslation("start.invite.action", i.side().name()),
                        VaadinIcon.LINK.create(), e -> invite.accept(i.side()));
                action.addThemeVariants(i.linkWaiting() ? ButtonVariant.LUMO_TERTIARY : ButtonVariant.LUMO_PRIMARY);
                action.setId("start-invite-" + i.side().id());
                action.addClassName("start-invite");
            }
            String note = i.linkWaiting() ? getTranslation("start.invite.waiting")
                    : i.mayInvite() ? getTranslation("start.invite.how") : getTranslation("start.invite.ownerDoes");
            list.add(item("invite", i.linkWaiting(), getTranslation("start.invite", i.side().name()), note, action));
        }
        for (Step s : steps) {
            Button go = new Button(getTranslation(s.labelKey() + ".action"), e -> open.accept(s.slug()));
            go.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            go.setId("start-open-" + s.slug());
            list.add(item(s.slug(), s.done(), getTranslation(s.labelKey()), null, go));
        }
        add(title, list);
    }

    private ListItem item(String step, boolean done, String label, @Nullable String note, @Nullable Button action) {
        Icon tick = (done ? VaadinIcon.CHECK_CIRCLE : VaadinIcon.CIRCLE_THIN).create();
        tick.addClassName("start-tick");
        tick.getElement().setAttribute("aria-hidden", "true");
        Span text = new Span(label);
        text.addClassName("start-label");
        // Said in words as well, for screen readers and for anyone who does not read the ticks.
        Span state = new Span(getTranslation(done ? "start.done" : "start.todo"));
        state.addClassName("start-state");
        ListItem item = new ListItem(tick, text, state);
        if (note != null) {
            Span muted = new Span(note);
            muted.addClassName("muted");
            muted.addClassName("start-note");
            item.add(muted);
        }
        if (action != null) {
            item.add(action);
        }
        item.addClassName("start-step");
        item.getElement().setAttribute("data-step", step);
        if (done) {
            item.addClassName("done");
        }
        return item;
    }
}
