package dk.ligevaerd.suggestion.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.HtmlContainer;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.shared.WorkspaceEvent;
import dk.ligevaerd.shared.ui.Formats;
import dk.ligevaerd.shared.ui.LengthLimit;
import dk.ligevaerd.shared.ui.Notices;
import dk.ligevaerd.shared.ui.SideBadge;
import dk.ligevaerd.statement.CollabService;
import dk.ligevaerd.statement.EditorMark;
import dk.ligevaerd.statement.LiveSnapshot;
import dk.ligevaerd.statement.StatementPanel;
import dk.ligevaerd.suggestion.SuggestionEvents;
import dk.ligevaerd.suggestion.SuggestionService;
import dk.ligevaerd.suggestion.SuggestionView;
import dk.ligevaerd.suggestion.domain.Suggestion;
import dk.ligevaerd.workspace.MemberView;
import dk.ligevaerd.workspace.SideView;
import dk.ligevaerd.workspace.WorkspaceDetails;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * The suggested changes beside the statement's editor: a form to suggest one (for participants and
 * moderators), and a card per suggestion with the old words struck and the new ones marked in the
 * proposer's side colour, the sides that have accepted and those still awaited, and what the viewer
 * may do. A suggestion event redraws that one card; a change to the text re-checks, at most once a
 * second, whether pending suggestions still fit it.
 */
class SuggestionPanel extends Section implements StatementPanel {

    private static final long RECHECK_EVERY_MS = 1_000;

    private final SuggestionService suggestions;
    private final CollabService collab;
    private final long workspaceId;
    private final Div form = new Div();
    private final RadioButtonGroup<String> mode = new RadioButtonGroup<>();
    private final TextField oldWords = new TextField();
    private final TextArea newText = new TextArea();
    private final TextArea reason = new TextArea();
    private final Div list = new Div();
    private final Paragraph empty = new Paragraph();
    private final Map<Long, Div> cards = new LinkedHashMap<>();
    private final Map<Long, SuggestionView> shown = new HashMap<>();
    private final AtomicBoolean recheckScheduled = new AtomicBoolean();
    private @Nullable WorkspaceDetails details;
    private @Nullable Runnable stopListening;
    /** The passage selected in the editor that the form was filled in with, while its words stand in it. */
    private StatementPanel.@Nullable Selection chosen;

    SuggestionPanel(SuggestionService suggestions, CollabService collab, long workspaceId) {
        this.suggestions = suggestions;
        this.collab = collab;
        this.workspaceId = workspaceId;
        setId("suggestions");
        addClassName("suggestion-panel");
        H3 title = new H3(getTranslation("suggestion.title"));
        title.setId("suggestions-title");
        getElement().setAttribute("aria-labelledby", "suggestions-title");
        Paragraph intro = new Paragraph(getTranslation("suggestion.intro"));
        intro.addClassName("muted");

        mode.setLabel(getTranslation("suggestion.mode"));
        mode.setItems("replace", "insert");
        mode.setItemLabelGenerator(m -> getTranslation("suggestion.mode." + m));
        mode.setValue("replace");
        mode.setId("suggestion-mode");
        mode.addValueChangeListener(e -> oldWords.setLabel(getTranslation(
                "insert".equals(e.getValue()) ? "suggestion.after" : "suggestion.old")));
        oldWords.setLabel(getTranslation("suggestion.old"));
        oldWords.setId("suggestion-old");
        oldWords.setWidthFull();
        newText.setLabel(getTranslation("suggestion.new"));
        newText.setId("suggestion-new");
        newText.setWidthFull();
        newText.setMaxLength(Suggestion.TEXT_MAX_LENGTH);
        reason.setLabel(getTranslation("suggestion.reason"));
        reason.setId("suggestion-reason");
        reason.setWidthFull();
        reason.setRequiredIndicatorVisible(true);
        LengthLimit.counted(reason, Suggestion.REASON_MAX_LENGTH);
        Button submit = new Button(getTranslation("suggestion.submit"), e -> submit());
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setId("suggestion-submit");
        form.add(mode, oldWords, newText, reason, submit);
        form.addClassName("suggestion-form");

        list.setId("suggestion-list");
        list.addClassName("suggestion-list");
        empty.setText(getTranslation("suggestion.none"));
        empty.addClassName("muted");
        add(title, intro, form, empty, list);
    }

    @Override
    public Component component() {
        return this;
    }

    /**
     * Each pending suggestion as a tracked change in the editor; one whose words have changed since
     * as an outline of the words it was about, so it is seen that it no longer fits.
     */
    @Override
    public List<EditorMark> marks() {
        return suggestions.list(workspaceId).stream().filter(s -> s.pending() && !s.passageRemoved())
                .sorted(java.util.Comparator.comparingLong(SuggestionView::id))
                .map(s -> new EditorMark(s.outdated() ? EditorMark.OUTDATED_SUGGESTION : EditorMark.SUGGESTION, s.id(),
                        s.from(), s.to(), s.statementVersion(), s.proposedSide(), s.newText()))
                .toList();
    }

    /** A suggestion's mark chosen in the editor: its card in view, focused, so it is read and answered. */
    @Override
    public void openMark(String kind, long id) {
        Div card = cards.get(id);
        if (EditorMark.SUGGESTION.equals(kind) && card != null) {
            card.getElement().setAttribute("tabindex", "-1");
            card.scrollIntoView();
            card.getElement().callJsFunction("focus");
        }
    }

    @Override
    public StatementPanel.@Nullable SelectionAction selectionAction() {
        WorkspaceDetails d = details;
        return d != null && d.me().canContribute()
                ? new StatementPanel.SelectionAction("suggest", "suggestion.fromSelection", this::fillIn)
                : null;
    }

    /** Fills the form in with the passage selected in the editor and puts the focus on the new words. */
    private void fillIn(StatementPanel.Selection selection) {
        chosen = selection;
        mode.setValue("replace");
        oldWords.setValue(selection.words());
        oldWords.setInvalid(false);
        newText.setValue(selection.words());
        newText.focus();
        newText.scrollIntoView();
    }

    @Override
    public boolean concerns(WorkspaceEvent event) {
        return SuggestionEvents.isSuggestionEvent(event);
    }

    @Override
    public void show(WorkspaceDetails d) {
        this.details = d;
        form.setVisible(d.me().canContribute());
        list.removeAll();
        cards.clear();
        shown.clear();
        for (SuggestionView s : suggestions.list(workspaceId)) {
            Div card = card(s, d);
            cards.put(s.id(), card);
            shown.put(s.id(), s);
            list.addComponentAsFirst(card);
        }
        empty.setVisible(cards.isEmpty());
    }

    /** Redraws only the cards the events name; a new suggestion is put on top. */
    @Override
    public void changed(WorkspaceDetails d, List<WorkspaceEvent> events) {
        this.details = d;
        List<Long> ids = events.stream().map(WorkspaceEvent::firstId).filter(id -> id > 0).distinct().toList();
        if (ids.isEmpty()) {
            show(d);
            return;
        }
        redraw(d, ids);
    }

    private void redraw(WorkspaceDetails d, List<Long> ids) {
        for (SuggestionView s : suggestions.list(workspaceId)) {
            if (!ids.contains(s.id())) {
                continue;
            }
            Div fresh = card(s, d);
            Div old = cards.put(s.id(), fresh);
            shown.put(s.id(), s);
            if (old != null) {
                list.replace(old, fresh);
            } else {
                list.addComponentAsFirst(fresh);
            }
        }
        empty.setVisible(cards.isEmpty());
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        stopListening = collab.listen(workspaceId, updates -> scheduleRecheck(ui));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (stopListening != null) {
            stopListening.run();
            stopListening = null;
        }
        super.onDetach(event);
    }

    /** Called under the statement's lock for every accepted change: only schedules, never waits. */
    private void scheduleRecheck(UI ui) {
        if (shown.values().stream().noneMatch(SuggestionView::pending)) {
            return;
        }
        if (recheckScheduled.compareAndSet(false, true)) {
            CompletableFuture.delayedExecutor(RECHECK_EVERY_MS, TimeUnit.MILLISECONDS).execute(() -> {
                try {
                    ui.access(() -> {
                        recheckScheduled.set(false);
                        recheck();
                    });
                } catch (UIDetachedException closed) {
                    recheckScheduled.set(false);
                }
            });
        }
    }

    /** Redraws the pending cards whose fit to the text changed (outdated, or the words they point at). */
    private void recheck() {
        WorkspaceDetails d = details;
        if (d == null) {
            return;
        }
        List<Long> changed = suggestions.list(workspaceId).stream().filter(s -> {
            SuggestionView before = shown.get(s.id());
            return before == null || before.outdated() != s.outdated()
                    || !before.currentWording().equals(s.currentWording());
        }).map(SuggestionView::id).toList();
        if (!changed.isEmpty()) {
            redraw(d, changed);
        }
    }

    private void submit() {
        LiveSnapshot now = collab.snapshot(workspaceId);
        String text = now.text();
        String words = oldWords.getValue();
        boolean insert = "insert".equals(mode.getValue());
        int version = now.version();
        int from;
        int to;
        StatementPanel.Selection selected = chosen;
        if (!insert && selected != null && selected.words().equals(words)) {
            // The passage selected in the editor, as it stood when it was selected.
            version = selected.version();
            from = selected.from();
            to = selected.to();
        } else if (insert && words.isEmpty()) {
            from = text.length();
            to = from;
        } else {
            int at = words.isEmpty() ? -1 : text.indexOf(words);
            if (at < 0) {
                oldWords.setInvalid(true);
                oldWords.setErrorMessage(getTranslation("error.suggestion.notFound"));
                return;
            }
            from = insert ? at + words.length() : at;
            to = insert ? from : at + words.length();
        }
        oldWords.setInvalid(false);
        reason.setInvalid(false);
        try {
            suggestions.suggest(workspaceId, version, from, to, newText.getValue(), reason.getValue());
            chosen = null;
            oldWords.clear();
            newText.clear();
            reason.clear();
            Notices.success(this, "suggestion.made");
        } catch (DomainException e) {
            if (e.messageKey().contains("Reason") || e.messageKey().equals("error.length")) {
                reason.setInvalid(true);
                reason.setErrorMessage(Messages.get(getLocale(), e));
            } else {
                Notices.error(getLocale(), e);
            }
        }
    }

    private Div card(SuggestionView s, WorkspaceDetails d) {
        Div card = new Div();
        card.addClassName("suggestion-card");
        card.setId("suggestion-" + s.id());
        card.getElement().setAttribute("data-state", s.state().name());
        card.getElement().setAttribute("data-outdated", String.valueOf(s.outdated()));
        SideView side = side(d, s.proposedSide());
        if (side != null) {
            card.getStyle().set("--suggestion-side-colour", side.colour());
        }
        Div meta = new Div();
        meta.addClassName("suggestion-meta");
        if (side != null) {
            meta.add(new SideBadge(side.name(), side.colour()), new Text(" "));
        }
        meta.add(new Span(getTranslation("suggestion.proposedBy", name(d, s.proposedBy()),
                Formats.dateTime(s.proposedAt(), getLocale()))));
        Span state = new Span(getTranslation("suggestion.state." + s.state().name()));
        state.addClassName("suggestion-state");
        meta.add(new Text(" · "), state);

        Div change = new Div();
        change.addClassName("statement-diff");
        change.addClassName("suggestion-change");
        Div text = new Div();
        text.addClassName("statement-diff-text");
        if (s.insertion()) {
            Span label = new Span(getTranslation("suggestion.insertion") + ": ");
            label.addClassName("muted");
            text.add(label);
        } else {
            text.add(marked(new Del(), "suggestion.struck", s.baseWording()));
            text.add(new Text(" "));
        }
        Ins added = marked(new Ins(), "suggestion.added", s.newText());
        added.addClassName("suggestion-new-text");
        text.add(added);
        change.add(text);

        Paragraph why = new Paragraph(s.reason());
        why.addClassName("suggestion-reason");
        card.add(meta, change, why);

        if (s.pending() && s.outdated()) {
            Div outdated = new Div();
            outdated.addClassName("suggestion-outdated");
            outdated.getElement().setAttribute("role", "status");
            if (s.passageRemoved()) {
                outdated.add(new Paragraph(getTranslation("suggestion.outdated.removed")));
            } else {
                outdated.add(new Paragraph(getTranslation("suggestion.outdated")));
                Div diff = new Div();
                diff.addClassName("statement-diff-text");
                diff.add(new Span(getTranslation("suggestion.outdated.now") + " "));
                diff.add(marked(new Del(), "suggestion.struck", s.baseWording()), new Text(" "),
                        marked(new Ins(), "suggestion.added", s.currentWording()));
                Div box = new Div(diff);
                box.addClassName("statement-diff");
                outdated.add(box);
            }
            card.add(outdated);
        }

        if (s.state() == dk.ligevaerd.suggestion.SuggestionState.DECLINED && s.decidedBy() != null) {
            card.add(new Paragraph(getTranslation("suggestion.declinedBy", name(d, s.decidedBy()),
                    Objects.requireNonNullElse(s.declineReason(), ""))));
        }
        Div keys = new Div();
        keys.addClassName("suggestion-keys");
        if (!s.acceptedSides().isEmpty()) {
            keys.add(new Span(getTranslation("suggestion.accepted") + " "));
            s.acceptedSides().forEach(id -> badge(d, id, keys));
        }
        if (s.pending() && !s.awaitingSides().isEmpty()) {
            keys.add(new Span(" " + getTranslation("suggestion.awaiting") + " "));
            s.awaitingSides().forEach(id -> badge(d, id, keys));
        }
        card.add(keys);
        if (s.pending()) {
            actions(s, d, card);
        }
        return card;
    }

    private void actions(SuggestionView s, WorkspaceDetails d, Div card) {
        Div actions = new Div();
        actions.addClassName("suggestion-actions");
        Long mySide = d.me().sideId();
        boolean mayAnswer = d.suggestionsByModerators() ? d.me().isModerator() : d.me().canContribute();
        boolean otherSide = mayAnswer && mySide != null && mySide != s.proposedSide();
        if (otherSide && !s.outdated() && s.awaitingSides().contains(mySide)) {
            Button accept = new Button(getTranslation("suggestion.accept"), e -> run(() -> {
                boolean applied = suggestions.accept(workspaceId, s.id());
                Notices.success(this, applied ? "suggestion.done.applied" : "suggestion.done.accepted");
            }));
            accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
            accept.addClassName("suggestion-accept");
            actions.add(accept);
        }
        if (otherSide) {
            Button decline = new Button(getTranslation("suggestion.decline"), e -> declineForm(s, actions));
            decline.addThemeVariants(ButtonVariant.LUMO_SMALL);
            decline.addClassName("suggestion-decline");
            actions.add(decline);
        }
        if (d.me().userId() == s.proposedBy()) {
            if (s.outdated()) {
                Button rebase = new Button(getTranslation("suggestion.rebase"), e -> run(() -> {
                    suggestions.rebase(workspaceId, s.id());
                    Notices.success(this, "suggestion.done.rebased");
                }));
                rebase.addThemeVariants(ButtonVariant.LUMO_SMALL);
                rebase.addClassName("suggestion-rebase");
                actions.add(rebase);
            }
            Button withdraw = new Button(getTranslation("suggestion.withdraw"), e -> run(() -> {
                suggestions.withdraw(workspaceId, s.id());
                Notices.success(this, "suggestion.done.withdrawn");
            }));
            withdraw.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            withdraw.addClassName("suggestion-withdraw");
            actions.add(withdraw);
        }
        if (actions.getComponentCount() > 0) {
            card.add(actions);
        }
    }

    private void declineForm(SuggestionView s, Div actions) {
        TextArea why = new TextArea(getTranslation("field.declineReason"));
        why.setWidthFull();
        why.addClassName("suggestion-decline-reason");
        LengthLimit.counted(why, Suggestion.REASON_MAX_LENGTH);
        Button confirm = new Button(getTranslation("suggestion.declineConfirm"));
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        confirm.addClassName("suggestion-decline-confirm");
        Button cancel = new Button(getTranslation("suggestion.cancel"));
        cancel.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        Div box = new Div(why, confirm, cancel);
        box.addClassName("suggestion-decline-form");
        confirm.addClickListener(e -> {
            try {
                suggestions.decline(workspaceId, s.id(), why.getValue());
                Notices.success(this, "suggestion.done.declined");
            } catch (DomainException refused) {
                why.setInvalid(true);
                why.setErrorMessage(Messages.get(getLocale(), refused));
            }
        });
        cancel.addClickListener(e -> box.removeFromParent());
        actions.add(box);
        why.focus();
    }

    private void run(Runnable action) {
        try {
            action.run();
        } catch (DomainException e) {
            Notices.error(getLocale(), e);
        }
    }

    private static @Nullable SideView side(WorkspaceDetails d, long id) {
        return d.sides().stream().filter(s -> s.id() == id).findFirst().orElse(null);
    }

    private static void badge(WorkspaceDetails d, long sideId, Div into) {
        SideView side = side(d, sideId);
        if (side != null) {
            into.add(new SideBadge(side.name(), side.colour()), new Text(" "));
        }
    }

    private String name(WorkspaceDetails d, long userId) {
        return d.members().stream().filter(m -> m.userId() == userId).map(MemberView::displayName).findFirst()
                .orElse(getTranslation("suggestion.formerMember"));
    }

    /** User text as text, between labels that only screen readers read out. */
    private <C extends HtmlContainer> C marked(C container, String labelKey, String content) {
        Span start = new Span(getTranslation(labelKey) + ": ");
        start.addClassName("visually-hidden");
        container.add(start, new Text(content));
        return container;
    }

    @Tag("ins")
    static final class Ins extends HtmlContainer {
    }

    @Tag("del")
    static final class Del extends HtmlContainer {
    }
}
