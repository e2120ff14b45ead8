package dk.ligevaerd.notify.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dk.ligevaerd.notify.NotificationKind;
import dk.ligevaerd.notify.NotificationPreference;
import dk.ligevaerd.notify.NotificationService;
import dk.ligevaerd.shared.ui.Notices;
import jakarta.annotation.security.PermitAll;
import java.util.Locale;

/** Which notifications the person gets, each on or off, at once or in the daily digest. */
@Route("notifications")
@PermitAll
public class NotificationsView extends VerticalLayout implements HasDynamicTitle {

    private static final String AT_ONCE = "now";
    private static final String DIGEST = "digest";

    public NotificationsView(NotificationService notifications) {
        addClassName("page");
        setId("notifications-view");
        add(new H1(getTranslation("notify.settings.title")), new Paragraph(getTranslation("notify.settings.explain")));
        Anchor account = new Anchor("account", getTranslation("notify.settings.account"));
        account.setId("notifications-account");
        add(account);
        for (NotificationPreference preference : notifications.preferences()) {
            NotificationKind kind = preference.kind();
            String id = kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
            Checkbox enabled = new Checkbox(getTranslation("notify.settings.enabled"), preference.enabled());
            enabled.setId("notify-" + id + "-enabled");
            RadioButtonGroup<String> when = new RadioButtonGroup<>(getTranslation("notify.settings.when"));
            when.setId("notify-" + id + "-when");
            when.setItems(AT_ONCE, DIGEST);
            when.setItemLabelGenerator(v -> getTranslation(AT_ONCE.equals(v) ? "notify.settings.atOnce"
                    : "notify.settings.digest"));
            when.setValue(preference.digest() ? DIGEST : AT_ONCE);
            when.setEnabled(preference.enabled());
            Runnable save = () -> {
                notifications.setPreference(kind, enabled.getValue(), DIGEST.equals(when.getValue()));
                when.setEnabled(enabled.getValue());
                Notices.success(this, "notify.settings.saved");
            };
            enabled.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    save.run();
                }
            });
            when.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    save.run();
                }
            });
            add(new H2(getTranslation(kind.messageKey())), enabled, when);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("notify.settings.title") + " · Ligeværd";
    }
}
