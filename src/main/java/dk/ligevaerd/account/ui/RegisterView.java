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
import dk.ligevaerd.account.NewAccount;
import dk.ligevaerd.account.UserSummary;
import dk.ligevaerd.account.domain.UserAccount;
import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.shared.ui.LanguageSwitcher;
import dk.ligevaerd.shared.ui.LengthLimit;
import dk.ligevaerd.shared.ui.MissingFields;
import dk.ligevaerd.shared.ui.StatementFooter;
import org.springframework.beans.factory.annotation.Value;

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

    public RegisterView(AccountService accounts,
            @Value("${" + StatementFooter.PROPERTY + ":}") String accessibilityStatement) {
        StatementFooter.follow(this, accessibilityStatement);
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

        LengthLimit.counted(username, UserAccount.REQUESTED_USERNAME_MAX_LENGTH);
        LengthLimit.counted(displayName, UserAccount.DISPLAY_NAME_MAX_LENGTH);

        Button create = new Button(getTranslation("register.submit"), e -> {
            error.setText("");
            MissingFields missing = new MissingFields()
                    .check(username, username.getValue().isBlank(), getTranslation("error.missing.username"))
                    .check(displayName, displayName.getValue().isBlank(), getTranslation("error.missing.displayName"))
                    .check(password, password.getValue().isEmpty(), getTranslation("error.missing.password"))
                    .check(repeat, repeat.getValue().isEmpty(), getTranslation("error.missing.passwordRepeat"));
            if (missing.any()) {
                error.setText(getTranslation("error.missing.fields"));
                return;
            }
            if (!password.getValue().equals(repeat.getValue())) {
                repeat.setInvalid(true);
                repeat.setErrorMessage(getTranslation("error.password.mismatch"));
                error.setText(getTranslation("error.password.mismatch"));
                return;
            }
            try {
                UserSummary created = accounts.registerFrom(clientAddress(), username.getValue(),
                        displayName.getValue(), password.getValue());
                NewAccount.remember(created.username());
                signIn(created.username());
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

    /**
     * Signs the new person in at once, through the same login as everyone else (its throttle,
     * its new session id, its way back to an invitation opened before). The password goes from
     * the field in the browser straight into the login request; the server does not send it back.
     * Should the login not get through, the login page shows the username it was given.
     */
    private void signIn(String givenUsername) {
        getElement().executeJs("""
                const meta = name => document.querySelector('meta[name="' + name + '"]');
                const form = document.createElement('form');
                form.method = 'POST';
                form.action = 'login';
                form.style.display = 'none';
                const add = (name, value) => {
                  const input = document.createElement('input');
                  input.type = 'hidden';
                  input.name = name;
                  input.value = value;
                  form.appendChild(input);
                };
                add('username', $0);
                add('password', $1.value);
                const parameter = meta('_csrf_parameter');
                const token = meta('_csrf');
                if (token) add(parameter ? parameter.content : '_csrf', token.content);
                document.body.appendChild(form);
                form.submit();
                """, givenUsername, password.getElement());
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
