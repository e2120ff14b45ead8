package dk.ligevaerd.workspace.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.shared.ui.Notices;
import dk.ligevaerd.workspace.WorkspaceDetails;
import dk.ligevaerd.workspace.WorkspaceService;
import dk.ligevaerd.workspace.domain.Workspace;

/**
 * The owner renames the workspace or rewrites its short description, and decides whether rounds
 * close jointly (a moderator of every side confirms) or by any one moderator.
 */
class SettingsPanel extends Div {

    private final TextField name = new TextField();
    private final TextArea description = new TextArea();
    private final Checkbox jointClosing = new Checkbox();
    private boolean loaded;
    /** While the checkbox follows a change made elsewhere, it must not save it back. */
    private boolean following;

    SettingsPanel(WorkspaceService workspaces, long workspaceId) {
        name.setLabel(getTranslation("field.workspaceName"));
        name.setMaxLength(Workspace.NAME_MAX_LENGTH);
        name.setId("settings-name");
        description.setLabel(getTranslation("field.description"));
        description.setMaxLength(Workspace.DESCRIPTION_MAX_LENGTH);
        Paragraph error = new Paragraph();
        error.addClassName("form-error");
        error.getElement().setAttribute("role", "alert");
        error.setId("settings-error");
        Button save = new Button(getTranslation("action.save"), e -> {
            error.setText("");
            try {
                workspaces.rename(workspaceId, name.getValue(), description.getValue());
                Notices.success(this, "settings.saved");
            } catch (DomainException refused) {
                error.setText(Messages.get(getLocale(), refused));
            }
        });
        save.setId("settings-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(name, description);
        form.setMaxWidth("40rem");

        H3 rounds = new H3(getTranslation("settings.rounds"));
        jointClosing.setLabel(getTranslation("settings.jointClosing"));
        jointClosing.setHelperText(getTranslation("settings.jointClosing.help"));
        jointClosing.setId("settings-joint-closing");
        jointClosing.addValueChangeListener(e -> {
            if (following || !e.isFromClient()) {
                return;
            }
            try {
                workspaces.setJointClosing(workspaceId, e.getValue());
                Notices.success(this, e.getValue() ? "settings.jointClosing.on" : "settings.jointClosing.off");
            } catch (DomainException refused) {
                Notices.error(getLocale(), refused);
                following = true;
                jointClosing.setValue(e.getOldValue());
                following = false;
            }
        });
        add(form, error, save, rounds, jointClosing);
    }

    void show(WorkspaceDetails d) {
        // Filled once: a live update must not overwrite what the owner is typing.
        if (!loaded) {
            name.setValue(d.name());
            description.setValue(d.description());
            loaded = true;
        }
        following = true;
        jointClosing.setValue(d.jointClosing());
        following = false;
    }
}
