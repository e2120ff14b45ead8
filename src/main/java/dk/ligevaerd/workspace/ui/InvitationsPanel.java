package dk.ligevaerd.workspace.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dk.ligevaerd.mail.OutgoingMail;
import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.shared.ui.Formats;
import dk.ligevaerd.shared.ui.Notices;
import dk.ligevaerd.workspace.GovernanceService;
import dk.ligevaerd.workspace.InvitationService;
import dk.ligevaerd.workspace.InvitationStatus;
import dk.ligevaerd.workspace.InvitationView;
import dk.ligevaerd.workspace.NewInvitation;
import dk.ligevaerd.workspace.Role;
import dk.ligevaerd.workspace.SideView;
import dk.ligevaerd.workspace.WorkspaceDetails;
import dk.ligevaerd.workspace.domain.Invitation;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Each side's moderators (and the owner, for a side that has no moderator yet) make single-use
 * links that fix side and role, show them as a QR code for the room, and revoke those not yet
 * used. Pending proposals are listed above, so a moderator sees what waits for their side.
 */
class InvitationsPanel extends Div {

    private final HorizontalLayout form;
    private final HorizontalLayout mail;
    private boolean archived;
    private final InvitationService invitations;
    private final long workspaceId;
    private final Select<Role> role = new Select<>();
    private final Select<SideView> side = new Select<>();
    private final IntegerField days = new IntegerField();
    private final EmailField email = new EmailField();
    private final TextArea note = new TextArea();
    private final Paragraph error = new Paragraph();
    private final Grid<InvitationView> grid = new Grid<>();
    private List<InvitationView> current = List.of();

    private final ProposalsPanel proposals;

    InvitationsPanel(InvitationService invitations, GovernanceService governance, long workspaceId) {
        this.invitations = invitations;
        this.workspaceId = workspaceId;
        this.proposals = new ProposalsPanel(governance, workspaceId, k -> true);
        addClassName("invitations-panel");
        setId("invitations-panel");

        role.setLabel(getTranslation("field.role"));
        role.setItems(Role.values());
        role.setItemLabelGenerator(r -> getTranslation(r.messageKey()));
        role.setValue(Role.PARTICIPANT);
        role.setId("invite-role");
        side.setLabel(getTranslation("field.side"));
        side.setItemLabelGenerator(SideView::name);
        side.setId("invite-side");
        role.addValueChangeListener(e -> side.setEnabled(e.getValue() != null && e.getValue().needsSide()));
        days.setLabel(getTranslation("invitation.validDays"));
        days.setValue((int) Invitation.DEFAULT_VALIDITY.toDays());
        days.setMin(1);
        days.setMax((int) Invitation.MAX_VALIDITY.toDays());
        days.setStepButtonsVisible(true);
        days.setId("invite-days");
        email.setLabel(getTranslation("invitation.email"));
        email.setHelperText(getTranslation("invitation.emailHelp"));
        email.setMaxLength(OutgoingMail.ADDRESS_MAX_LENGTH);
        email.setClearButtonVisible(true);
        email.setId("invite-email");
        note.setLabel(getTranslation("invitation.note"));
        note.setMaxLength(InvitationService.NOTE_MAX_LENGTH);
        note.setWidthFull();
        note.setId("invite-note");
        error.addClassName("form-error");
        error.getElement().setAttribute("role", "alert");
        Button create = new Button(getTranslation("invitation.create"), VaadinIcon.LINK.create(), e -> create(false));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("create-invitation");
        form = new HorizontalLayout(role, side, days, create);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        mail = new HorizontalLayout(email, note);
        mail.setWidthFull();
        mail.setWrap(true);

        grid.addColumn(i -> i.sideName() == null ? "—" : i.sideName()).setHeader(getTranslation("field.side"));
        grid.addColumn(i -> getTranslation(i.role().messageKey())).setHeader(getTranslation("field.role"));
        grid.addColumn(i -> getTranslation(i.status().messageKey())
                + (i.usedByName() == null ? "" : " · " + i.usedByName())).setHeader(getTranslation("invitation.status"));
        grid.addColumn(i -> Formats.dateTime(i.expiresAt(), getLocale())).setHeader(getTranslation("invitation.expires"));
        grid.addComponentColumn(i -> {
            Button revoke = new Button(getTranslation("invitation.revoke"), e -> {
                try {
                    invitations.revoke(workspaceId, i.id());
                } catch (DomainException refused) {
                    error.setText(Messages.get(getLocale(), refused));
                }
            });
            revoke.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            revoke.setVisible(i.status() == InvitationStatus.PENDING && !archived);
            return revoke;
        }).setHeader(getTranslation("invitation.actions"));
        grid.setAllRowsVisible(true);
        grid.setId("invitation-grid");

        Paragraph intro = new Paragraph(getTranslation("invitation.intro"));
        intro.addClassName("muted");
        add(proposals, intro, form, mail, error, new H3(getTranslation("invitation.list")), grid);
    }

    void show(WorkspaceDetails d) {
        // Nobody joins an archived workspace: no new links, and the open ones cannot be used.
        archived = d.archived();
        form.setVisible(!archived);
        mail.setVisible(!archived);
        SideView selected = side.getValue();
        side.setItems(d.sides());
        if (selected != null) {
            side.setValue(d.sides().stream().filter(s -> s.id() == selected.id()).findFirst()
                    .orElse(d.sides().getFirst()));
        } else {
            SideView first = firstChoice(d);
            side.setValue(first);
            // A side that has nobody to lead it yet needs its first moderator before anyone else.
            if (d.me().owner() && d.sidesWithoutModerator().contains(first.name())) {
                role.setValue(Role.MODERATOR);
            }
        }
        proposals.show(d);
        current = invitations.list(workspaceId);
        grid.setItems(current);
    }

    /**
     * The side a new link most likely is for: while the workspace is forming, the first side that
     * has no moderator (an empty one first), since that is what the workspace waits for; otherwise
     * the inviter's own side. Only the owner stands in for a side without a moderator, so only
     * the owner is offered one.
     */
    static SideView firstChoice(WorkspaceDetails d) {
        List<SideView> leaderless = d.sides().stream()
                .filter(s -> d.me().owner() && d.sidesWithoutModerator().contains(s.name()))
                .sorted(Comparator.comparingLong(SideView::memberCount)).toList();
        if (!leaderless.isEmpty()) {
            return leaderless.getFirst();
        }
        return d.sides().stream().filter(s -> Objects.equals(d.me().sideId(), s.id())).findFirst()
                .orElse(d.sides().getFirst());
    }

    /** From the start checklist: a moderator's link into the side, shown at once. */
    void inviteFirstModerator(SideView into) {
        role.setValue(Role.MODERATOR);
        side.setValue(into);
        create(true);
    }

    /** @param elsewhere whether the person asked from outside this tab, where the error line is not in view */
    private void create(boolean elsewhere) {
        error.setText("");
        try {
            Role chosen = role.getValue() == null ? Role.PARTICIPANT : role.getValue();
            int validDays = days.getValue() == null ? -1 : days.getValue();
            NewInvitation made = invitations.create(workspaceId,
                    chosen.needsSide() && side.getValue() != null ? side.getValue().id() : null, chosen,
                    Duration.ofDays(validDays), email.getValue(), note.getValue());
            String mailedTo = email.getValue() == null ? "" : email.getValue().strip();
            if (!mailedTo.isEmpty()) {
                Notification.show(getTranslation("invitation.mailed", mailedTo));
                email.clear();
                note.clear();
            }
            current = invitations.list(workspaceId);
            grid.setItems(current);
            // From the start checklist this tab is not in view, and a tab sheet keeps only the
            // tab in view attached: the page is then reached through the UI handling the click.
            Optional.ofNullable(getUI().orElseGet(UI::getCurrent)).ifPresent(ui -> ui.getPage().fetchCurrentURL(url -> {
                String base = url.getProtocol() + "://" + url.getAuthority() + "/";
                showLink(made, base + made.path());
            }));
        } catch (DomainException refused) {
            error.setText(Messages.get(getLocale(), refused));
            if (elsewhere) {
                Notices.error(getLocale(), refused);
            }
        }
    }

    private void showLink(NewInvitation made, String link) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("invitation.ready"));
        InvitationView i = made.invitation();
        Paragraph what = new Paragraph(getTranslation("invitation.readyText",
                getTranslation(i.role().messageKey()), i.sideName() == null ? "—" : i.sideName(),
                Formats.dateTime(i.expiresAt(), getLocale())));
        TextField field = new TextField(getTranslation("invitation.link"), link, "");
        field.setReadOnly(true);
        field.setWidthFull();
        field.setId("invitation-link");
        Button copy = new Button(getTranslation("action.copy"), VaadinIcon.COPY.create(),
                e -> field.getElement().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", link));
        Image qr = new Image(QrCode.svgDataUrl(link), getTranslation("invitation.qrAlt"));
        qr.addClassName("qr-code");
        Paragraph once = new Paragraph(getTranslation("invitation.shownOnce"));
        once.addClassName("muted");
        dialog.add(what, field, copy, qr, once);
        Button close = new Button(getTranslation("action.close"), e -> dialog.close());
        close.setId("close-invitation");
        dialog.getFooter().add(close);
        dialog.setWidth("min(40rem, 95vw)");
        dialog.open();
    }
}
