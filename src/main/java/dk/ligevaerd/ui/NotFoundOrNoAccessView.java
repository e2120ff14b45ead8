package dk.ligevaerd.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One page for "does not exist" and "not yours": telling them apart would tell an outsider which
 * workspaces exist.
 */
@AnonymousAllowed
@PageTitle("Ligeværd")
public class NotFoundOrNoAccessView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

    public NotFoundOrNoAccessView() {
        getElement().setAttribute("role", "main");
        addClassName("not-found");
        setId("not-found");
        add(new H1(getTranslation("error.notFoundOrNoAccess.title")),
                new Paragraph(getTranslation("error.notFoundOrNoAccess")),
                new Anchor("", getTranslation("nav.backToWorkspaces")));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
