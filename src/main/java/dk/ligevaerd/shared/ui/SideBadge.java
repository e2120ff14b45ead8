package dk.ligevaerd.shared.ui;

import com.vaadin.flow.component.html.Span;

/** A side's name on its colour: the same look wherever a side acts. */
public class SideBadge extends Span {

    public SideBadge(String name, String colour) {
        setText(name);
        addClassName("side-badge");
        getStyle().set("--side-colour", colour);
    }
}
