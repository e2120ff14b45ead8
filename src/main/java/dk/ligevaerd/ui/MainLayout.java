package dk.ligevaerd.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dependency.Uses;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dk.ligevaerd.account.CurrentUser;
import dk.ligevaerd.account.NewAccount;
import dk.ligevaerd.shared.ui.LanguageSwitcher;
import dk.ligevaerd.shared.ui.Sketch;
import dk.ligevaerd.shared.ui.StatementFooter;
import dk.ligevaerd.shared.ui.Welcome;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;

/**
 * The frame around every page: product name, language, who you are, log out. Visitors who are not
 * logged in see it too, on the pages open to them (a link that leads nowhere, an invitation), with
 * a way to log in instead; the pages themselves decide who may see them.
 */
// The element is drawn without the component; its web component must still be in every bundle.
@Uses(Button.class)
@Uses(Icon.class)
@Layout
@AnonymousAllowed
public class MainLayout extends AppLayout {

    /** The footer with the link to the organisation's accessibility statement, when one is configured. */
    private final @Nullable Element footer;

    public MainLayout(CurrentUser currentUser, AuthenticationContext authentication,
            @Value("${ligevaerd.accessibility-statement-url:}") String accessibilityStatement) {
        Anchor home = new Anchor("", "Ligeværd");
        home.addClassName("app-name");
        home.getElement().setAttribute("aria-label", getTranslation("nav.home"));

        HorizontalLayout right = new HorizontalLayout();
        right.setAlignItems(FlexComponent.Alignment.CENTER);
        right.addClassName("header-tools");
        right.add(new LanguageSwitcher());
        currentUser.find().ifPresentOrElse(user -> {
            // The name leads to the person's own account page (address for mail, notifications).
            Anchor name = new Anchor("account", user.displayName());
            name.addClassName("header-user");
            name.getElement().setAttribute("title", getTranslation("nav.account"));
            name.setId("current-user");
            name.setTitle(getTranslation("myData.title"));
            right.add(name);
            right.getElement().appendChild(logout(authentication));
        }, () -> {
            Anchor login = new Anchor("login", getTranslation("nav.login"));
            login.setId("header-login");
            login.addClassName("header-login");
            right.add(login);
        });
        NewAccount.take().ifPresent(Welcome::show);

        Div header = new Div(home, right);
        header.addClassName("app-header");
        addToNavbar(true, header);
        setPrimarySection(Section.NAVBAR);
        // No drawer: the header holds all there is to reach, which also suits a phone.
        setDrawerOpened(false);

        footer = StatementFooter.of(accessibilityStatement, this::getTranslation).orElse(null);
    }

    /**
     * Log out, as the button component draws it with its icon, but a plain element with one click
     * listener: it is in the header of every page, where a button component and its click event's
     * data cost the server some 3 KB a page.
     */
    private Element logout(AuthenticationContext authentication) {
        Icon icon = VaadinIcon.SIGN_OUT.create();
        icon.getElement().setAttribute("slot", "prefix");
        Element logout = new Element("vaadin-button").setAttribute("id", "logout")
                .setAttribute("theme", "tertiary small")
                .appendChild(Sketch.of(icon.getElement()).build(), Element.createText(getTranslation("nav.logout")));
        logout.addEventListener("click", e -> authentication.logout());
        return logout;
    }

    /** Marks each page's content as the main landmark, so screen readers can jump straight to it. */
    @Override
    public void showRouterLayoutContent(com.vaadin.flow.component.HasElement content) {
        super.showRouterLayoutContent(content);
        content.getElement().setAttribute("role", "main");
        if (footer != null) {
            // After the page's content, in the same scrolling area; moved to the end on each navigation.
            getElement().appendChild(footer);
        }
    }
}
