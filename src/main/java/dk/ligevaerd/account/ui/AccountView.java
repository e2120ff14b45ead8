package dk.ligevaerd.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dk.ligevaerd.account.AccountEmail;
import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.account.domain.UserAccount;
import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.shared.ui.Notices;
import jakarta.annotation.security.PermitAll;

/**
 * The person's own account: the address mail goes to (confirmed by a link mailed there), the
 * language of that mail, and the way to the notification settings.
 */
@Route("account")
@PermitAll
public class AccountView extends VerticalLayout implements HasDynamicTitle {

    /** Where the notification settings live (the notify feature); a plain address, no dependency. */
    static final String NOTIFICATIONS = "notifications";

    private final AccountService accounts;
    private final Paragraph status = new Paragraph();
    private final EmailField address = new EmailField();
    private final Paragraph error = new Paragraph();
    private final RadioButtonGroup<String> language = new RadioButtonGroup<>();

    public AccountView(AccountService accounts) {
        this.accounts = accounts;
        addClassName("page");
        setId("account-view");
        status.setId("email-status");
        address.setId("email-address");
        address.setLabel(getTranslation("account.email.label"));
        address.setMaxLength(UserAccount.EMAIL_MAX_LENGTH);
        address.setWidth("24em");
        error.setId("email-error");
        error.addClassName("form-error");
        error.getElement().setAttribute("role", "alert");
        Button send = new Button(getTranslation("account.email.send"), e -> send());
        send.setId("email-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button remove = new Button(getTranslation("account.email.remove"), e -> {
            accounts.removeEmail();
            address.clear();
            refresh();
            Notices.success(this, "account.email.removed");
        });
        remove.setId("email-remove");

        language.setId("mail-language");
        language.setLabel(getTranslation("account.mailLanguage.label"));
        language.setItems("", "da", "en");
        language.setItemLabelGenerator(l -> switch (l) {
            case "da" -> "Dansk";
            case "en" -> "English";
            default -> getTranslation("account.mailLanguage.workspace");
        });
        language.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                accounts.setMailLanguage(e.getValue() == null || e.getValue().isEmpty() ? null : e.getValue());
                Notices.success(this, "account.mailLanguage.saved");
            }
        });
        Anchor notifications = new Anchor(NOTIFICATIONS, getTranslation("account.notifications.link"));
        notifications.setId("notifications-link");

        add(new H1(getTranslation("account.title")), new H2(getTranslation("account.email.heading")),
                new Paragraph(getTranslation("account.email.explain")), status,
                new HorizontalLayout(address), new HorizontalLayout(send, remove), error, language,
                new H2(getTranslation("account.notifications.heading")), notifications,
                new H2(getTranslation("myData.title")), myData());
        refresh();
    }

    /** The person's data download and account erasure live on a page of their own. */
    private Anchor myData() {
        Anchor link = new Anchor("my-data", getTranslation("myData.download") + " · " + getTranslation("myData.erase"));
        link.setId("my-data-link");
        return link;
    }

    private void send() {
        error.setText("");
        try {
            accounts.requestEmail(address.getValue(), getLocale());
            refresh();
            Notices.success(this, "account.email.sent", address.getValue().strip());
        } catch (DomainException refused) {
            error.setText(Messages.get(getLocale(), refused));
        }
    }

    private void refresh() {
        AccountEmail mine = accounts.myEmail();
        StringBuilder text = new StringBuilder(mine.email() == null ? getTranslation("account.email.none")
                : getTranslation("account.email.confirmed", mine.email()));
        if (mine.pendingEmail() != null) {
            text.append(' ').append(getTranslation("account.email.pending", mine.pendingEmail()));
        }
        status.setText(text.toString());
        language.setValue(mine.mailLanguage() == null ? "" : mine.mailLanguage());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("account.title") + " · Ligeværd";
    }
}
