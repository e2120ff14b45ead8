package dk.ligevaerd.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dk.ligevaerd.account.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One page for "does not exist" and "not yours": telling them apart would tell an outsider which
 * workspaces exist. Shown inside the app's frame, for anyone, with the way on that fits them: back
 * to their workspaces, or to log in or create an account.
 */
@AnonymousAllowed
@PageTitle("Ligeværd")
@ParentLayout(MainLayout.class)
public class NotFoundOrNoAccessView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

    public NotFoundOrNoAccessView(CurrentUser currentUser) {
        addClassName("page");
        addClassName("not-found");
        setId("not-found");
        add(new H1(getTranslation("error.notFoundOrNoAccess.title")),
                new Paragraph(getTranslation("error.notFoundOrNoAccess")));
        if (currentUser.find().isPresent()) {
            Anchor home = new Anchor("", getTranslation("nav.backToWorkspaces"));
            home.setId("not-found-home");
            add(home);
        } else {
            Anchor login = new Anchor("login", getTranslation("nav.login"));
            login.setId("not-found-login");
            Anchor register = new Anchor("register", getTranslation("nav.register"));
            register.setId("not-found-register");
            Div ways = new Div(login, register);
            ways.addClassName("way-on");
            add(ways);
        }
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
