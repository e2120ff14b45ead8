package dk.ligevaerd.shared.ui;

import com.vaadin.flow.dom.Element;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Makes a shown piece of a page look like a freshly built one while changing only what differs.
 *
 * <p>A live figure (the standings under a round, redrawn after every ballot) is easiest to write as
 * "build it anew from the data". Replacing the shown components with the new ones costs every open
 * page a whole subtree on the wire and in the browser, for a change that is usually one number.
 * Here the new tree is built detached and then laid over the shown one: where an element has the
 * same tag and as many children, its attributes, properties and text are brought in line and its
 * children compared in turn; only where the shape differs is a subtree replaced. Pushed to the
 * browser is then what really changed.
 *
 * <p>Only for display-only trees: the shown elements are kept, so listeners or server-side state on
 * components of the new tree would be lost.
 */
public final class Morph {

    private Morph() {
    }

    /**
     * Sets an element's text in its only text node when it has one, and not at all when it is
     * already that text: one change on the wire. Flow's {@code Element.setText} also clears the
     * element's children and adds the same text node again, three changes and a re-attached node
     * in every browser, for each live figure on each update.
     */
    public static void text(Element element, String text) {
        if (element.getChildCount() == 1 && element.getChild(0).isTextNode()) {
            Element node = element.getChild(0);
            if (!text.equals(node.getText())) {
                node.setText(text);
            }
        } else {
            element.setText(text);
        }
    }

    /** Makes {@code shown}'s children look like {@code fresh}'s; {@code shown} itself stays. */
    public static void children(Element shown, Element fresh) {
        children(shown, Sketch.of(fresh));
    }

    /**
     * Makes {@code shown}'s children look like the sketch's; {@code shown} itself stays. The sketch
     * is only read, so one sketch can be laid over many pages' trees.
     */
    public static void children(Element shown, Sketch fresh) {
        List<Element> have = shown.getChildren().toList();
        List<Sketch> want = fresh.children();
        if (have.size() != want.size()) {
            replaceChildren(shown, want);
            return;
        }
        for (int i = 0; i < have.size(); i++) {
            Element a = have.get(i);
            Sketch b = want.get(i);
            if (a.isTextNode() && b.isText()) {
                if (!Objects.equals(a.getText(), b.text())) {
                    a.setText(b.text());
                }
            } else if (!a.isTextNode() && !b.isText() && a.getTag().equals(b.tag())) {
                attributes(a, b);
                properties(a, b);
                children(a, b);
            } else {
                shown.setChild(i, b.build());
            }
        }
    }

    /**
     * Takes {@code shown}'s children from the sketch they were last made to look like ({@code was})
     * to {@code fresh}, reading the two sketches rather than the page's elements: only where the
     * drawings differ is an element looked up and changed. For a tree that nothing but this class
     * changes; with {@code was} null it is {@link #children(Element, Sketch)}.
     */
    public static void children(Element shown, @Nullable Sketch was, Sketch fresh) {
        if (was == null) {
            children(shown, fresh);
        } else if (!was.equals(fresh)) {
            changes(shown, was, fresh);
        }
    }

    private static void changes(Element shown, Sketch was, Sketch fresh) {
        List<Sketch> had = was.children();
        List<Sketch> want = fresh.children();
        if (had.size() != want.size()) {
            replaceChildren(shown, want);
            return;
        }
        for (int i = 0; i < had.size(); i++) {
            Sketch a = had.get(i);
            Sketch b = want.get(i);
            if (a.equals(b)) {
                continue;
            }
            if (a.isText() && b.isText()) {
                shown.getChild(i).setText(b.text());
            } else if (!a.isText() && !b.isText() && Objects.equals(a.tag(), b.tag())) {
                Element element = shown.getChild(i);
                if (!a.attributes().equals(b.attributes())) {
                    attributes(element, b);
                }
                if (!a.properties().equals(b.properties())) {
                    properties(element, b);
                }
                changes(element, a, b);
            } else {
                shown.setChild(i, b.build());
            }
        }
    }

    /** Another number of children: they are drawn anew. */
    private static void replaceChildren(Element shown, List<Sketch> want) {
        shown.removeAllChildren();
        for (Sketch child : want) {
            shown.appendChild(child.build());
        }
    }

    private static void attributes(Element a, Sketch b) {
        b.attributes().forEach((name, value) -> {
            if (!Objects.equals(a.getAttribute(name), value)) {
                a.setAttribute(name, value);
            }
        });
        a.getAttributeNames().filter(name -> !b.attributes().containsKey(name)).toList().forEach(a::removeAttribute);
    }

    private static void properties(Element a, Sketch b) {
        b.properties().forEach((name, value) -> {
            if (!Objects.equals(a.getPropertyRaw(name), value)) {
                setProperty(a, name, value);
            }
        });
        a.getPropertyNames().filter(name -> !b.properties().containsKey(name)).toList().forEach(a::removeProperty);
    }

    /** Sets a property of one of the kinds a sketch holds: text, a flag or a number. */
    static void setProperty(Element element, String name, Serializable value) {
        switch (value) {
            case String s -> element.setProperty(name, s);
            case Boolean v -> element.setProperty(name, v);
            case Number n -> element.setProperty(name, n.doubleValue());
            default -> throw new IllegalArgumentException("not a simple property: " + value.getClass().getName());
        }
    }
}
