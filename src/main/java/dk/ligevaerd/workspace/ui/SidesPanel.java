package dk.ligevaerd.workspace.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.shared.ui.Notices;
import dk.ligevaerd.workspace.SideView;
import dk.ligevaerd.workspace.WorkspaceDetails;
import dk.ligevaerd.workspace.WorkspaceService;
import dk.ligevaerd.workspace.domain.Side;

/** The owner's page for sides: rename, recolour, add, remove an empty one. */
class SidesPanel extends Div {

    private final WorkspaceService workspaces;
    private final long workspaceId;

    SidesPanel(WorkspaceService workspaces, long workspaceId) {
        this.workspaces = workspaces;
        this.workspaceId = workspaceId;
        addClassName("sides-panel");
        setId("sides-panel");
    }

    void show(WorkspaceDetails d) {
        removeAll();
        Paragraph intro = new Paragraph(getTranslation("sides.intro"));
        intro.addClassName("muted");
        add(intro);
        for (SideView side : d.sides()) {
            add(row(side, d.sides().size()));
        }
        add(addRow(d));
    }

    private Div row(SideView side, int sideCount) {
        TextField name = new TextField(getTranslation("field.sideName"), side.name(), "");
        name.setMaxLength(Side.NAME_MAX_LENGTH);
        Select<String> colour = ColourPicker.create(getTranslation("field.colour"), side.colour());
        Paragraph error = new Paragraph();
        error.addClassName("form-error");
        error.getElement().setAttribute("role", "alert");
        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                workspaces.changeSide(workspaceId, side.id(), name.getValue(), colour.getValue());
                Notices.success(this, "sides.saved");
            } catch (DomainException refused) {
                error.setText(Messages.get(getLocale(), refused));
            }
        });
        Button remove = new Button(getTranslation("action.remove"), VaadinIcon.TRASH.create(), e -> {
            try {
                workspaces.removeSide(workspaceId, side.id());
            } catch (DomainException refused) {
                error.setText(Messages.get(getLocale(), refused));
            }
        });
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        if (side.memberCount() > 0 || sideCount <= 2) {
            remove.setEnabled(false);
            remove.setTooltipText(getTranslation(side.memberCount() > 0 ? "sides.cannotRemoveMembers"
                    : "sides.cannotRemoveTwo"));
        }
        Span count = new Span(getTranslation("workspaces.memberCount", side.memberCount()));
        count.addClassName("muted");
        HorizontalLayout fields = new HorizontalLayout(name, colour, save, remove, count);
        fields.setAlignItems(FlexComponent.Alignment.BASELINE);
        fields.setWrap(true);
        Div row = new Div(fields, error);
        row.addClassName("side-row");
        row.getStyle().set("--side-colour", side.colour());
        return row;
    }

    private Div addRow(WorkspaceDetails d) {
        TextField name = new TextField(getTranslation("field.sideName"));
        name.setMaxLength(Side.NAME_MAX_LENGTH);
        name.setId("new-side-name");
        String nextColour = Side.PALETTE.stream()
                .filter(c -> d.sides().stream().noneMatch(s -> s.colour().equalsIgnoreCase(c)))
                .findFirst().orElse(Side.PALETTE.getFirst());
        Select<String> colour = ColourPicker.create(getTranslation("field.colour"), nextColour);
        Paragraph error = new Paragraph();
        error.addClassName("form-error");
        error.getElement().setAttribute("role", "alert");
        error.setId("new-side-error");
        Button add = new Button(getTranslation("sides.add"), VaadinIcon.PLUS.create(), e -> {
            try {
                workspaces.addSide(workspaceId, name.getValue(), colour.getValue());
            } catch (DomainException refused) {
                error.setText(Messages.get(getLocale(), refused));
            }
        });
        add.setId("add-side");
        HorizontalLayout fields = new HorizontalLayout(name, colour, add);
        fields.setAlignItems(FlexComponent.Alignment.BASELINE);
        fields.setWrap(true);
        Div row = new Div(new H3(getTranslation("sides.add")), fields, error);
        row.addClassName("side-add");
        return row;
    }
}
