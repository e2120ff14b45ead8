package dk.ligevaerd.shared;

import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The product's texts in Danish and English. Everything a user reads comes from the bundles in
 * {@code vaadin-i18n/}, so that both languages stay complete side by side.
 */
public final class Messages {

    public static final Locale DANISH = Locale.of("da");
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> SUPPORTED = List.of(DANISH, ENGLISH);
    /**
     * One bundle per feature, so features add their texts without touching each other's files.
     * Each has an English base file and a Danish {@code _da} twin in {@code vaadin-i18n/}.
     */
    static final List<String> BUNDLES = List.of("translations", "statement", "priority", "round", "history",
            "insight", "suggestion", "deliberation");

    private Messages() {
    }

    /**
     * The language of the page being served: the Vaadin UI's (or session's) when there is one,
     * else Danish. For the few texts a service puts together for display, such as the pseudonym of
     * an erased account, which must follow the reader's language rather than be stored in one.
     */
    public static Locale displayLocale() {
        com.vaadin.flow.component.UI ui = com.vaadin.flow.component.UI.getCurrent();
        if (ui != null) {
            return supported(ui.getLocale());
        }
        com.vaadin.flow.server.VaadinSession session = com.vaadin.flow.server.VaadinSession.getCurrent();
        if (session != null && session.getLocale() != null) {
            return supported(session.getLocale());
        }
        return DANISH;
    }

    /** The supported locale closest to the one asked for; Danish when nothing matches. */
    public static Locale supported(Locale requested) {
        return "en".equals(requested.getLanguage()) ? ENGLISH : DANISH;
    }

    public static String get(Locale locale, String key, Object... arguments) {
        Locale target = supported(locale);
        Texts texts = texts(target);
        String pattern = texts.patterns.get(key);
        if (pattern == null) {
            return "!" + key;
        }
        if (arguments.length == 0) {
            return pattern;
        }
        Object[] resolved = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            resolved[i] = arguments[i] instanceof Key nested ? get(target, nested.key()) : arguments[i];
        }
        // A format is not safe for two threads at once, and every open page formats the same few
        // after a ballot: each formats with a copy of the one parsed (a copy shares nothing that
        // formatting changes, and costs less than parsing), so none waits for another.
        MessageFormat parsed = texts.formats.get(key);
        if (parsed == null) {
            parsed = texts.formats.computeIfAbsent(key, k -> new MessageFormat(pattern, target));
        }
        return ((MessageFormat) parsed.clone()).format(resolved);
    }

    /**
     * One language's texts from all bundles, the first bundle's text where two have the same key,
     * read once: every live update of every open page asks for some (a ballot's counts in words).
     */
    private static final class Texts {
        final Map<String, String> patterns;
        final Map<String, MessageFormat> formats = new ConcurrentHashMap<>();

        Texts(Locale locale) {
            Map<String, String> all = new HashMap<>();
            for (String name : BUNDLES) {
                try {
                    ResourceBundle bundle = ResourceBundle.getBundle("vaadin-i18n." + name, locale, NO_FALLBACK);
                    for (String key : bundle.keySet()) {
                        all.putIfAbsent(key, bundle.getString(key));
                    }
                } catch (MissingResourceException featureWithoutTexts) {
                    // A feature that has no texts yet simply has no bundle.
                }
            }
            patterns = Map.copyOf(all);
        }
    }

    private static final Map<Locale, Texts> TEXTS = new ConcurrentHashMap<>();

    private static Texts texts(Locale supported) {
        Texts texts = TEXTS.get(supported);
        return texts != null ? texts : TEXTS.computeIfAbsent(supported, Texts::new);
    }

    /** An argument that is itself translated, such as the name of the field a message is about. */
    public record Key(String key) {
    }

    public static Key key(String key) {
        return new Key(key);
    }

    public static String get(Locale locale, DomainException exception) {
        return get(locale, exception.messageKey(), exception.arguments());
    }

    /** Without this, a JVM whose default locale is Danish would serve Danish for "en". */
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
}
