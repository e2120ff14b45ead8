package dk.ligevaerd.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.account.CurrentUser;
import dk.ligevaerd.account.domain.UserAccount;
import dk.ligevaerd.shared.DomainException;
import jakarta.annotation.security.PermitAll;
import java.io.OutputStream;
import java.time.ZoneId;

/**
 * A person's own data (docs/personal-data.md): download all of it as JSON, and erase the account.
 * Reached from the user's name in the header. Erasing asks the person to type their username or
 * password, says plainly what stays and what goes, and logs them out once done; a refusal (a side
 * would be left without a moderator, a workspace without its owner) is shown with what to do first.
 */
@Route("my-data")
@PermitAll
public class PersonalDataView extends VerticalLayout implements HasDynamicTitle {

    private final AccountService accounts;
    private final AuthenticationContext authentication;
    private final PasswordField confirmation = new PasswordField();
    private final Div error = new Div();

    public PersonalDataView(AccountService accounts, CurrentUser currentUser, AuthenticationContext authentication) {
        this.accounts = accounts;
        this.authentication = authentication;
        addClassName("personal-data-view");
        setMaxWidth("48rem");
        String username = currentUser.require().username();

        add(new H1(getTranslation("myData.title")));
        add(new H2(getTranslation("myData.download")));
        add(new Paragraph(getTranslation("myData.download.text")));
        Anchor download = new Anchor((DownloadEvent event) -> {
            event.setFileName("ligevaerd-" + username + "-"
                    + java.time.LocalDate.now(ZoneId.of("Europe/Copenhagen")) + ".json");
            event.setContentType("application/json");
            try (OutputStream out = event.getOutputStream()) {
                accounts.writePersonalData(out);
            }
        }, getTranslation("myData.download.link"));
        download.getElement().setAttribute("download", true);
        download.setId("my-data-download");
        download.addClassName("download-link");
        add(download);
        Anchor privacy = new Anchor("privacy", getTranslation("privacy.title"));
        privacy.setId("my-data-privacy");
        add(privacy);

        add(new H2(getTranslation("myData.erase")));
        add(new Paragraph(getTranslation("myData.erase.what")));
        add(new Paragraph(getTranslation("myData.erase.kept")));
        confirmation.setId("erase-confirmation");
        confirmation.setLabel(getTranslation("myData.erase.confirm"));
        confirmation.setHelperText(getTranslation("myData.erase.confirm.help", username));
        confirmation.setMaxLength(Math.max(UserAccount.USERNAME_MAX_LENGTH, UserAccount.PASSWORD_MAX_BYTES));
        confirmation.setRevealButtonVisible(true);
        confirmation.setWidthFull();
        error.setId("erase-error");
        error.addClassName("form-error");
        error.getElement().setAttribute("role", "alert");
        Button erase = new Button(getTranslation("myData.erase.button"), e -> erase());
        erase.setId("erase-account");
        erase.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        add(confirmation, error, erase);
    }

    private void erase() {
        try {
            accounts.erase(confirmation.getValue());
        } catch (DomainException refused) {
            error.setText(getTranslation(refused.messageKey(), refused.arguments()));
            confirmation.setInvalid(true);
            return;
        }
        // The other sessions of this person ended with the erasure; this one ends now, and the
        // login page says why.
        authentication.logout();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("myData.title") + " · Ligeværd";
    }
}
