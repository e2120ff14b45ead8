package dk.ligevaerd.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.shared.Messages;

/**
 * Where the link in a confirmation mail leads. The address is confirmed by a click, not by opening
 * the page, so a mail system that opens links to check them does not use the link up.
 */
@Route("confirm-email/:token")
@AnonymousAllowed
public class ConfirmEmailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final AccountService accounts;

    public ConfirmEmailView(AccountService accounts) {
        this.accounts = accounts;
        addClassName("page");
        setId("confirm-email-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String token = event.getRouteParameters().get("token").orElse("");
        Paragraph result = new Paragraph();
        result.setId("confirm-email-result");
        result.getElement().setAttribute("role", "alert");
        Button confirm = new Button(getTranslation("confirmEmail.confirm"));
        confirm.setId("confirm-email");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickListener(e -> {
            try {
                String address = accounts.confirmEmail(token);
                result.removeClassName("form-error");
                result.setText(getTranslation("confirmEmail.done", address));
                confirm.setEnabled(false);
            } catch (DomainException refused) {
                result.addClassName("form-error");
                result.setText(Messages.get(getLocale(), refused));
            }
        });
        add(new H1(getTranslation("confirmEmail.title")), new Paragraph(getTranslation("confirmEmail.explain")),
                confirm, result);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("confirmEmail.title") + " · Ligeværd";
    }
}
