package dk.ligevaerd.workspace;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * A retention rule in words, in the reader's language: "archive after 12 months without activity; …".
 * Public for the history, which shows the rule a proposal or a change named.
 */
public final class RetentionText {

    private RetentionText() {
    }

    public static String describe(BiFunction<String, Object[], String> translate, Locale locale, RetentionRule rule) {
        if (rule.none()) {
            return translate.apply("retention.none", new Object[0]);
        }
        List<String> parts = new ArrayList<>();
        if (rule.archiveAfterIdleMonths() != null) {
            parts.add(translate.apply("retention.idle", new Object[] {rule.archiveAfterIdleMonths()}));
        }
        if (rule.archiveOn() != null) {
            parts.add(translate.apply("retention.on", new Object[] {
                    DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(rule.archiveOn())}));
        }
        parts.add(rule.deleteAfterMonths() == null ? translate.apply("retention.keep", new Object[0])
                : translate.apply("retention.delete", new Object[] {rule.deleteAfterMonths()}));
        return String.join("; ", parts);
    }
}
