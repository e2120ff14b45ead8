package dk.ligevaerd.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.shared.Messages;
import java.util.Locale;

/** Short messages at the bottom of the screen, announced to screen readers. */
public final class Notices {

    private Notices() {
    }

    public static void success(Component context, String key, Object... arguments) {
        Notification n = Notification.show(context.getTranslation(key, arguments), 4000,
                Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    public static void error(Locale locale, DomainException e) {
        Notification n = Notification.show(Messages.get(locale, e), 6000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        n.addClassName("domain-error");
    }
}
