package dk.ligevaerd.shared.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/**
 * The greeting on the first page after registering: the new account is signed in already, and the
 * username it was given (with its drawn number) is what to log in with next time. It stays until
 * closed, so there is time to write the name down.
 */
public final class Welcome {

    private Welcome() {
    }

    public static void show(String username) {
        Span text = new Span();
        Span name = new Span(username);
        name.setId("new-username");
        name.addClassName("given-username");
        // The sentence around the name comes from the bundle; the name stands out.
        String[] around = text.getTranslation("welcome.username", "\u0001").split("\u0001", 2);
        text.add(new Span(around[0]), name, new Span(around.length > 1 ? around[1] : ""));
        Notification notification = new Notification();
        Button close = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> notification.close());
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        close.setAriaLabel(text.getTranslation("action.close"));
        notification.add(new HorizontalLayout(text, close));
        notification.setDuration(0);
        notification.setPosition(Notification.Position.TOP_CENTER);
        notification.addThemeVariants(com.vaadin.flow.component.notification.NotificationVariant.LUMO_SUCCESS);
        notification.setId("welcome");
        notification.open();
    }
}
