package dk.ligevaerd.workspace.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dk.ligevaerd.account.CurrentUser;
import dk.ligevaerd.account.NewAccount;
import dk.ligevaerd.account.PendingInvitation;
import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.shared.ui.SideBadge;
import dk.ligevaerd.shared.ui.Welcome;
import dk.ligevaerd.workspace.InvitationPreview;
import dk.ligevaerd.workspace.InvitationService;

/**
 * Where an invitation link leads, inside the app's frame. Shows what the link offers; a logged-in
 * person joins with one click, anyone else logs in or creates an account first and is brought back
 * here. A link that no longer works says why, with the way on that fits the visitor.
 */
@Route("invite/:token")
@AnonymousAllowed
public class InvitationAcceptView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final InvitationService invitations;
    private final CurrentUser currentUser;

    public InvitationAcceptView(InvitationService invitations, CurrentUser currentUser) {
        this.invitations = invitations;
        this.currentUser = currentUser;
        addClassName("page");
        addClassName("invitation-view");
        setId("invitation-view");
        setAlignItems(Alignment.CENTER);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        NewAccount.take().ifPresent(Welcome::show);
        String token = event.getRouteParameters().get("token").orElse("");
        InvitationPreview preview;
        try {
            preview = invitations.preview(token);
        } catch (DomainException refused) {
            Paragraph message = new Paragraph(Messages.get(getLocale(), refused));
            message.setId("invitation-refused");
            message.addClassName("form-error");
            add(new H1(getTranslation("invitation.title")), message);
            if (currentUser.find().isPresent()) {
                Anchor home = new Anchor("", getTranslation("nav.backToWorkspaces"));
                home.setId("invitation-home");
                add(home);
            } else {
                Anchor login = new Anchor("login", getTranslation("nav.login"));
                login.setId("invitation-login");
                Anchor register = new Anchor("register", getTranslation("nav.register"));
                register.setId("invitation-register");
                add(new HorizontalLayout(login, register));
            }
            return;
        }
        add(new H1(getTranslation("invitation.title")));
        Paragraph offer = new Paragraph(getTranslation("invitation.offer", preview.invitedByName(),
                preview.workspaceName(), getTranslation(preview.role().messageKey())));
        offer.setId("invitation-offer");
        add(offer);
        if (preview.sideName() != null && preview.sideColour() != null) {
            add(new HorizontalLayout(new Paragraph(getTranslation("invitation.onSide")),
                    new SideBadge(preview.sideName(), preview.sideColour())));
        }
        Paragraph error = new Paragraph();
        error.addClassName("form-error");
        error.setId("invitation-error");
        error.getElement().setAttribute("role", "alert");

        if (preview.alreadyMember()) {
            // Nothing to join: the link stays unused for the person it was meant for.
            Paragraph member = new Paragraph(getTranslation("invitation.alreadyMember"));
            member.setId("invitation-already-member");
            Button open = new Button(getTranslation("invitation.openWorkspace"), e -> getUI().ifPresent(ui ->
                    ui.navigate(WorkspaceView.class,
                            new RouteParameters("workspaceId", String.valueOf(preview.yourWorkspaceId())))));
            open.setId("open-workspace");
            open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(member, open);
        } else if (currentUser.find().isPresent()) {
            Button join = new Button(getTranslation("invitation.join"), e -> {
                try {
                    long workspaceId = invitations.accept(token);
                    getUI().ifPresent(ui -> ui.navigate(WorkspaceView.class,
                            new RouteParameters("workspaceId", String.valueOf(workspaceId))));
                } catch (DomainException refused) {
                    error.setText(Messages.get(getLocale(), refused));
                }
            });
            join.setId("join");
            join.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(new Paragraph(getTranslation("invitation.joinAs", currentUser.require().displayName())), join, error);
        } else {
            Button login = new Button(getTranslation("invitation.loginToJoin"), e -> {
                PendingInvitation.remember(token);
                getUI().ifPresent(ui -> ui.getPage().setLocation("login"));
            });
            login.setId("login-to-join");
            Button register = new Button(getTranslation("invitation.registerToJoin"), e -> {
                PendingInvitation.remember(token);
                getUI().ifPresent(ui -> ui.getPage().setLocation("register"));
            });
            register.setId("register-to-join");
            register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(new HorizontalLayout(register, login), error);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("invitation.title") + " · Ligeværd";
    }
}
