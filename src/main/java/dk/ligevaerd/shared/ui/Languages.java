package dk.ligevaerd.shared.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import dk.ligevaerd.shared.Messages;
import jakarta.servlet.http.Cookie;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Picks each browser's language: the one the person chose (kept in a cookie for a year), else the
 * browser's own preference, else Danish.
 */
@Component
public class Languages implements VaadinServiceInitListener {

    static final String COOKIE = "ligevaerd-lang";

    @Override
    public void serviceInit(com.vaadin.flow.server.ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().setLocale(resolve(VaadinRequest.getCurrent())));
        // Screen readers pick their voice from <html lang>. Vaadin fills it in before it knows the
        // person's choice (and gave "da" to English pages), so set it from the same choice as the UI.
        event.addIndexHtmlRequestListener(page -> page.getDocument().getElementsByTag("html")
                .attr("lang", resolve(page.getVaadinRequest()).getLanguage()));
    }

    static Locale resolve(VaadinRequest request) {
        if (request == null) {
            return Messages.DANISH;
        }
        Optional<String> chosen = Arrays.stream(Optional.ofNullable(request.getCookies()).orElse(new Cookie[0]))
                .filter(c -> COOKIE.equals(c.getName())).map(Cookie::getValue).findFirst();
        if (chosen.isPresent()) {
            return Messages.supported(Locale.forLanguageTag(chosen.get()));
        }
        return browserPreference(request);
    }

    private static Locale browserPreference(VaadinRequest request) {
        String header = request.getHeader("Accept-Language");
        if (header != null && !header.isBlank()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                    String language = range.getRange().split("-")[0];
                    if (language.equals("da") || language.equals("en")) {
                        return Messages.supported(Locale.forLanguageTag(language));
                    }
                }
            } catch (IllegalArgumentException malformedHeader) {
                return Messages.DANISH;
            }
        }
        return Messages.DANISH;
    }

    /** Switches this browser to the language and reloads so every text follows. */
    public static void switchTo(Locale locale) {
        Locale target = Messages.supported(locale);
        UI ui = UI.getCurrent();
        ui.getPage().executeJs("document.cookie = $0 + '=' + $1 + '; path=/; max-age=31536000; SameSite=Lax';"
                + "location.reload();", COOKIE, target.getLanguage());
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null) {
            session.setLocale(target);
        }
    }

}
