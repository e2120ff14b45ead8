package dk.ligevaerd.account.ui;

import com.vaadin.flow.component.html.Anchor;
import dk.ligevaerd.account.PendingInvitation;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dk.ligevaerd.shared.ui.LanguageSwitcher;

/** Username and password, posted to Spring Security; nothing else needs to be public. */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm form = new LoginForm();

    public LoginView() {
        getElement().setAttribute("role", "main");
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        form.setI18n(i18n());

        H1 title = new H1("Ligeværd");
        Paragraph tagline = new Paragraph(getTranslation("login.tagline"));
        tagline.addClassName("tagline");
        Anchor register = new Anchor("register", getTranslation("login.createAccount"));
        register.setId("register-link");
        Div notice = new Div();
        notice.setId("login-notice");
        add(new LanguageSwitcher(), title, tagline, notice, form, register);
    }

    private LoginI18n i18n() {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form f = i18n.getForm();
        f.setTitle(getTranslation("login.title"));
        f.setUsername(getTranslation("field.username"));
        f.setPassword(getTranslation("field.password"));
        f.setSubmit(getTranslation("login.submit"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle(getTranslation("login.error.title"));
        error.setMessage(getTranslation("login.error.message"));
        error.setUsername(getTranslation("login.error.username"));
        error.setPassword(getTranslation("login.error.password"));
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        form.setError(parameters.containsKey("error"));
        if (parameters.containsKey("created")) {
            getChildren().filter(c -> "login-notice".equals(c.getId().orElse(null))).findFirst()
                    .ifPresent(c -> ((Div) c).setText(getTranslation("login.accountCreated")));
        }
        if (PendingInvitation.peek().isPresent()) {
            getChildren().filter(c -> "login-notice".equals(c.getId().orElse(null))).findFirst()
                    .ifPresent(c -> {
                        Div notice = (Div) c;
                        String text = notice.getText();
                        notice.setText((text.isEmpty() ? "" : text + " ") + getTranslation("login.thenJoin"));
                    });
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title") + " · Ligeværd";
    }
}
