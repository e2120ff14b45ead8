package dk.ligevaerd.account.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.VaadinRequest;
import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.account.UserSummary;
import dk.ligevaerd.account.domain.UserAccount;
import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.shared.ui.LanguageSwitcher;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Creating an account. It gives access to nothing by itself: a workspace is joined by creating one
 * or through an invitation.
 */
@Route(value = "register", autoLayout = false)
@AnonymousAllowed
public class RegisterView extends VerticalLayout implements HasDynamicTitle {

    final TextField username = new TextField();
    final TextField displayName = new TextField();
    final PasswordField password = new PasswordField();
    final PasswordField repeat = new PasswordField();
    final Paragraph error = new Paragraph();

    public RegisterView(AccountService accounts) {
        getElement().setAttribute("role", "main");
        addClassName("register-view");
        setAlignItems(Alignment.CENTER);

        username.setLabel(getTranslation("field.username"));
        username.setHelperText(getTranslation("register.usernameHelp", UserAccount.USERNAME_MIN_LENGTH,
                UserAccount.REQUESTED_USERNAME_MAX_LENGTH));
        username.setMaxLength(UserAccount.REQUESTED_USERNAME_MAX_LENGTH);
        username.setId("register-username");
        displayName.setLabel(getTranslation("field.displayName"));
        displayName.setHelperText(getTranslation("register.displayNameHelp"));
        displayName.setMaxLength(UserAccount.DISPLAY_NAME_MAX_LENGTH);
        displayName.setId("register-display-name");
        password.setLabel(getTranslation("field.password"));
        password.setHelperText(getTranslation("register.passwordHelp", UserAccount.PASSWORD_MIN_LENGTH));
        password.setMaxLength(UserAccount.PASSWORD_MAX_BYTES);
        password.setId("register-password");
        repeat.setLabel(getTranslation("field.passwordRepeat"));
        repeat.setId("register-repeat");
        error.addClassName("form-error");
        error.setId("register-error");
        error.getElement().setAttribute("role", "alert");

        Button create = new Button(getTranslation("register.submit"), e -> {
            error.setText("");
            if (!password.getValue().equals(repeat.getValue())) {
                error.setText(getTranslation("error.password.mismatch"));
                return;
            }
            try {
                UserSummary created = accounts.registerFrom(clientAddress(), username.getValue(),
                        displayName.getValue(), password.getValue());
                getUI().ifPresent(ui -> ui.getPage().setLocation("login?created&username="
                        + URLEncoder.encode(created.username(), StandardCharsets.UTF_8)));
            } catch (DomainException refused) {
                error.setText(Messages.get(getLocale(), refused));
            }
        });
        create.setId("register-submit");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickShortcut(Key.ENTER);

        FormLayout form = new FormLayout(username, displayName, password, repeat);
        form.setMaxWidth("28rem");
        add(new LanguageSwitcher(), new H1(getTranslation("register.title")),
                new Paragraph(getTranslation("register.intro")), form, error, create,
                new Anchor("login", getTranslation("register.haveAccount")));
    }

    /** The address the request came from (behind a proxy: set server.forward-headers-strategy). */
    private static String clientAddress() {
        VaadinRequest request = VaadinRequest.getCurrent();
        return request == null ? "unknown" : request.getRemoteAddr();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("register.title") + " · Ligeværd";
    }
}
