package dk.ligevaerd.workspace.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.shared.ui.SideBadge;
import dk.ligevaerd.shared.ui.Notices;
import dk.ligevaerd.workspace.GovernanceService;
import dk.ligevaerd.workspace.MemberView;
import dk.ligevaerd.workspace.ProposalKind;
import dk.ligevaerd.workspace.Role;
import dk.ligevaerd.workspace.SideView;
import dk.ligevaerd.workspace.WorkspaceDetails;
import dk.ligevaerd.workspace.WorkspaceService;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Everyone in the workspace, by side, with role and whether they are here now. */
class PeoplePanel extends Div {

    private final WorkspaceService workspaces;
    private final long workspaceId;
    private final ProposalsPanel proposals;
    private final Paragraph forming = new Paragraph();

    PeoplePanel(WorkspaceService workspaces, GovernanceService governance, long workspaceId) {
        this.workspaces = workspaces;
        this.workspaceId = workspaceId;
        this.proposals = new ProposalsPanel(governance, workspaceId,
                k -> k == ProposalKind.MOVE_MEMBER || k == ProposalKind.HAND_OVER
                        || k == ProposalKind.REMOVE_OBSERVER || k == ProposalKind.OBSERVER_JOINS_SIDE);
        forming.addClassName("forming-notice");
        forming.setId("forming-notice");
        addClassName("people-panel");
        setId("people-panel");
    }

    void show(WorkspaceDetails d, Set<Long> online) {
        removeAll();
        forming.setText(d.forming() ? getTranslation("workspace.forming", String.join(", ", d.sidesWithoutModerator())) : "");
        forming.setVisible(d.forming());
        proposals.show(d);
        add(forming, proposals);
        Div columns = new Div();
        columns.addClassName("side-columns");
        for (SideView side : d.sides()) {
            List<MemberView> members = d.members().stream().filter(m -> Objects.equals(m.sideId(), side.id())).toList();
            columns.add(column(new SideBadge(side.name(), side.colour()), side.colour(), members, d, online));
        }
        List<MemberView> observers = d.members().stream().filter(m -> m.sideId() == null).toList();
        if (!observers.isEmpty()) {
            Span label = new Span(getTranslation("workspace.observers"));
            label.addClassName("observer-badge");
            columns.add(column(label, "var(--lumo-contrast-50pct)", observers, d, online));
        }
        add(columns);
    }

    private Div column(Component label, String colour, List<MemberView> members, WorkspaceDetails d, Set<Long> online) {
        H3 heading = new H3(label, new Span(" " + getTranslation("workspaces.memberCount", members.size())));
        UnorderedList list = new UnorderedList();
        list.addClassName("member-list");
        for (MemberView m : members) {
            list.add(row(m, d, online.contains(m.userId())));
        }
        Div column = new Div(heading, list);
        column.addClassName("side-column");
        column.getStyle().set("--side-colour", colour);
        return column;
    }

    private ListItem row(MemberView m, WorkspaceDetails d, boolean isOnline) {
        Span dot = new Span();
        dot.addClassName(isOnline ? "presence-dot-online" : "presence-dot-offline");
        Span status = new Span(getTranslation(isOnline ? "workspace.online" : "workspace.offline"));
        status.addClassName("sr-only");
        Span name = new Span(m.displayName());
        name.addClassName("member-name");
        Span role = new Span(getTranslation(m.role().messageKey()) + (m.owner() ? " · " + getTranslation("role.owner") : ""));
        role.addClassName("member-role");
        Div who = new Div(name, role);
        who.addClassName("member-who");
        ListItem item = new ListItem(dot, status, who);
        item.addClassName("member-row");
        item.getElement().setAttribute("data-user", m.username());
        item.getElement().setAttribute("data-online", Boolean.toString(isOnline));
        if (mayManage(m, d)) {
            Button change = new Button(VaadinIcon.EDIT.create(), e -> openAssign(m, d));
            change.setId("member-change-" + m.userId());
            change.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            change.setAriaLabel(getTranslation("member.change", m.displayName()));
            change.setTooltipText(getTranslation("member.change", m.displayName()));
            Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> confirmRemove(m));
            remove.setId("member-remove-" + m.userId());
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel(getTranslation("member.remove", m.displayName()));
            remove.setTooltipText(getTranslation("member.remove", m.displayName()));
            Div actions = new Div(change, remove);
            actions.addClassName("member-actions");
            item.add(actions);
        }
        return item;
    }

    /**
     * Whether to offer the change and remove buttons: to a moderator of the member's side (the
     * owner for a side without one). For an observer, to any moderator and the owner: what they ask
     * becomes a proposal every side confirms. The services decide in the end.
     */
    private static boolean mayManage(MemberView m, WorkspaceDetails d) {
        if (m.userId() == d.me().userId() || d.archived()) {
            return false;
        }
        if (m.sideId() == null) {
            return d.me().isModerator() || d.me().owner();
        }
        if (d.me().isModerator() && Objects.equals(d.me().sideId(), m.sideId())) {
            return true;
        }
        boolean sideHasModerator = d.members().stream()
                .anyMatch(o -> o.role() == Role.MODERATOR && Objects.equals(o.sideId(), m.sideId()));
        return d.me().owner() && !sideHasModerator;
    }

    private void openAssign(MemberView m, WorkspaceDetails d) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("member.change", m.displayName()));
        Select<Role> role = new Select<>();
        role.setLabel(getTranslation("field.role"));
        role.setItems(Role.values());
        role.setItemLabelGenerator(r -> getTranslation(r.messageKey()));
        role.setValue(m.role());
        role.setId("assign-role");
        Select<SideView> side = new Select<>();
        side.setLabel(getTranslation("field.side"));
        side.setItems(d.sides());
        side.setItemLabelGenerator(SideView::name);
        d.sides().stream().filter(s -> Objects.equals(s.id(), m.sideId())).findFirst().ifPresent(side::setValue);
        side.setEnabled(m.role().needsSide());
        side.setId("assign-side");
        role.addValueChangeListener(e -> side.setEnabled(e.getValue() != null && e.getValue().needsSide()));
        Paragraph error = new Paragraph();
        error.addClassName("form-error");
        error.getElement().setAttribute("role", "alert");
        if (m.sideId() == null) {
            Paragraph help = new Paragraph(getTranslation("member.observerJoinsExplanation"));
            help.addClassName("muted");
            dialog.add(help);
        }
        dialog.add(new Div(role), new Div(side), error);
        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                Role chosen = role.getValue() == null ? m.role() : role.getValue();
                boolean done = workspaces.assign(workspaceId, m.userId(), chosen,
                        chosen.needsSide() && side.getValue() != null ? side.getValue().id() : null);
                dialog.close();
                if (!done) {
                    Notices.success(this, m.sideId() == null ? "proposal.made" : "proposal.move.pending");
                    proposals.refresh();
                }
            } catch (DomainException refused) {
                error.setText(Messages.get(getLocale(), refused));
            }
        });
        save.setId("assign-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private void confirmRemove(MemberView m) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("member.remove", m.displayName()));
        boolean observer = m.sideId() == null;
        confirm.setText(getTranslation(observer ? "member.removeObserverExplanation" : "member.removeExplanation"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation(observer ? "action.propose" : "action.remove"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            try {
                if (!workspaces.remove(workspaceId, m.userId())) {
                    Notices.success(this, "proposal.made");
                    proposals.refresh();
                }
            } catch (DomainException refused) {
                Notices.error(getLocale(), refused);
            }
        });
        confirm.open();
    }
}
