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
import dk.ligevaerd.shared.ui.LengthLimit;
import dk.ligevaerd.shared.ui.MissingFields;
import dk.ligevaerd.shared.ui.Notices;
import dk.ligevaerd.shared.ui.SideBadge;
import dk.ligevaerd.workspace.GovernanceService;
import dk.ligevaerd.workspace.ProposalKind;
import dk.ligevaerd.workspace.SideView;
import dk.ligevaerd.workspace.WorkspaceDetails;
import dk.ligevaerd.workspace.WorkspaceService;
import dk.ligevaerd.workspace.domain.Side;

/**
 * Sides: the owner recolours them; renaming, adding and removing one are proposals that every side
 * confirms, shown here while they wait.
 */
class SidesPanel extends Div {

    private final WorkspaceService workspaces;
    private final GovernanceService governance;
    private final long workspaceId;
    private final ProposalsPanel proposals;

    SidesPanel(WorkspaceService workspaces, GovernanceService governance, long workspaceId) {
        this.workspaces = workspaces;
        this.governance = governance;
        this.workspaceId = workspaceId;
        this.proposals = new ProposalsPanel(governance, workspaceId, k -> k == ProposalKind.ADD_SIDE
                || k == ProposalKind.RENAME_SIDE || k == ProposalKind.REMOVE_SIDE);
        addClassName("sides-panel");
        setId("sides-panel");
    }

    void show(WorkspaceDetails d) {
        removeAll();
        Paragraph intro = new Paragraph(getTranslation("sides.intro"));
        intro.addClassName("muted");
        proposals.show(d);
        add(intro, proposals);
        if (d.archived()) {
            // Read-only: the sides as they are, nothing to change.
            Div list = new Div();
            d.sides().forEach(s -> list.add(new SideBadge(s.name(), s.colour())));
            list.addClassName("side-badges");
            add(list);
            return;
        }
        for (SideView side : d.sides()) {
            add(row(side, d.sides().size(), d));
        }
        add(addRow(d));
    }

    private Div row(SideView side, int sideCount, WorkspaceDetails d) {
        TextField name = new TextField(getTranslation("field.sideName"), side.name(), "");
        LengthLimit.counted(name, Side.NAME_MAX_LENGTH);
        name.setId("side-name-" + side.id());
        Select<String> colour = ColourPicker.create(getTranslation("field.colour"), side.colour());
        Paragraph error = new Paragraph();
        error.addClassName("form-error");
        error.getElement().setAttribute("role", "alert");
        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                workspaces.recolourSide(workspaceId, side.id(), colour.getValue());
                Notices.success(this, "sides.saved");
            } catch (DomainException refused) {
                error.setText(Messages.get(getLocale(), refused));
            }
        });
        save.setVisible(d.me().owner());
        colour.setEnabled(d.me().owner());
        Button rename = new Button(getTranslation("sides.proposeRename"), e -> {
            error.setText("");
            if (new MissingFields().check(name, name.getValue().isBlank(), getTranslation("error.missing.sideName"))
                    .any()) {
                return;
            }
            try {
                governance.proposeRenameSide(workspaceId, side.id(), name.getValue());
                Notices.success(this, "proposal.made");
                proposals.refresh();
            } catch (DomainException refused) {
                error.setText(Messages.get(getLocale(), refused));
            }
        });
        rename.setId("side-rename-" + side.id());
        Button remove = new Button(getTranslation("sides.proposeRemove"), VaadinIcon.TRASH.create(), e -> {
            try {
                governance.proposeRemoveSide(workspaceId, side.id());
                Notices.success(this, "proposal.made");
                proposals.refresh();
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
        HorizontalLayout fields = new HorizontalLayout(name, rename, colour, save, remove, count);
        fields.setAlignItems(FlexComponent.Alignment.BASELINE);
        fields.setWrap(true);
        Div row = new Div(fields, error);
        row.addClassName("side-row");
        row.getStyle().set("--side-colour", side.colour());
        return row;
    }

    private Div addRow(WorkspaceDetails d) {
        TextField name = new TextField(getTranslation("field.sideName"));
        LengthLimit.counted(name, Side.NAME_MAX_LENGTH);
        name.setId("new-side-name");
        String nextColour = Side.PALETTE.stream()
                .filter(c -> d.sides().stream().noneMatch(s -> s.colour().equalsIgnoreCase(c)))
                .findFirst().orElse(Side.PALETTE.getFirst());
        Select<String> colour = ColourPicker.create(getTranslation("field.colour"), nextColour);
        Paragraph error = new Paragraph();
        error.addClassName("form-error");
        error.getElement().setAttribute("role", "alert");
        error.setId("new-side-error");
        Button add = new Button(getTranslation("sides.proposeAdd"), VaadinIcon.PLUS.create(), e -> {
            error.setText("");
            if (new MissingFields().check(name, name.getValue().isBlank(), getTranslation("error.missing.sideName"))
                    .any()) {
                return;
            }
            try {
                governance.proposeAddSide(workspaceId, name.getValue(), colour.getValue());
                Notices.success(this, "proposal.made");
                proposals.refresh();
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
