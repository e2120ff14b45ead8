package dk.ligevaerd.account.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dk.ligevaerd.account.NewOrganisationAccount;
import dk.ligevaerd.account.OrganisationSignInService;
import dk.ligevaerd.account.domain.UserAccount;
import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.shared.ui.LanguageSwitcher;
import dk.ligevaerd.shared.ui.LengthLimit;
import java.util.Optional;

/**
 * The one question for someone whose organisation account is new here: the name others will see.
 * Once the account exists the browser signs in with the provider again, which now finds it; so the
 * login itself (new session id, the provider's checks) is the same as every later one.
 */
@Route(value = OrganisationSignInService.NAME_PAGE, autoLayout = false)
@AnonymousAllowed
public class OrganisationNameView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final OrganisationSignInService signIns;

    public OrganisationNameView(OrganisationSignInService signIns) {
        this.signIns = signIns;
        getElement().setAttribute("role", "main");
        addClassName("register-view");
        setAlignItems(Alignment.CENTER);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        add(new LanguageSwitcher(), new H1(getTranslation("signInName.title")));
        Optional<NewOrganisationAccount> pending = signIns.pending();
        if (pending.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("signInName.none"));
            none.setId("sign-in-name-none");
            add(none, new Anchor("login", getTranslation("nav.login")));
            return;
        }
        NewOrganisationAccount person = pending.get();
        Paragraph intro = new Paragraph(getTranslation("signInName.intro", person.providerName()));
        intro.setId("sign-in-name-intro");
        add(intro);
        if (person.email() != null) {
            Paragraph email = new Paragraph(getTranslation("signInName.email", person.email()) + (person.emailVerified()
                    ? "" : " " + getTranslation("signInName.unverified")));
            email.setId("sign-in-name-email");
            add(email);
        }
        TextField displayName = new TextField(getTranslation("field.displayName"));
        displayName.setHelperText(getTranslation("register.displayNameHelp"));
        displayName.setMaxLength(UserAccount.DISPLAY_NAME_MAX_LENGTH);
        displayName.setValue(person.suggestedName());
        displayName.setId("sign-in-name-display-name");
        displayName.setWidth("28rem");
        displayName.setMaxWidth("100%");
        LengthLimit.counted(displayName, UserAccount.DISPLAY_NAME_MAX_LENGTH);
        Paragraph error = new Paragraph();
        error.addClassName("form-error");
        error.setId("sign-in-name-error");
        error.getElement().setAttribute("role", "alert");
        Button create = new Button(getTranslation("signInName.submit"), e -> {
            error.setText("");
            if (displayName.getValue().isBlank()) {
                displayName.setInvalid(true);
                error.setText(getTranslation("error.missing.displayName"));
                return;
            }
            try {
                signIns.createAccount(displayName.getValue());
                getUI().ifPresent(ui -> ui.getPage().setLocation("oauth2/authorization/" + person.registrationId()));
            } catch (DomainException refused) {
                error.setText(Messages.get(getLocale(), refused));
            }
        });
        create.setId("sign-in-name-submit");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickShortcut(Key.ENTER);
        add(displayName, create, error);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("signInName.title") + " · Ligeværd";
    }
}
