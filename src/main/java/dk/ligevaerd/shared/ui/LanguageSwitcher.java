package dk.ligevaerd.shared.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import dk.ligevaerd.shared.Messages;
import java.util.Locale;

/** "Dansk | English": each language named in itself, so anyone can find their own. */
public class LanguageSwitcher extends HorizontalLayout {

    public LanguageSwitcher() {
        setSpacing(false);
        setAlignItems(Alignment.CENTER);
        addClassName("language-switcher");
        add(option(Messages.DANISH, "Dansk"), new Span("|"), option(Messages.ENGLISH, "English"));
    }

    private Button option(Locale locale, String label) {
        Button button = new Button(label, e -> Languages.switchTo(locale));
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        button.getElement().setAttribute("lang", locale.getLanguage());
        button.setId("language-" + locale.getLanguage());
        return button;
    }

    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent event) {
        super.onAttach(event);
        String current = Messages.supported(event.getUI().getLocale()).getLanguage();
        getChildren().filter(c -> c instanceof Button).map(Button.class::cast).forEach(b -> {
            boolean active = b.getElement().getAttribute("lang").equals(current);
            b.getElement().setAttribute("aria-pressed", Boolean.toString(active));
            b.getStyle().set("font-weight", active ? "700" : "400");
        });
    }
}
