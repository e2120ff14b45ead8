package dk.ligevaerd.workspace.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.shared.ui.LengthLimit;
import dk.ligevaerd.shared.ui.MissingFields;
import dk.ligevaerd.shared.ui.Notices;
import dk.ligevaerd.workspace.DefaultRule;
import dk.ligevaerd.workspace.GovernanceService;
import dk.ligevaerd.workspace.MemberView;
import dk.ligevaerd.workspace.ProposalKind;
import dk.ligevaerd.workspace.RetentionRule;
import dk.ligevaerd.workspace.RetentionText;
import dk.ligevaerd.workspace.WorkspaceDetails;
import dk.ligevaerd.workspace.WorkspaceService;
import dk.ligevaerd.workspace.domain.Workspace;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The workspace's settings. The owner keeps what harms no side (name, description, language);
 * switching joint closing off, the default rule, who answers suggested changes, whether observers
 * may comment, handing over and deleting are proposals that every side confirms, shown here while
 * they wait. Switching joint closing back on harms nobody.
 */
class SettingsPanel extends Div {

    private final WorkspaceService workspaces;
    private final GovernanceService governance;
    private final long workspaceId;
    private final TextField name = new TextField();
    private final TextArea description = new TextArea();
    private final Select<String> language = new Select<>();
    private final ProposalsPanel proposals;
    private final Div rounds = new Div();
    /** The discussion's rules: who answers suggested changes, whether observers may comment. */
    private final Div discussion = new Div();
    /** The workspace itself: handing it over, deleting it. */
    private final Div whole = new Div();
    private List<Div> sections = List.of();
    private final Div retention = new Div();
    private final Button save;
    private boolean loaded;

    SettingsPanel(WorkspaceService workspaces, GovernanceService governance, long workspaceId) {
        this.workspaces = workspaces;
        this.governance = governance;
        this.workspaceId = workspaceId;
        this.proposals = new ProposalsPanel(governance, workspaceId, k -> k == ProposalKind.JOINT_CLOSING_OFF
                || k == ProposalKind.DEFAULT_RULE || k == ProposalKind.HAND_OVER || k == ProposalKind.DELETE_WORKSPACE
                || k == ProposalKind.SUGGESTIONS_BY_MODERATORS || k == ProposalKind.SUGGESTIONS_BY_PARTICIPANTS
                || k == ProposalKind.OBSERVERS_MAY_COMMENT || k == ProposalKind.OBSERVERS_MAY_NOT_COMMENT
                || k == ProposalKind.RETENTION || k == ProposalKind.UNARCHIVE);
        name.setLabel(getTranslation("field.workspaceName"));
        LengthLimit.counted(name, Workspace.NAME_MAX_LENGTH);
        name.setId("settings-name");
        description.setLabel(getTranslation("field.description"));
        LengthLimit.counted(description, Workspace.DESCRIPTION_MAX_LENGTH);
        language.setLabel(getTranslation("settings.language"));
        language.setItems(List.of("da", "en"));
        language.setItemLabelGenerator(l -> getTranslation("settings.language." + l));
        language.setId("settings-language");
        Paragraph error = new Paragraph();
        error.addClassName("form-error");
        error.getElement().setAttribute("role", "alert");
        error.setId("settings-error");
        save = new Button(getTranslation("action.save"), e -> {
            error.setText("");
            if (new MissingFields().check(name, name.getValue().isBlank(), getTranslation("error.missing.workspaceName"))
                    .any()) {
                return;
            }
            try {
                workspaces.rename(workspaceId, name.getValue(), description.getValue());
                if (language.getValue() != null) {
                    workspaces.setLanguage(workspaceId, language.getValue());
                }
                Notices.success(this, "settings.saved");
            } catch (DomainException refused) {
                error.setText(Messages.get(getLocale(), refused));
            }
        });
        save.setId("settings-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(name, description, language);
        // One field per line: in columns the language label was cut off.
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.setMaxWidth("40rem");
        H3 roundsHeading = new H3(getTranslation("settings.rounds"));
        roundsHeading.addClassName("settings-section");
        H3 discussionHeading = new H3(getTranslation("settings.discussion"));
        discussionHeading.addClassName("settings-section");
        H3 wholeHeading = new H3(getTranslation("settings.whole"));
        wholeHeading.addClassName("settings-section");
        H3 retentionHeading = new H3(getTranslation("settings.retention"));
        retentionHeading.addClassName("settings-section");
        retention.setId("settings-retention");
        // Headings go with their sections: an archived workspace shows only its retention.
        Div roundsSection = new Div(roundsHeading, rounds);
        Div discussionSection = new Div(discussionHeading, discussion);
        Div wholeSection = new Div(wholeHeading, whole);
        sections = List.of(roundsSection, discussionSection, wholeSection);
        add(proposals, form, error, save, roundsSection, discussionSection, wholeSection, retentionHeading, retention);
    }

    void show(WorkspaceDetails d) {
        // Filled once: a live update must not overwrite what the owner is typing.
        if (!loaded) {
            name.setValue(d.name());
            description.setValue(d.description());
            language.setValue(d.language());
            loaded = true;
        }
        // An archived workspace takes no change but a proposal to reopen it: no editing controls.
        boolean owner = d.me().owner() && !d.archived();
        name.setReadOnly(!owner);
        description.setReadOnly(!owner);
        language.setReadOnly(!owner);
        save.setVisible(owner);
        proposals.show(d);
        rounds.removeAll();
        discussion.removeAll();
        whole.removeAll();
        showRetention(d);
        sections.forEach(section -> section.setVisible(!d.archived()));
        if (d.archived()) {
            return;
        }

        Span joint = new Span(getTranslation(d.jointClosing() ? "settings.jointClosing.on" : "settings.jointClosing.off"));
        joint.setId("settings-joint-closing-state");
        Button jointButton = d.jointClosing()
                ? button("settings.proposeJointClosingOff", "settings-joint-closing-off",
                        () -> proposed(governance.proposeJointClosingOff(workspaceId)))
                : button("settings.switchJointClosingOn", "settings-joint-closing-on", () -> {
                    workspaces.switchJointClosingOn(workspaceId);
                    return "settings.jointClosing.on";
                });
        Paragraph jointHelp = new Paragraph(getTranslation("settings.jointClosing.help"));
        jointHelp.addClassName("muted");
        rounds.add(new Div(joint), jointHelp, jointButton);

        Select<DefaultRule> rule = new Select<>();
        rule.setLabel(getTranslation("settings.defaultRule"));
        rule.setItems(DefaultRule.values());
        rule.setItemLabelGenerator(r -> getTranslation(r.messageKey()));
        rule.setValue(d.defaultRule());
        rule.setId("settings-default-rule");
        Button proposeRule = button("settings.proposeDefaultRule", "settings-propose-rule",
                () -> proposed(governance.proposeDefaultRule(workspaceId, rule.getValue())));
        rounds.add(row(rule, proposeRule));

        boolean byModerators = d.suggestionsByModerators();
        Span suggestionKeys = new Span(getTranslation(byModerators ? "settings.suggestionKeys.moderators"
                : "settings.suggestionKeys.participants"));
        suggestionKeys.setId("settings-suggestion-keys-state");
        Button proposeKeys = button(byModerators ? "settings.proposeSuggestionKeys.participants"
                : "settings.proposeSuggestionKeys.moderators", "settings-propose-suggestion-keys",
                () -> proposed(governance.proposeSuggestionsByModerators(workspaceId, !byModerators)));
        discussion.add(new Div(suggestionKeys), new Div(proposeKeys));

        boolean observersComment = d.observersMayComment();
        Span observers = new Span(getTranslation(observersComment ? "settings.observerComments.allowed"
                : "settings.observerComments.notAllowed"));
        observers.setId("settings-observer-comments-state");
        Button proposeObservers = button(observersComment ? "settings.proposeObserverComments.stop"
                : "settings.proposeObserverComments.allow", "settings-propose-observer-comments",
                () -> proposed(governance.proposeObserversMayComment(workspaceId, !observersComment)));
        discussion.add(new Div(observers), new Div(proposeObservers));

        if (owner) {
            Select<MemberView> to = new Select<>();
            to.setLabel(getTranslation("settings.handOver"));
            to.setItems(d.members().stream().filter(m -> !m.owner()).toList());
            to.setItemLabelGenerator(MemberView::displayName);
            to.setId("settings-hand-over");
            whole.add(row(to, button("settings.proposeHandOver", "settings-propose-hand-over",
                    () -> to.getValue() == null ? null
                            : proposed(governance.proposeHandOver(workspaceId, to.getValue().userId())))));
        }
        Button delete = button("settings.proposeDelete", "settings-propose-delete",
                () -> proposed(governance.proposeDelete(workspaceId)));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        whole.add(new Div(delete));
    }

    /** The agreed rule, and a form to propose another; in an archived workspace, the way to reopen it. */
    private void showRetention(WorkspaceDetails d) {
        retention.removeAll();
        Paragraph current = new Paragraph(getTranslation("settings.retention.current",
                RetentionText.describe((k, a) -> getTranslation(k, a), getLocale(), d.retention())));
        current.setId("settings-retention-current");
        Paragraph help = new Paragraph(getTranslation("settings.retention.help"));
        help.addClassName("muted");
        retention.add(current, help);
        if (d.archived()) {
            retention.add(new Div(button("settings.proposeUnarchive", "settings-propose-unarchive",
                    () -> proposed(governance.proposeUnarchive(workspaceId)))));
            return;
        }
        RetentionRule rule = d.retention();
        IntegerField idle = months("settings.retention.idleMonths", "settings-retention-idle",
                rule.archiveAfterIdleMonths());
        DatePicker on = new DatePicker(getTranslation("settings.retention.archiveOn"));
        on.setId("settings-retention-on");
        on.setValue(rule.archiveOn());
        on.setMin(java.time.LocalDate.now(dk.ligevaerd.shared.ui.Formats.ZONE).plusDays(1));
        on.setHelperText(getTranslation("settings.retention.empty"));
        on.setLocale(getLocale());
        IntegerField delete = months("settings.retention.deleteMonths", "settings-retention-delete",
                rule.deleteAfterMonths());
        FormLayout form = new FormLayout(idle, on, delete);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.setMaxWidth("40rem");
        Button propose = button("settings.proposeRetention", "settings-propose-retention",
                () -> proposed(governance.proposeRetention(workspaceId,
                        new RetentionRule(idle.getValue(), on.getValue(), delete.getValue()))));
        retention.add(form, new Div(propose));
    }

    private IntegerField months(String labelKey, String id, @Nullable Integer value) {
        IntegerField field = new IntegerField(getTranslation(labelKey));
        field.setId(id);
        field.setMin(RetentionRule.MIN_MONTHS);
        field.setMax(RetentionRule.MAX_MONTHS);
        field.setStepButtonsVisible(true);
        field.setHelperText(getTranslation("settings.retention.empty"));
        field.setValue(value);
        return field;
    }

    /** A proposal was made: the person who made it sees it among the pending ones at once. */
    private String proposed(long proposalId) {
        proposals.refresh();
        return "proposal.made";
    }

    private HorizontalLayout row(com.vaadin.flow.component.Component field, Button button) {
        HorizontalLayout row = new HorizontalLayout(field, button);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }

    private Button button(String key, String id, Supplier<@Nullable String> action) {
        Button button = new Button(getTranslation(key), e -> {
            try {
                String done = action.get();
                if (done != null) {
                    Notices.success(this, done);
                }
            } catch (DomainException refused) {
                Notices.error(getLocale(), refused);
            }
        });
        button.setId(id);
        return button;
    }
}
