package dk.ligevaerd.shared.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.dom.Element;
import java.util.Optional;
import java.util.function.Function;

/**
 * The footer with the link to the organisation's accessibility statement
 * ({@code ligevaerd.accessibility-statement-url}), which the Danish web accessibility act wants on
 * every page. The main layout carries it after each page; the pages outside that layout (login,
 * registration) put it after themselves with {@link #follow}.
 */
public final class StatementFooter {

    /** The configuration key whose value is the statement's address; blank: no footer. */
    public static final String PROPERTY = "ligevaerd.accessibility-statement-url";

    private StatementFooter() {
    }

    /** The footer element, or empty when no statement is configured. */
    public static Optional<Element> of(String url, Function<String, String> translate) {
        if (url.isBlank()) {
            return Optional.empty();
        }
        Anchor statement = new Anchor(url.strip(), translate.apply("footer.accessibilityStatement"));
        statement.setId("accessibility-statement");
        Element footer = new Element("footer");
        footer.getClassList().add("app-footer");
        footer.appendChild(statement.getElement());
        return Optional.of(footer);
    }

    /**
     * Puts the footer beside {@code page} in the page's body while it is shown, so that it is a
     * landmark of its own (content information) rather than part of the page's main content.
     */
    public static void follow(Component page, String url) {
        of(url, page::getTranslation).ifPresent(footer -> {
            page.addAttachListener((AttachEvent e) -> e.getUI().getElement().appendChild(footer));
            page.addDetachListener((DetachEvent e) -> footer.removeFromParent());
        });
    }
}
