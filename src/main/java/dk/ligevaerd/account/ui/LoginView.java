package dk.ligevaerd.account.ui;

import com.vaadin.flow.component.html.Anchor;
import dk.ligevaerd.account.OrganisationSignInService;
import dk.ligevaerd.account.PendingInvitation;
import dk.ligevaerd.account.SignInProvider;
import dk.ligevaerd.account.TriedUsername;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dk.ligevaerd.shared.ui.LanguageSwitcher;
import dk.ligevaerd.shared.ui.StatementFooter;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;

/**
 * Username and password, posted to Spring Security; below them one link per organisation configured
 * for sign-in (docs/sign-in.md), none when none is. Nothing else needs to be public.
 */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm form = new LoginForm();

    public LoginView(OrganisationSignInService organisations,
            @Value("${" + StatementFooter.PROPERTY + ":}") String accessibilityStatement) {
        StatementFooter.follow(this, accessibilityStatement);
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
        Anchor privacy = new Anchor("privacy", getTranslation("privacy.title"));
        privacy.setId("privacy-link");
        privacy.addClassName("privacy-link");
        Div notice = new Div();
        notice.setId("login-notice");
        add(new LanguageSwitcher(), title, tagline, notice, form);
        List<SignInProvider> providers = organisations.providers();
        if (!providers.isEmpty()) {
            Div links = new Div();
            links.setId("organisation-sign-in");
            links.addClassName("organisation-sign-in");
            links.add(new Paragraph(getTranslation("login.organisations")));
            for (SignInProvider provider : providers) {
                // A plain link: the provider's page is outside the app, so the router must not take it.
                Anchor link = new Anchor("oauth2/authorization/" + provider.registrationId(),
                        getTranslation("login.withProvider", provider.name()));
                link.setRouterIgnore(true);
                link.setId("sign-in-" + provider.registrationId());
                link.addClassName("organisation-sign-in-link");
                links.add(new Div(link));
            }
            add(links);
        }
        add(register, privacy);
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
        // After a wrong password or a held-back attempt, the name typed stays in the field.
        TriedUsername.take().ifPresent(this::fillUsername);
        if (parameters.containsKey("created")) {
            String given = parameters.getOrDefault("username", List.of()).stream().findFirst()
                    .filter(u -> u.matches("[a-z0-9][a-z0-9._-]{2,39}")).orElse(null);
            getChildren().filter(c -> "login-notice".equals(c.getId().orElse(null))).findFirst()
                    .ifPresent(c -> {
                        Div notice = (Div) c;
                        notice.setText(getTranslation("login.accountCreated"));
                        if (given != null) {
                            fillUsername(given);
                            // The sentence around the name comes from the bundle; the name stands out.
                            String[] around = getTranslation("login.yourUsername", "\u0001").split("\u0001", 2);
                            Span name = new Span(given);
                            name.setId("login-username");
                            name.addClassName("given-username");
                            notice.add(new Span(" " + around[0]), name, new Span(around.length > 1 ? around[1] : ""));
                        }
                    });
        }
        if (parameters.containsKey("locked")) {
            long minutes = parameters.get("locked").stream().findFirst().filter(v -> v.matches("\\d{1,2}"))
                    .map(Long::parseLong).filter(m -> m >= 1 && m <= 15).orElse(15L);
            getChildren().filter(c -> "login-notice".equals(c.getId().orElse(null))).findFirst()
                    .ifPresent(c -> {
                        c.getElement().setAttribute("role", "alert");
                        ((Div) c).setText(getTranslation("login.locked", minutes));
                    });
        }
        if (parameters.containsKey("provider-error")) {
            getChildren().filter(c -> "login-notice".equals(c.getId().orElse(null))).findFirst()
                    .ifPresent(c -> {
                        c.getElement().setAttribute("role", "alert");
                        ((Div) c).setText(getTranslation("login.providerError"));
                    });
        }
        if (PendingInvitation.peek().isPresent()) {
            getChildren().filter(c -> "login-notice".equals(c.getId().orElse(null))).findFirst()
                    .ifPresent(c -> {
                        Div notice = (Div) c;
                        boolean empty = notice.getElement().getTextRecursively().isEmpty();
                        notice.add(new Span((empty ? "" : " ") + getTranslation("login.thenJoin")));
                    });
        }
    }

    /**
     * Puts the name in the form's username field and the cursor in the password field. The form
     * draws its fields itself once defined, so this waits a few frames for them.
     */
    private void fillUsername(String username) {
        form.getElement().executeJs("""
                const form = this;
                let frames = 0;
                const fill = () => {
                  const field = form.querySelector("vaadin-text-field[name='username']");
                  if (!field) {
                    if (frames++ < 60) requestAnimationFrame(fill);
                    return;
                  }
                  field.value = $0;
                  const password = form.querySelector("vaadin-password-field[name='password']");
                  if (password) password.focus();
                };
                customElements.whenDefined('vaadin-login-form').then(fill);
                """, username);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title") + " · Ligeværd";
    }
}
