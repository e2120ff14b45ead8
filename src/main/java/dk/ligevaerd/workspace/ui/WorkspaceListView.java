package dk.ligevaerd.workspace.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.router.RouteParameters;
import dk.ligevaerd.account.PendingInvitation;
import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.shared.ui.LengthLimit;
import dk.ligevaerd.shared.ui.MissingFields;
import dk.ligevaerd.shared.ui.SideBadge;
import dk.ligevaerd.workspace.SideView;
import dk.ligevaerd.workspace.WorkspaceService;
import dk.ligevaerd.workspace.WorkspaceSummary;
import dk.ligevaerd.workspace.domain.Side;
import dk.ligevaerd.workspace.domain.Workspace;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/** The workspaces the user belongs to, and the way to start a new one. */
@Route("")
@PermitAll
public class WorkspaceListView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final WorkspaceService workspaces;
    private final Div list = new Div();

    public WorkspaceListView(WorkspaceService workspaces) {
        this.workspaces = workspaces;
        addClassName("page");
        Button create = new Button(getTranslation("workspaces.new"), VaadinIcon.PLUS.create(), e -> openCreateDialog());
        create.setId("new-workspace");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout heading = new HorizontalLayout(new H1(getTranslation("workspaces.title")), create);
        heading.addClassName("page-heading");
        heading.setAlignItems(Alignment.BASELINE);
        list.addClassName("workspace-cards");
        list.setId("workspace-list");
        // The person's own data and the privacy notice, also where the header hides the name (phones).
        Anchor myData = new Anchor("my-data", getTranslation("myData.title"));
        myData.setId("footer-my-data");
        Anchor privacy = new Anchor("privacy", getTranslation("privacy.title"));
        privacy.setId("footer-privacy");
        Div footer = new Div(myData, new Span(" · "), privacy);
        footer.addClassName("page-footer");
        add(heading, list, footer);
        refresh();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        PendingInvitation.take().ifPresent(token -> event.forwardTo("invite/" + token));
    }

    private void refresh() {
        list.removeAll();
        List<WorkspaceSummary> mine = workspaces.mine();
        if (mine.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("workspaces.empty"));
            empty.addClassName("empty-state");
            list.add(empty);
        }
        for (WorkspaceSummary w : mine) {
            list.add(card(w));
        }
    }

    private Div card(WorkspaceSummary w) {
        RouterLink link = new RouterLink(WorkspaceView.class, new RouteParameters("workspaceId", String.valueOf(w.id())));
        link.add(new H2(w.name()));
        link.addClassName("workspace-card-link");
        Div sides = new Div();
        sides.addClassName("side-badges");
        for (SideView s : w.sides()) {
            sides.add(new SideBadge(s.name(), s.colour()));
        }
        String mySide = w.sides().stream().filter(s -> w.mySideId() != null && s.id() == w.mySideId())
                .map(SideView::name).findFirst().orElse(null);
        Span me = new Span((w.archived() ? getTranslation("workspaces.archived") + " · " : "")
                + getTranslation(w.myRole().messageKey())
                + (mySide == null ? "" : " · " + mySide)
                + (w.iOwn() ? " · " + getTranslation("role.owner") : "")
                + " · " + getTranslation("workspaces.memberCount", w.memberCount()));
        me.addClassName("muted");
        Paragraph description = new Paragraph(w.description());
        Div card = new Div(link, description, sides, me);
        card.addClassName("workspace-card");
        return card;
    }

    private void openCreateDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("workspaces.new"));
        TextField name = new TextField(getTranslation("field.workspaceName"));
        LengthLimit.counted(name, Workspace.NAME_MAX_LENGTH);
        name.setRequired(true);
        name.setId("workspace-name");
        name.setWidthFull();
        TextArea description = new TextArea(getTranslation("field.description"));
        LengthLimit.counted(description, Workspace.DESCRIPTION_MAX_LENGTH);
        description.setId("workspace-description");
        description.setWidthFull();
        TextField side1 = new TextField(getTranslation("workspaces.firstSide"),
                getTranslation("side.default.municipality"), "");
        LengthLimit.counted(side1, Side.NAME_MAX_LENGTH);
        side1.setId("side-1");
        TextField side2 = new TextField(getTranslation("workspaces.secondSide"), getTranslation("side.default.civil"), "");
        LengthLimit.counted(side2, Side.NAME_MAX_LENGTH);
        side2.setId("side-2");
        RadioButtonGroup<Integer> mySide = new RadioButtonGroup<>(getTranslation("workspaces.yourSide"));
        mySide.setItems(0, 1);
        mySide.setItemLabelGenerator(i -> i == 0 ? side1.getValue() : side2.getValue());
        mySide.setValue(0);
        // Relabel the choice as the side names are typed; refreshing drops the selection, so keep it.
        Runnable relabel = () -> {
            Integer chosen = mySide.getValue();
            mySide.getDataProvider().refreshAll();
            mySide.setValue(chosen == null ? 0 : chosen);
        };
        side1.addValueChangeListener(e -> relabel.run());
        side2.addValueChangeListener(e -> relabel.run());
        Paragraph hint = new Paragraph(getTranslation("workspaces.newHint"));
        hint.addClassName("muted");
        Paragraph error = new Paragraph();
        error.addClassName("form-error");
        error.getElement().setAttribute("role", "alert");
        FormLayout form = new FormLayout(name, description, side1, side2, mySide);
        form.setColspan(name, 2);
        form.setColspan(description, 2);
        form.setColspan(mySide, 2);
        dialog.add(form, hint, error);

        Button create = new Button(getTranslation("action.create"), e -> {
            error.setText("");
            MissingFields missing = new MissingFields()
                    .check(name, name.getValue().isBlank(), getTranslation("error.missing.workspaceName"))
                    .check(side1, side1.getValue().isBlank(), getTranslation("error.missing.sideName"))
                    .check(side2, side2.getValue().isBlank(), getTranslation("error.missing.sideName"));
            if (missing.any()) {
                error.setText(getTranslation("error.missing.fields"));
                return;
            }
            try {
                long id = workspaces.create(name.getValue(), description.getValue(),
                        List.of(side1.getValue(), side2.getValue()), mySide.getValue() == null ? 0 : mySide.getValue());
                dialog.close();
                getUI().ifPresent(ui -> ui.navigate(WorkspaceView.class,
                        new RouteParameters("workspaceId", String.valueOf(id))));
            } catch (DomainException refused) {
                error.setText(Messages.get(getLocale(), refused));
            }
        });
        create.setId("create-workspace");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), e -> dialog.close());
        dialog.getFooter().add(cancel, create);
        dialog.open();
        name.focus();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("workspaces.title") + " · Ligeværd";
    }
}
