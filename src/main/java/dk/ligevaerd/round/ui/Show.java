package dk.ligevaerd.round.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import dk.ligevaerd.round.rules.Fraction;
import dk.ligevaerd.shared.ui.SideBadge;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

/** Small display helpers shared by the round views. */
final class Show {

    private Show() {
    }

    /** A side as everywhere else: its name on its colour. */
    record Side(long id, String name, String colour) {
        SideBadge badge() {
            return new SideBadge(name, colour);
        }
    }

    /** A share as a percentage with one decimal, for reading only; decisions use the exact fraction. */
    static String percent(Fraction share, Locale locale) {
        NumberFormat format = NumberFormat.getPercentInstance(locale);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(share.toBigDecimal(4, RoundingMode.HALF_UP));
    }

    static Span text(String text, String... classNames) {
        Span span = new Span(text);
        if (classNames.length > 0) {
            span.addClassNames(classNames);
        }
        return span;
    }

    static <C extends Component> C withClass(C component, String... classNames) {
        component.getElement().getClassList().addAll(java.util.List.of(classNames));
        return component;
    }

    /** A short, stable prefix of a hash for reading; the full value is in the tooltip. */
    static String shortHash(String hash) {
        return hash.length() <= 16 ? hash : hash.substring(0, 16) + "…";
    }
}
