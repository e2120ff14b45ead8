package dk.ligevaerd.round.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import dk.ligevaerd.priority.PriorityService;
import dk.ligevaerd.priority.PriorityState;
import dk.ligevaerd.priority.PriorityView;
import dk.ligevaerd.round.DecisionRule;
import dk.ligevaerd.round.RoundDraft;
import dk.ligevaerd.round.RoundKind;
import dk.ligevaerd.round.RoundService;
import dk.ligevaerd.round.RoundView;
import dk.ligevaerd.round.domain.DecisionRound;
import dk.ligevaerd.round.rules.PrioritizeMethod;
import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.shared.ui.LengthLimit;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.shared.ui.Formats;
import dk.ligevaerd.shared.ui.MissingFields;
import dk.ligevaerd.statement.StatementService;
import dk.ligevaerd.statement.VersionView;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Preparing a round, or changing a draft: what it is about, how people vote, the rule, the
 * quorum, whether tallies show live, whether ballots are secret, and an optional closing time.
 * Everything is checked again by the server; this form only helps to get it right the first time.
 */
class RoundEditor extends Dialog {

    /** A choice in the version list: a saved version, or the text as it is when the round opens. */
    record VersionChoice(@Nullable Long id, String label) {
    }

    private static final Set<PriorityState> VOTABLE = EnumSet.of(PriorityState.PROPOSED, PriorityState.ADOPTED,
            PriorityState.NOT_ADOPTED);

    private final TextField title = new TextField();
    private final RadioButtonGroup<RoundKind> kind = new RadioButtonGroup<>();
    private final RadioButtonGroup<PrioritizeMethod> method = new RadioButtonGroup<>();
    private final CheckboxGroup<PriorityView> priorities = new CheckboxGroup<>();
    private final IntegerField budget = new IntegerField();
    private final IntegerField cap = new IntegerField();
    private final IntegerField topPlaces = new IntegerField();
    private final Checkbox everySide = new Checkbox();
    /** How many priorities the round will adopt at most, said before it is saved or opened. */
    private final Paragraph willAdopt = new Paragraph();
    private final Select<VersionChoice> version = new Select<>();
    private final RadioButtonGroup<DecisionRule> rule = new RadioButtonGroup<>();
    private final IntegerField quorum = new IntegerField();
    /** q_s: each side's own quorum, one field per side of the workspace. */
    private final java.util.Map<Long, IntegerField> quorumBySide = new java.util.LinkedHashMap<>();
    private final Checkbox live = new Checkbox();
    private final Checkbox secret = new Checkbox();
    private final DateTimePicker closesAt = new DateTimePicker();
    private final Paragraph error = new Paragraph();

    RoundEditor(RoundService rounds, PriorityService priorityService, StatementService statements, long workspaceId,
            @Nullable RoundView existing, List<dk.ligevaerd.workspace.SideView> sides) {
        setHeaderTitle(getTranslation(existing == null ? "round.editor.new" : "round.editor.edit"));
        setWidth("min(44rem, 96vw)");
        addClassName("round-editor");

        title.setLabel(getTranslation("round.editor.title"));
        LengthLimit.counted(title, DecisionRound.TITLE_MAX_LENGTH);
        title.setWidthFull();
        title.setId("round-title");

        kind.setLabel(getTranslation("round.editor.kind"));
        kind.setItems(RoundKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("round.editor.kind." + k.name().toLowerCase(Locale.ROOT)));
        kind.setValue(RoundKind.PRIORITIZE);
        kind.setId("round-kind");

        method.setLabel(getTranslation("round.editor.method"));
        method.setItems(PrioritizeMethod.values());
        method.setItemLabelGenerator(m -> getTranslation("round.method." + m.name().toLowerCase(Locale.ROOT)));
        method.setValue(PrioritizeMethod.DOTS);
        method.setId("round-method");

        List<PriorityView> available = priorityService.list(workspaceId).stream()
                .filter(p -> VOTABLE.contains(p.state())).toList();
        priorities.setLabel(getTranslation("round.editor.priorities"));
        priorities.setItems(available);
        // Adopted and not-adopted priorities may be voted on again; they say so.
        priorities.setItemLabelGenerator(p -> p.state() == PriorityState.PROPOSED ? p.title()
                : p.title() + " (" + getTranslation(p.state().messageKey()) + ")");
        priorities.setHelperText(getTranslation("round.editor.prioritiesHelp", DecisionRound.MIN_OPTIONS,
                DecisionRound.MAX_OPTIONS));
        priorities.setId("round-priorities");

        budget.setLabel(getTranslation("round.editor.budget"));
        budget.setMin(1);
        budget.setMax(DecisionRound.MAX_BUDGET);
        budget.setStepButtonsVisible(true);
        budget.setValue(RoundDraft.DEFAULT_BUDGET);
        budget.setId("round-budget");
        cap.setLabel(getTranslation("round.editor.cap"));
        cap.setMin(1);
        cap.setMax(DecisionRound.MAX_BUDGET);
        cap.setStepButtonsVisible(true);
        cap.setValue(RoundDraft.DEFAULT_CAP);
        cap.setId("round-cap");
        topPlaces.setLabel(getTranslation("round.editor.topPlaces"));
        topPlaces.setHelperText(getTranslation("round.editor.topPlacesHelp"));
        topPlaces.setMin(1);
        topPlaces.setStepButtonsVisible(true);
        topPlaces.setValue(1);
        topPlaces.setMax(1);
        topPlaces.setId("round-top-places");
        everySide.setLabel(getTranslation("round.editor.everySide"));
        everySide.setHelperText(getTranslation("round.editor.everySideHelp"));
        everySide.setId("round-every-side");
        willAdopt.addClassNames("muted", "round-will-adopt");
        willAdopt.setId("round-will-adopt");

        List<VersionChoice> versions = new ArrayList<>();
        versions.add(new VersionChoice(null, getTranslation("round.editor.currentText")));
        for (VersionView v : statements.versions(workspaceId)) {
            versions.add(new VersionChoice(v.id(), v.name() + " · " + Formats.dateTime(v.createdAt(), getLocale())));
        }
        version.setLabel(getTranslation("round.editor.version"));
        version.setItems(versions);
        version.setItemLabelGenerator(VersionChoice::label);
        version.setValue(versions.getFirst());
        version.setWidthFull();
        version.setId("round-version");

        rule.setLabel(getTranslation("round.editor.rule"));
        rule.setItems(DecisionRule.values());
        rule.setItemLabelGenerator(r -> getTranslation(r.messageKey()) + " – "
                + getTranslation("round.rule.help." + r.name().toLowerCase(Locale.ROOT)));
        rule.setValue(DecisionRule.SIDE_PARITY);
        rule.setId("round-rule");

        quorum.setLabel(getTranslation("round.editor.quorum"));
        quorum.setHelperText(getTranslation("round.editor.quorumHelp"));
        quorum.setMin(1);
        quorum.setMax(DecisionRound.MAX_QUORUM);
        quorum.setStepButtonsVisible(true);
        quorum.setValue(RoundDraft.DEFAULT_QUORUM);
        quorum.setId("round-quorum");
        for (dk.ligevaerd.workspace.SideView side : sides) {
            IntegerField field = new IntegerField(getTranslation("round.editor.quorumFor", side.name()));
            field.setMin(1);
            field.setMax(DecisionRound.MAX_QUORUM);
            field.setStepButtonsVisible(true);
            field.setValue(RoundDraft.DEFAULT_QUORUM);
            field.setId("round-quorum-" + side.id());
            quorumBySide.put(side.id(), field);
        }
        // With the sides known, each has its own field; the common one stays only as a fallback.
        quorum.setVisible(quorumBySide.isEmpty());
        live.setLabel(getTranslation("round.editor.live"));
        live.setValue(true);
        live.setId("round-live");
        secret.setLabel(getTranslation("round.editor.secret"));
        secret.setId("round-secret");
        closesAt.setLabel(getTranslation("round.editor.closesAt"));
        closesAt.setHelperText(getTranslation("round.editor.closesAtHelp"));
        closesAt.setLocale(getLocale());
        closesAt.setId("round-closes-at");

        error.addClassName("form-error");
        error.getElement().setAttribute("role", "alert");
        error.setId("round-editor-error");

        if (existing != null) {
            fillFrom(existing, versions);
            kind.setEnabled(false);
        }
        // The places adopted always lie between 1 and the number of ticked priorities; until the
        // moderator sets it, it follows the default (half the ticked priorities, at least 1).
        topPlaces.addValueChangeListener(e -> {
            topPlacesSet |= e.isFromClient();
            sayWhatWillBeAdopted();
        });
        everySide.addValueChangeListener(e -> sayWhatWillBeAdopted());
        priorities.addValueChangeListener(e -> fitTopPlaces());
        fitTopPlaces();
        secret.addValueChangeListener(e -> {
            if (secret.getValue()) {
                live.setValue(false);
            }
            live.setEnabled(!secret.getValue());
        });
        live.setEnabled(!secret.getValue());
        kind.addValueChangeListener(e -> showFields());
        method.addValueChangeListener(e -> showFields());
        showFields();

        priorities.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        rule.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        Div points = new Div(budget, cap, topPlaces);
        points.addClassName("editor-row");
        Div adoption = new Div(everySide, willAdopt);
        adoption.addClassName("round-adoption-settings");
        Div counting = new Div(quorum);
        quorumBySide.values().forEach(counting::add);
        counting.add(closesAt);
        counting.addClassName("editor-row");
        if (!quorumBySide.isEmpty()) {
            counting.add(Show.withClass(new Paragraph(getTranslation("round.editor.quorumHelp")), "muted"));
        }
        VerticalLayout fields = new VerticalLayout(title, kind, method, priorities, points, adoption, version, rule,
                counting,
                live, secret, error);
        fields.setPadding(false);
        fields.setSpacing(false);
        add(fields);
        Button save = new Button(getTranslation(existing == null ? "round.editor.create" : "action.save"), e -> {
            error.setText("");
            boolean prioritize = kind.getValue() != RoundKind.ADOPT;
            MissingFields missing = new MissingFields()
                    .check(title, title.getValue().isBlank(), getTranslation("error.missing.roundTitle"))
                    .check(priorities, prioritize && priorities.getValue().size() < DecisionRound.MIN_OPTIONS,
                            getTranslation("error.missing.roundPriorities", DecisionRound.MIN_OPTIONS));
            if (missing.any()) {
                error.setText(getTranslation("error.missing.fields"));
                return;
            }
            try {
                RoundDraft draft = draft();
                if (existing == null) {
                    rounds.create(workspaceId, draft);
                } else {
                    rounds.update(workspaceId, existing.id(), draft);
                }
                close();
            } catch (DomainException refused) {
                error.setText(Messages.get(getLocale(), refused));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("round-save");
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }

    private void fillFrom(RoundView existing, List<VersionChoice> versions) {
        title.setValue(existing.title());
        kind.setValue(existing.kind());
        if (existing.method() != null) {
            method.setValue(existing.method());
        }
        Set<Long> chosen = new LinkedHashSet<>();
        existing.options().forEach(o -> chosen.add(o.id()));
        priorities.setValue(priorities.getListDataView().getItems().filter(p -> chosen.contains(p.id()))
                .collect(java.util.stream.Collectors.toSet()));
        if (existing.budget() > 0) {
            budget.setValue(existing.budget());
            cap.setValue(existing.capPerOption());
        }
        if (existing.adoptTopPlaces() > 0) {
            topPlaces.setMax(Math.max(1, priorities.getValue().size()));
            topPlaces.setValue(existing.adoptTopPlaces());
            topPlacesSet = true;
        }
        everySide.setValue(existing.adoptEverySide());
        versions.stream().filter(v -> Objects.equals(v.id(), existing.versionId())).findFirst()
                .ifPresent(version::setValue);
        rule.setValue(existing.rule());
        quorum.setValue(existing.quorumPerSide());
        quorumBySide.forEach((side, field) -> field.setValue(existing.quorumFor(side)));
        live.setValue(existing.liveTallies());
        secret.setValue(existing.secret());
        if (existing.closesAt() != null) {
            closesAt.setValue(LocalDateTime.ofInstant(existing.closesAt(), Formats.ZONE));
        }
    }

    /** For a new round: the rule the workspace's sides agreed on as the default. */
    void startWithRule(DecisionRule defaultRule) {
        rule.setValue(defaultRule);
    }

    private boolean topPlacesSet;

    private void fitTopPlaces() {
        int ticked = Math.max(1, priorities.getValue().size());
        topPlaces.setMax(ticked);
        Integer now = topPlaces.getValue();
        int wanted = topPlacesSet && now != null ? now : RoundDraft.defaultTopPlaces(priorities.getValue().size());
        topPlaces.setValue(Math.max(1, Math.min(wanted, ticked)));
        sayWhatWillBeAdopted();
    }

    private void sayWhatWillBeAdopted() {
        int ticked = priorities.getValue().size();
        Integer places = topPlaces.getValue();
        if (ticked == 0 || places == null) {
            willAdopt.setText("");
            return;
        }
        String text = getTranslation("round.editor.willAdopt", Math.min(places, ticked), ticked);
        willAdopt.setText(everySide.getValue() ? text + " " + getTranslation("round.adoption.everySide") : text);
    }

    private void showFields() {
        boolean prioritize = kind.getValue() == RoundKind.PRIORITIZE;
        boolean dots = method.getValue() == PrioritizeMethod.DOTS;
        method.setVisible(prioritize);
        priorities.setVisible(prioritize);
        budget.setVisible(prioritize && dots);
        cap.setVisible(prioritize && dots);
        topPlaces.setVisible(prioritize);
        everySide.setVisible(prioritize);
        willAdopt.setVisible(prioritize);
        version.setVisible(!prioritize);
        rule.setVisible(!prioritize);
    }

    private RoundDraft draft() {
        RoundKind chosenKind = Objects.requireNonNullElse(kind.getValue(), RoundKind.PRIORITIZE);
        Instant closing = closesAt.getValue() == null ? null : closesAt.getValue().atZone(Formats.ZONE).toInstant();
        int quorumValue = Objects.requireNonNullElse(quorum.getValue(), 0);
        if (chosenKind == RoundKind.ADOPT) {
            VersionChoice choice = version.getValue();
            return new RoundDraft(title.getValue(), RoundKind.ADOPT, null,
                    Objects.requireNonNullElse(rule.getValue(), DecisionRule.SIDE_PARITY), List.of(),
                    choice == null ? null : choice.id(), 0, 0, 0, quorumValue, live.getValue(), secret.getValue(),
                    closing, quorums());
        }
        PrioritizeMethod chosenMethod = Objects.requireNonNullElse(method.getValue(), PrioritizeMethod.DOTS);
        List<Long> ids = priorities.getListDataView().getItems().filter(priorities.getValue()::contains)
                .map(PriorityView::id).toList();
        boolean dots = chosenMethod == PrioritizeMethod.DOTS;
        return new RoundDraft(title.getValue(), RoundKind.PRIORITIZE, chosenMethod, DecisionRule.SIDE_PARITY, ids,
                null, dots ? Objects.requireNonNullElse(budget.getValue(), 0) : 0,
                dots ? Objects.requireNonNullElse(cap.getValue(), 0) : 0,
                Objects.requireNonNullElse(topPlaces.getValue(), 0), quorumValue, live.getValue(), secret.getValue(),
                closing, quorums(), everySide.getValue());
    }

    /** Each side's quorum as entered; an emptied field is sent as 0, which the service refuses. */
    private java.util.Map<Long, Integer> quorums() {
        java.util.Map<Long, Integer> by = new java.util.HashMap<>();
        quorumBySide.forEach((side, field) -> by.put(side, Objects.requireNonNullElse(field.getValue(), 0)));
        return by;
    }
}
