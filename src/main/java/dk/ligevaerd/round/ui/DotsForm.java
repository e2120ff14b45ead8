package dk.ligevaerd.round.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dependency.Uses;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.dom.Element;
import dk.ligevaerd.round.BallotView;
import dk.ligevaerd.round.RoundService;
import dk.ligevaerd.round.RoundView;
import dk.ligevaerd.shared.ui.Markup;
import dk.ligevaerd.shared.ui.Sketch;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Dot voting: a − and a + per priority, with the points left always in view. Every control is a
 * real button, so the ballot works with the keyboard (Tab, Enter or Space) and a screen reader
 * hears each priority's name with its buttons and the points left after each change.
 *
 * <p>The rows are plain elements and the buttons plain {@code <vaadin-button>}s with their icon as
 * markup, not components: one listener on the form hears every − and + and is told which button
 * was pressed. A row so costs the server a few small nodes instead of two button components with a
 * listener each, in every open page of a meeting that shows the form.
 */
// The element is drawn without the component; its web component must still be in every bundle.
@Uses(Button.class)
@Uses(Icon.class)
class DotsForm extends BallotForm {

    /** The pressed − or +, whichever of its parts the click landed on. */
    private static final String PRESSED = "event.target.closest('vaadin-button.dots-minus, vaadin-button.dots-plus')";

    private final RoundService rounds;
    private final long workspaceId;
    private final RoundView round;
    private final Map<Long, Integer> points = new LinkedHashMap<>();
    private final Map<Long, Element> values = new HashMap<>();
    private final Map<Long, Element> pluses = new HashMap<>();
    private final Map<Long, Element> minuses = new HashMap<>();
    private final Span left = new Span();

    DotsForm(RoundService rounds, long workspaceId, RoundView round) {
        super(round.id());
        this.rounds = rounds;
        this.workspaceId = workspaceId;
        this.round = round;
        addClassName("dots-form");
        left.addClassName("points-left");
        left.setId("points-left-" + round.id());
        left.getElement().setAttribute("role", "status");
        left.getElement().setAttribute("aria-live", "polite");
        add(left);
        for (RoundView.Option option : round.options()) {
            points.put(option.id(), 0);
            getElement().appendChild(row(option));
        }
        getElement().addEventListener("click", e -> e.getEventDataElement(PRESSED).ifPresent(this::pressed))
                .addEventDataElement(PRESSED).setFilter(PRESSED + " != null");
        finish();
        refresh();
    }

    private Element row(RoundView.Option option) {
        Element title = new Element("span").setAttribute("class", "dots-title").setText(option.title());
        Element minus = button(VaadinIcon.MINUS, "dots-minus", getTranslation("round.dots.less", option.title()));
        Element plus = button(VaadinIcon.PLUS, "dots-plus", getTranslation("round.dots.more", option.title()));
        Element value = new Element("span").setAttribute("class", "dots-value")
                .setAttribute("aria-label", getTranslation("round.dots.given", option.title())).setText("0");
        values.put(option.id(), value);
        pluses.put(option.id(), plus);
        minuses.put(option.id(), minus);
        Element controls = new Element("div").setAttribute("class", "dots-controls").appendChild(minus, value, plus);
        return new Element("div").setAttribute("class", "dots-row")
                .setAttribute("data-option", String.valueOf(option.id())).appendChild(title, controls);
    }

    /** A small icon button as the button component draws it, with its accessible name. */
    private static Element button(VaadinIcon icon, String className, String label) {
        Icon drawn = icon.create();
        drawn.getElement().setAttribute("slot", "prefix");
        return new Element("vaadin-button").setAttribute("class", className)
                .setAttribute("theme", "small contrast icon").setAttribute("aria-label", label)
                .setProperty("innerHTML", Markup.shared(Sketch.of(drawn.getElement()).html()));
    }

    /** A − or + of this form; anything else the browser names is ignored. */
    private void pressed(Element button) {
        points.keySet().stream().filter(option -> button.equals(minuses.get(option))).findFirst()
                .ifPresent(option -> change(option, -1));
        points.keySet().stream().filter(option -> button.equals(pluses.get(option))).findFirst()
                .ifPresent(option -> change(option, +1));
    }

    private void change(long option, int delta) {
        int now = points.getOrDefault(option, 0) + delta;
        if (now < 0 || now > round.capPerOption() || remaining() - delta < 0) {
            return;
        }
        points.put(option, now);
        edited();
        refresh();
    }

    private int remaining() {
        return round.budget() - points.values().stream().mapToInt(Integer::intValue).sum();
    }

    private void refresh() {
        int remaining = remaining();
        left.setText(getTranslation("round.dots.left", remaining, round.budget(), round.capPerOption()));
        points.forEach((option, given) -> {
            values.get(option).setText(String.valueOf(given));
            minuses.get(option).setAttribute("disabled", given <= 0);
            pluses.get(option).setAttribute("disabled", given >= round.capPerOption() || remaining <= 0);
        });
    }

    @Override
    protected Caster caster() {
        Map<Long, Integer> ballot = new HashMap<>();
        points.forEach((option, given) -> {
            if (given > 0) {
                ballot.put(option, given);
            }
        });
        return () -> rounds.castDots(workspaceId, round.id(), ballot);
    }

    @Override
    protected void fill(@Nullable BallotView ballot) {
        points.replaceAll((option, given) -> ballot == null ? 0 : ballot.points().getOrDefault(option, 0));
        refresh();
    }
}
