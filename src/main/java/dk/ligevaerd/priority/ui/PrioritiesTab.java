package dk.ligevaerd.priority.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dk.ligevaerd.priority.PriorityEvents;
import dk.ligevaerd.priority.PriorityEvents.PriorityProposed;
import dk.ligevaerd.priority.PriorityService;
import dk.ligevaerd.priority.PriorityState;
import dk.ligevaerd.priority.PriorityView;
import dk.ligevaerd.priority.ValueLens;
import dk.ligevaerd.priority.domain.Priority;
import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.shared.WorkspaceEvent;
import dk.ligevaerd.shared.ui.AddressReader;
import dk.ligevaerd.shared.ui.LengthLimit;
import dk.ligevaerd.shared.ui.MissingFields;
import dk.ligevaerd.shared.ui.SideBadge;
import dk.ligevaerd.workspace.MemberView;
import dk.ligevaerd.workspace.SideView;
import dk.ligevaerd.workspace.WorkspaceDetails;
import dk.ligevaerd.workspace.WorkspaceTab;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** The list of priorities: propose, edit and withdraw your own, merge duplicates as a moderator. */
class PrioritiesTab extends Div implements WorkspaceTab {

    private final PriorityService priorities;
    private final long workspaceId;
    private final Div list = new Div();
    private final Button propose = new Button();
    private @Nullable WorkspaceDetails details;
    /** The priority the address names ({@code ?priority=12}, from a history line): marked and in view. */
    private @Nullable Long linked;
    private boolean scrollToLinked;

    PrioritiesTab(PriorityService priorities, long workspaceId) {
        this.priorities = priorities;
        this.workspaceId = workspaceId;
        addClassName("priorities-tab");
        setId("priorities-tab");
        propose.setText(getTranslation("priority.propose"));
        propose.setIcon(VaadinIcon.PLUS.create());
        propose.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        propose.setId("propose-priority");
        propose.addClickListener(e -> openEditor(null));
        Paragraph intro = new Paragraph(getTranslation("priority.intro"));
        intro.addClassName("muted");
        list.addClassName("priority-list");
        list.setId("priority-list");
        add(intro, propose, list);
    }

    @Override
    public Component component() {
        return this;
    }

    @Override
    public boolean concerns(WorkspaceEvent event) {
        return PriorityEvents.isPriorityEvent(event);
    }

    /**
     * {@code ?priority=12} marks priority 12 and brings it into view, withdrawn or merged ones
     * included (their state says so), so that a history line can lead to the priority itself.
     */
    @Override
    public List<String> accept(WorkspaceDetails d, Map<String, List<String>> parameters) {
        AddressReader address = new AddressReader(parameters);
        Set<Long> known = priorities.list(workspaceId).stream().map(PriorityView::id).collect(Collectors.toSet());
        linked = address.id("priority", known::contains);
        scrollToLinked = linked != null;
        return address.ignored();
    }

    @Override
    public Map<String, String> parameters() {
        return linked == null ? Map.of() : Map.of("priority", String.valueOf(linked));
    }

    /**
     * A newly proposed priority adds its card after the other proposed ones; anything else (an
     * edit, a withdrawal, a merge, a round's outcome) may move cards, so the list is drawn afresh.
     */
    @Override
    public void changed(WorkspaceDetails d, List<WorkspaceEvent> events) {
        if (!events.stream().allMatch(e -> e.is(PriorityProposed.class))) {
            show(d);
            return;
        }
        List<PriorityView> all = priorities.list(workspaceId);
        Set<Long> proposedNow = events.stream().map(WorkspaceEvent::firstId).collect(Collectors.toSet());
        List<Component> cards = list.getChildren().filter(c -> c.getElement().hasAttribute("data-priority")).toList();
        Set<String> shown = cards.stream().map(c -> c.getElement().getAttribute("data-priority"))
                .collect(Collectors.toSet());
        List<PriorityView> added = all.stream().filter(p -> proposedNow.contains(p.id()))
                .filter(p -> p.state() == PriorityState.PROPOSED && !shown.contains(String.valueOf(p.id())))
                .sorted(Comparator.comparing(PriorityView::proposedAt)).toList();
        long open = all.stream().filter(PriorityView::open).count();
        // With fewer than two open priorities before, a moderator's cards had no merge action yet.
        if (added.isEmpty() || cards.isEmpty() || d.canModerate() && open - added.size() < 2) {
            show(d);
            return;
        }
        this.details = d;
        Map<Long, MemberView> members = d.members().stream()
                .collect(Collectors.toMap(MemberView::userId, Function.identity()));
        Map<Long, SideView> sides = d.sides().stream().collect(Collectors.toMap(SideView::id, Function.identity()));
        Set<String> proposedIds = all.stream().filter(p -> p.state() == PriorityState.PROPOSED)
                .map(p -> String.valueOf(p.id())).collect(Collectors.toSet());
        int at = 0;
        List<Component> children = list.getChildren().toList();
        for (int i = 0; i < children.size(); i++) {
            if (proposedIds.contains(children.get(i).getElement().getAttribute("data-priority"))) {
                at = i + 1;
            }
        }
        for (PriorityView p : added) {
            list.addComponentAtIndex(at++, card(p, all, members, sides, d));
        }
    }

    @Override
    public void show(WorkspaceDetails d) {
        this.details = d;
        propose.setVisible(d.canContribute());
        list.removeAll();
        List<PriorityView> all = priorities.list(workspaceId);
        Map<Long, MemberView> members = d.members().stream()
                .collect(Collectors.toMap(MemberView::userId, Function.identity()));
        Map<Long, SideView> sides = d.sides().stream().collect(Collectors.toMap(SideView::id, Function.identity()));
        List<PriorityView> shown = all.stream()
                .filter(p -> p.state() != PriorityState.MERGED && p.state() != PriorityState.WITHDRAWN
                        || linked != null && p.id() == linked)
                .sorted(Comparator.comparing((PriorityView p) -> p.state().ordinal()).thenComparing(PriorityView::proposedAt))
                .toList();
        if (shown.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("priority.empty"));
            empty.addClassName("empty-state");
            list.add(empty);
        }
        for (PriorityView p : shown) {
            Div card = card(p, all, members, sides, d);
            list.add(card);
            if (linked != null && p.id() == linked) {
                card.addClassName("linked-item");
                card.getElement().setAttribute("aria-current", "true");
                if (scrollToLinked) {
                    card.scrollIntoView();
                    scrollToLinked = false;
                }
            }
        }
        long withdrawn = all.stream().filter(p -> p.state() == PriorityState.WITHDRAWN
                && (linked == null || p.id() != linked)).count();
        long merged = all.stream().filter(p -> p.state() == PriorityState.MERGED
                && (linked == null || p.id() != linked)).count();
        if (withdrawn + merged > 0) {
            Paragraph more = new Paragraph(getTranslation("priority.hiddenCount", withdrawn, merged));
            more.addClassName("muted");
            list.add(more);
        }
    }

    private Div card(PriorityView p, List<PriorityView> all, Map<Long, MemberView> members,
            Map<Long, SideView> sides, WorkspaceDetails d) {
        Div card = new Div();
        card.addClassName("priority-card");
        card.getElement().setAttribute("data-priority", String.valueOf(p.id()));
        SideView side = p.sideId() == null ? null : sides.get(p.sideId());
        if (side != null) {
            card.getStyle().set("--side-colour", side.colour());
        }
        H3 title = new H3(p.title());
        Span state = new Span(getTranslation(p.state().messageKey()));
        state.addClassNames("priority-state", "priority-state-" + p.state().name().toLowerCase(java.util.Locale.ROOT));
        Div head = new Div(title, state);
        head.addClassName("priority-head");
        card.add(head);
        if (!p.description().isBlank()) {
            Paragraph description = new Paragraph(p.description());
            description.addClassName("priority-description");
            card.add(description);
        }
        Div lenses = new Div();
        lenses.addClassName("lens-chips");
        for (ValueLens lens : p.lenses()) {
            Span chip = new Span(getTranslation(lens.messageKey()));
            chip.addClassNames("lens-chip", "lens-" + lens.kind().name().toLowerCase(java.util.Locale.ROOT));
            chip.setTitle(getTranslation("lens.kind." + lens.kind().name().toLowerCase(java.util.Locale.ROOT)));
            lenses.add(chip);
        }
        card.add(lenses);
        Div by = new Div(new Span(getTranslation("priority.proposedBy") + " "));
        by.addClassName("priority-proposers");
        for (PriorityView.ProposerView proposer : p.proposers()) {
            MemberView m = members.get(proposer.userId());
            by.add(new Span((m == null ? getTranslation("history.formerMember") : m.displayName()) + " "));
            SideView s = proposer.sideId() == null ? null : sides.get(proposer.sideId());
            if (s != null) {
                by.add(new SideBadge(s.name(), s.colour()), new Span(" "));
            }
        }
        card.add(by);
        Div actions = new Div();
        actions.addClassName("priority-actions");
        if (p.open() && p.proposedBy(d.me().userId())) {
            Button edit = new Button(getTranslation("action.edit"), VaadinIcon.EDIT.create(), e -> openEditor(p));
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            Button withdraw = new Button(getTranslation("priority.withdraw"), e -> confirmWithdraw(p));
            withdraw.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            actions.add(edit, withdraw);
        }
        List<PriorityView> targets = all.stream().filter(t -> t.open() && t.id() != p.id()).toList();
        if (p.open() && d.canModerate() && !targets.isEmpty()) {
            // The targets are read when the button is used: priorities proposed since may be among them.
            Button merge = new Button(getTranslation("priority.merge"), VaadinIcon.COMPRESS.create(),
                    e -> openMerge(p, priorities.list(workspaceId).stream()
                            .filter(t -> t.open() && t.id() != p.id()).toList()));
            merge.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            actions.add(merge);
        }
        // A plain address into the discussion, with the form opened on this priority.
        com.vaadin.flow.component.html.Anchor discuss = new com.vaadin.flow.component.html.Anchor(
                "workspace/" + workspaceId + "/discussion?on=priority&item=" + p.id(), getTranslation("priority.discuss"));
        discuss.addClassName("priority-discuss");
        // Every card has one: the accessible name says which priority, after the visible word.
        discuss.getElement().setAttribute("aria-label", getTranslation("priority.discussLabel", p.title()));
        actions.add(discuss);
        if (p.inRound() && p.state() == PriorityState.PROPOSED) {
            Span locked = new Span(getTranslation("priority.lockedByRound"));
            locked.addClassName("muted");
            actions.add(locked);
        }
        card.add(actions);
        return card;
    }

    private void openEditor(@Nullable PriorityView existing) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation(existing == null ? "priority.propose" : "priority.edit"));
        TextField title = new TextField(getTranslation("field.priorityTitle"));
        LengthLimit.counted(title, Priority.TITLE_MAX_LENGTH);
        title.setWidthFull();
        title.setId("priority-title");
        TextArea description = new TextArea(getTranslation("field.priorityDescription"));
        description.setWidthFull();
        description.setHelperText(getTranslation("priority.descriptionHelp", Priority.DESCRIPTION_MAX_LENGTH));
        LengthLimit.counted(description, Priority.DESCRIPTION_MAX_LENGTH);
        description.setId("priority-description");
        CheckboxGroup<ValueLens> lenses = new CheckboxGroup<>(getTranslation("field.lenses"));
        lenses.setItems(ValueLens.values());
        lenses.setItemLabelGenerator(l -> getTranslation(l.messageKey()) + " ("
                + getTranslation("lens.kind." + l.kind().name().toLowerCase(java.util.Locale.ROOT)) + ")");
        lenses.setHelperText(getTranslation("priority.lensHelp"));
        lenses.setId("priority-lenses");
        if (existing != null) {
            title.setValue(existing.title());
            description.setValue(existing.description());
            lenses.setValue(existing.lenses());
        }
        Paragraph error = new Paragraph();
        error.addClassName("form-error");
        error.setId("priority-error");
        error.getElement().setAttribute("role", "alert");
        dialog.add(title, description, lenses, error);
        dialog.setWidth("min(40rem, 95vw)");
        Button save = new Button(getTranslation(existing == null ? "priority.submit" : "action.save"), e -> {
            Set<ValueLens> chosen = lenses.getValue().isEmpty() ? EnumSet.noneOf(ValueLens.class)
                    : EnumSet.copyOf(lenses.getValue());
            error.setText("");
            MissingFields missing = new MissingFields()
                    .check(title, title.getValue().isBlank(), getTranslation("error.missing.priorityTitle"))
                    .check(lenses, chosen.isEmpty(), getTranslation("error.priority.lensRequired"));
            if (missing.any()) {
                error.setText(getTranslation("error.missing.fields"));
                return;
            }
            try {
                if (existing == null) {
                    priorities.propose(workspaceId, title.getValue(), description.getValue(), chosen);
                } else {
                    priorities.edit(workspaceId, existing.id(), title.getValue(), description.getValue(), chosen);
                }
                dialog.close();
            } catch (DomainException refused) {
                error.setText(Messages.get(getLocale(), refused));
            }
        });
        save.setId("priority-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
        title.focus();
    }

    private void confirmWithdraw(PriorityView p) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("priority.withdrawTitle", p.title()));
        confirm.setText(getTranslation("priority.withdrawText"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("priority.withdraw"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> priorities.withdraw(workspaceId, p.id()));
        confirm.open();
    }

    private void openMerge(PriorityView duplicate, List<PriorityView> targets) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("priority.mergeTitle", duplicate.title()));
        Select<PriorityView> target = new Select<>();
        target.setLabel(getTranslation("priority.mergeInto"));
        target.setItems(targets);
        target.setItemLabelGenerator(PriorityView::title);
        target.setWidthFull();
        Paragraph explanation = new Paragraph(getTranslation("priority.mergeText"));
        explanation.addClassName("muted");
        Paragraph error = new Paragraph();
        error.addClassName("form-error");
        error.getElement().setAttribute("role", "alert");
        dialog.add(explanation, target, error);
        Button merge = new Button(getTranslation("priority.merge"), e -> {
            if (target.getValue() == null) {
                error.setText(getTranslation("priority.mergeChoose"));
                return;
            }
            try {
                priorities.merge(workspaceId, duplicate.id(), target.getValue().id());
                dialog.close();
            } catch (DomainException refused) {
                error.setText(Messages.get(getLocale(), refused));
            }
        });
        merge.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), merge);
        dialog.setWidth("min(36rem, 95vw)");
        dialog.open();
    }
}
