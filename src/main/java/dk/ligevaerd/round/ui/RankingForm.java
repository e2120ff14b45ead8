package dk.ligevaerd.round.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dnd.DragSource;
import com.vaadin.flow.component.dnd.DropEffect;
import com.vaadin.flow.component.dnd.DropTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H5;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import dk.ligevaerd.round.BallotView;
import dk.ligevaerd.round.RoundService;
import dk.ligevaerd.round.RoundView;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Ranking: drag the priorities into order, or use the up and down buttons (which work with the
 * keyboard and on a phone). Priorities may be left unranked; they get no points.
 */
class RankingForm extends BallotForm {

    private final RoundService rounds;
    private final long workspaceId;
    private final RoundView round;
    private final List<Long> order = new ArrayList<>();
    private final OrderedList ranked = new OrderedList();
    private final Div unranked = new Div();

    RankingForm(RoundService rounds, long workspaceId, RoundView round) {
        super(round.id());
        this.rounds = rounds;
        this.workspaceId = workspaceId;
        this.round = round;
        addClassName("ranking-form");
        Paragraph help = new Paragraph(getTranslation("round.ranking.help", round.options().size() - 1));
        help.addClassName("muted");
        ranked.addClassName("ranked-list");
        ranked.setId("ranked-" + round.id());
        unranked.addClassName("unranked-list");
        DropTarget<OrderedList> end = DropTarget.create(ranked);
        end.setDropEffect(DropEffect.MOVE);
        end.addDropListener(e -> e.getDragData().ifPresent(data -> moveTo((Long) data, order.size())));
        add(help, ranked, new H5(getTranslation("round.ranking.unranked")), unranked);
        round.options().forEach(o -> order.add(o.id()));
        finish();
        render();
    }

    private void render() {
        ranked.removeAll();
        for (int i = 0; i < order.size(); i++) {
            long option = order.get(i);
            int index = i;
            String title = round.optionTitle(option);
            ListItem item = new ListItem();
            item.addClassName("ranked-item");
            item.getElement().setAttribute("data-option", String.valueOf(option));
            Button up = new Button(VaadinIcon.ARROW_UP.create(), e -> move(index, index - 1));
            up.setAriaLabel(getTranslation("round.ranking.up", title));
            up.setEnabled(index > 0);
            Button down = new Button(VaadinIcon.ARROW_DOWN.create(), e -> move(index, index + 1));
            down.setAriaLabel(getTranslation("round.ranking.down", title));
            down.setEnabled(index < order.size() - 1);
            Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
                order.remove(option);
                edited();
                render();
            });
            remove.setAriaLabel(getTranslation("round.ranking.remove", title));
            for (Button b : List.of(up, down, remove)) {
                b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            }
            Span grip = Show.text("⋮⋮", "drag-grip");
            grip.getElement().setAttribute("aria-hidden", "true");
            Div buttons = new Div(up, down, remove);
            buttons.addClassName("ranked-buttons");
            item.add(grip, Show.text(title, "ranked-title"), buttons);
            DragSource<ListItem> drag = DragSource.create(item);
            drag.setDragData(option);
            DropTarget<ListItem> drop = DropTarget.create(item);
            drop.setDropEffect(DropEffect.MOVE);
            drop.addDropListener(e -> e.getDragData().ifPresent(data -> moveTo((Long) data, index)));
            ranked.add(item);
        }
        unranked.removeAll();
        for (RoundView.Option option : round.options()) {
            if (order.contains(option.id())) {
                continue;
            }
            Button add = new Button(option.title(), VaadinIcon.PLUS.create(), e -> {
                order.add(option.id());
                edited();
                render();
            });
            add.setAriaLabel(getTranslation("round.ranking.add", option.title()));
            add.addThemeVariants(ButtonVariant.LUMO_SMALL);
            DragSource<Button> drag = DragSource.create(add);
            drag.setDragData(option.id());
            unranked.add(add);
        }
        if (order.size() == round.options().size()) {
            unranked.add(Show.text(getTranslation("round.ranking.allRanked"), "muted"));
        }
    }

    private void move(int from, int to) {
        if (to < 0 || to >= order.size()) {
            return;
        }
        order.add(to, order.remove(from));
        edited();
        render();
    }

    /** Puts an option at a place, whether it was ranked before or not. */
    private void moveTo(long option, int place) {
        int from = order.indexOf(option);
        if (from >= 0) {
            order.remove(from);
            if (from < place) {
                place--;
            }
        }
        order.add(Math.min(Math.max(place, 0), order.size()), option);
        edited();
        render();
    }

    @Override
    protected Caster caster() {
        List<Long> ballot = List.copyOf(order);
        return () -> rounds.castRanking(workspaceId, round.id(), ballot);
    }

    @Override
    protected void fill(@Nullable BallotView ballot) {
        order.clear();
        if (ballot == null) {
            round.options().forEach(o -> order.add(o.id()));
        } else {
            order.addAll(ballot.order());
        }
        render();
    }
}
