package dk.ligevaerd.shared.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dependency.Uses;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.dom.Element;
import dk.ligevaerd.shared.Messages;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * "Dansk | English": each language named in itself, so anyone can find their own. The two are
 * plain {@code <vaadin-button>}s, as the button component draws them, each with its own click
 * listener: the switcher is in the header of every page, and a button component with its click
 * event's data costs the server some 3 KB a page.
 */
// The buttons are drawn without the component; its web component must still be in every bundle.
@Uses(Button.class)
public class LanguageSwitcher extends HorizontalLayout {

    private final Map<Locale, Element> options = new LinkedHashMap<>();

    public LanguageSwitcher() {
        setSpacing(false);
        setAlignItems(Alignment.CENTER);
        addClassName("language-switcher");
        getElement().appendChild(option(Messages.DANISH, "Dansk"), new Element("span").setText("|"),
                option(Messages.ENGLISH, "English"));
    }

    private Element option(Locale locale, String label) {
        Element button = new Element("vaadin-button").setAttribute("theme", "tertiary small")
                .setAttribute("lang", locale.getLanguage()).setAttribute("id", "language-" + locale.getLanguage())
                .setText(label);
        button.addEventListener("click", e -> Languages.switchTo(locale));
        options.put(locale, button);
        return button;
    }

    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent event) {
        super.onAttach(event);
        String current = Messages.supported(event.getUI().getLocale()).getLanguage();
        options.forEach((locale, button) -> {
            boolean active = locale.getLanguage().equals(current);
            button.setAttribute("aria-pressed", Boolean.toString(active));
            button.getStyle().set("font-weight", active ? "700" : "400");
        });
    }
}
