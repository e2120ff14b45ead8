package dk.ligevaerd.shared.ui;

import com.vaadin.flow.dom.Element;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A drawing of a display-only element tree kept as plain values: tags, attributes, simple
 * properties and text, with no state tree behind it. Drawn once, it can be laid over the shown tree
 * of any number of pages ({@link Morph#children(Element, Sketch)}), each on its own thread, since
 * nothing in it changes or belongs to a page. A live figure that every open page shows alike (the
 * standings under a round) is drawn once per change and locale this way, instead of once per page.
 *
 * @param tag        the element's tag; null for a text node
 * @param text       a text node's text; null for an element
 * @param attributes the element's attributes, {@code class} and {@code style} among them
 * @param properties the element's properties, each a string, a flag or a number
 * @param children   the element's children, in order
 */
public record Sketch(@Nullable String tag, @Nullable String text, Map<String, String> attributes,
        Map<String, Serializable> properties, List<Sketch> children) {

    public Sketch {
        if ((tag == null) == (text == null)) {
            throw new IllegalArgumentException("a sketch is either an element (a tag) or a text node (a text)");
        }
        attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        properties = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        children = List.copyOf(children);
    }

    boolean isText() {
        return text != null;
    }

    /**
     * Takes the drawing of a freshly built tree. Only for display-only trees: listeners, components'
     * server-side state and any property other than text, flags and numbers cannot be drawn, and a
     * tree that has such a property is refused rather than drawn in part.
     *
     * @throws IllegalArgumentException where an element has a property of another kind
     */
    public static Sketch of(Element element) {
        if (element.isTextNode()) {
            return new Sketch(null, element.getText(), Map.of(), Map.of(), List.of());
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        element.getAttributeNames().forEach(name -> attributes.put(name, element.getAttribute(name)));
        Map<String, Serializable> properties = new LinkedHashMap<>();
        element.getPropertyNames().forEach(name -> {
            Serializable value = element.getPropertyRaw(name);
            if (value != null && !(value instanceof String || value instanceof Boolean || value instanceof Number)) {
                throw new IllegalArgumentException("<" + element.getTag() + "> has the property " + name
                        + " of a kind a sketch cannot hold: " + value.getClass().getName());
            }
            if (value != null) {
                properties.put(name, value);
            }
        });
        return new Sketch(element.getTag(), null, attributes, properties,
                element.getChildren().map(Sketch::of).toList());
    }

    /** A new, detached element tree drawn as this sketch says. */
    public Element build() {
        if (text != null) {
            return Element.createText(text);
        }
        Element element = new Element(Objects.requireNonNull(tag));
        attributes.forEach(element::setAttribute);
        properties.forEach((name, value) -> Morph.setProperty(element, name, value));
        children.forEach(child -> element.appendChild(child.build()));
        return element;
    }
}
