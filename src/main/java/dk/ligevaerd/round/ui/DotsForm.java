package dk.ligevaerd.round.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import dk.ligevaerd.round.BallotView;
import dk.ligevaerd.round.RoundService;
import dk.ligevaerd.round.RoundView;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Dot voting: a − and a + per priority, with the points left always in view. Every control is a
 * real button, so the ballot works with the keyboard (Tab, Enter or Space) and a screen reader
 * hears each priority's name with its buttons and the points left after each change.
 */
class DotsForm extends BallotForm {

    private final RoundService rounds;
    private final long workspaceId;
    private final RoundView round;
    private final Map<Long, Integer> points = new LinkedHashMap<>();
    private final Map<Long, Span> values = new HashMap<>();
    private final Map<Long, Button> pluses = new HashMap<>();
    private final Map<Long, Button> minuses = new HashMap<>();
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
            add(row(option));
        }
        finish();
        refresh();
    }

    private Div row(RoundView.Option option) {
        Span title = Show.text(option.title(), "dots-title");
        Button minus = new Button(VaadinIcon.MINUS.create(), e -> change(option.id(), -1));
        minus.setAriaLabel(getTranslation("round.dots.less", option.title()));
        minus.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_CONTRAST);
        minus.addClassName("dots-minus");
        Button plus = new Button(VaadinIcon.PLUS.create(), e -> change(option.id(), +1));
        plus.setAriaLabel(getTranslation("round.dots.more", option.title()));
        plus.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_CONTRAST);
        plus.addClassName("dots-plus");
        Span value = Show.text("0", "dots-value");
        value.getElement().setAttribute("aria-label", getTranslation("round.dots.given", option.title()));
        values.put(option.id(), value);
        pluses.put(option.id(), plus);
        minuses.put(option.id(), minus);
        Div controls = new Div(minus, value, plus);
        controls.addClassName("dots-controls");
        Div row = new Div(title, controls);
        row.addClassName("dots-row");
        row.getElement().setAttribute("data-option", String.valueOf(option.id()));
        return row;
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
            minuses.get(option).setEnabled(given > 0);
            pluses.get(option).setEnabled(given < round.capPerOption() && remaining > 0);
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
