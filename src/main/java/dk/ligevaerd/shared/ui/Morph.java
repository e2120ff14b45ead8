package dk.ligevaerd.shared.ui;

import com.vaadin.flow.dom.Element;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

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

    /** Makes {@code shown}'s children look like {@code fresh}'s; {@code shown} itself stays. */
    public static void children(Element shown, Element fresh) {
        List<Element> have = shown.getChildren().toList();
        List<Element> want = fresh.getChildren().toList();
        if (have.size() != want.size()) {
            shown.removeAllChildren();
            for (Element child : want) {
                child.removeFromParent();
                shown.appendChild(child);
            }
            return;
        }
        for (int i = 0; i < have.size(); i++) {
            Element a = have.get(i);
            Element b = want.get(i);
            if (a.isTextNode() && b.isTextNode()) {
                if (!Objects.equals(a.getText(), b.getText())) {
                    a.setText(b.getText());
                }
            } else if (!a.isTextNode() && !b.isTextNode() && a.getTag().equals(b.getTag()) && simpleProperties(b)) {
                attributes(a, b);
                properties(a, b);
                children(a, b);
            } else {
                b.removeFromParent();
                shown.setChild(i, b);
            }
        }
    }

    /** Properties this class can copy (text, flags, numbers); any other kind replaces the element. */
    private static boolean simpleProperties(Element b) {
        return b.getPropertyNames().allMatch(name -> {
            Object value = b.getPropertyRaw(name);
            return value == null || value instanceof String || value instanceof Boolean || value instanceof Number;
        });
    }

    private static void attributes(Element a, Element b) {
        Set<String> wanted = new HashSet<>();
        b.getAttributeNames().forEach(name -> {
            wanted.add(name);
            String value = b.getAttribute(name);
            if (!Objects.equals(a.getAttribute(name), value)) {
                if (value == null) {
                    a.removeAttribute(name);
                } else {
                    a.setAttribute(name, value);
                }
            }
        });
        a.getAttributeNames().filter(name -> !wanted.contains(name)).toList().forEach(a::removeAttribute);
    }

    private static void properties(Element a, Element b) {
        Set<String> wanted = new HashSet<>();
        b.getPropertyNames().forEach(name -> {
            wanted.add(name);
            Object value = b.getPropertyRaw(name);
            if (!Objects.equals(a.getPropertyRaw(name), value)) {
                if (value == null) {
                    a.removeProperty(name);
                } else if (value instanceof String s) {
                    a.setProperty(name, s);
                } else if (value instanceof Boolean v) {
                    a.setProperty(name, v);
                } else if (value instanceof Number n) {
                    a.setProperty(name, n.doubleValue());
                }
            }
        });
        a.getPropertyNames().filter(name -> !wanted.contains(name)).toList().forEach(a::removeProperty);
    }
}
