package dk.ligevaerd.notify.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dk.ligevaerd.notify.NotificationKind;
import dk.ligevaerd.notify.NotificationService;
import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.shared.Messages;
import java.util.List;

/**
 * Where the unsubscribe link of a notification mail leads in a browser: it says what the link
 * switches off and asks to confirm, so opening the link (or a mail system checking it) changes
 * nothing. Mail programs use the one-click POST instead.
 */
@Route("unsubscribe/:token")
@AnonymousAllowed
public class UnsubscribeView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final NotificationService notifications;

    public UnsubscribeView(NotificationService notifications) {
        this.notifications = notifications;
        addClassName("page");
        setId("unsubscribe-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        add(new H1(getTranslation("notify.unsubscribe.title")));
        String token = event.getRouteParameters().get("token").orElse("");
        Paragraph result = new Paragraph();
        result.setId("unsubscribe-result");
        result.getElement().setAttribute("role", "alert");
        List<NotificationKind> kinds;
        try {
            kinds = notifications.unsubscribeKinds(token);
        } catch (DomainException refused) {
            result.addClassName("form-error");
            result.setText(Messages.get(getLocale(), refused));
            add(result);
            return;
        }
        UnorderedList list = new UnorderedList();
        kinds.forEach(kind -> list.add(new ListItem(getTranslation(kind.messageKey()))));
        Button confirm = new Button(getTranslation("notify.unsubscribe.confirm"));
        confirm.setId("unsubscribe-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickListener(e -> {
            try {
                notifications.unsubscribe(token);
                result.setText(getTranslation("notify.unsubscribe.done"));
                confirm.setEnabled(false);
            } catch (DomainException refused) {
                result.addClassName("form-error");
                result.setText(Messages.get(getLocale(), refused));
            }
        });
        add(new Paragraph(getTranslation("notify.unsubscribe.explain")), list, confirm, result);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("notify.unsubscribe.title") + " · Ligeværd";
    }
}
