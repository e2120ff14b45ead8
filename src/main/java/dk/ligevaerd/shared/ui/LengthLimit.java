package dk.ligevaerd.shared.ui;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextFieldBase;
import com.vaadin.flow.dom.DomListenerRegistration;

/**
 * A live counter under a field whose length is limited: "12 / 200" while typing, and plainly
 * marked once the limit is reached, where the browser stops taking more (a pasted text is cut
 * there). The limit is the entity's own constant, so the field and the check agree.
 */
public final class LengthLimit {

    /** How often the counter follows typing: often enough to feel live, rarely enough to stay quiet. */
    private static final int DEBOUNCE_MILLIS = 250;

    private LengthLimit() {
    }

    /**
     * Limits the field to {@code max} characters and shows the counter after its helper text
     * (set that first).
     */
    public static <C extends TextFieldBase<C, String>> C counted(C field, int max) {
        field.getElement().setProperty("maxlength", max);
        String help = field.getHelperText();
        Span counter = new Span();
        counter.addClassName("length-counter");
        Span helper = new Span();
        if (help != null && !help.isBlank()) {
            Span text = new Span(help + " ");
            helper.add(text);
        }
        helper.add(counter);
        field.setHelperComponent(helper);
        show(counter, field.getValue() == null ? 0 : field.getValue().length(), max);
        field.addValueChangeListener(e -> show(counter, e.getValue() == null ? 0 : e.getValue().length(), max));
        // Typing is followed without syncing the field's value, so the field's own listeners keep their pace.
        DomListenerRegistration typing = field.getElement().addEventListener("input",
                e -> show(counter, e.getEventData().get("element.value").asString().length(), max));
        typing.addEventData("element.value");
        typing.debounce(DEBOUNCE_MILLIS);
        return field;
    }

    private static void show(Span counter, int length, int max) {
        boolean full = length >= max;
        counter.setText(counter.getTranslation(full ? "field.counter.full" : "field.counter", length, max));
        counter.setClassName("at-limit", full);
        if (full) {
            counter.getElement().setAttribute("role", "status");
        } else {
            counter.getElement().removeAttribute("role");
        }
    }
}
