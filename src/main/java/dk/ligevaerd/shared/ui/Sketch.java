package dk.ligevaerd.shared.ui;

import com.vaadin.flow.dom.Element;
import dk.ligevaerd.shared.Text;
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
 * <p>Two sketches are equal when they draw the same tree. Each knows its hash from the start, so
 * that telling two different drawings apart, as {@link Morph} does at every level, is quick.
 */
public final class Sketch {

    private final @Nullable String tag;
    private final @Nullable String text;
    private final Map<String, String> attributes;
    private final Map<String, Serializable> properties;
    private final List<Sketch> children;
    private final int hash;

    /** Elements that markup writes without an end tag or children. */
    private static final java.util.Set<String> VOID = java.util.Set.of("area", "base", "br", "col", "embed", "hr",
            "img", "input", "link", "meta", "source", "track", "wbr");

    /**
     * @param tag        the element's tag; null for a text node
     * @param text       a text node's text; null for an element
     * @param attributes the element's attributes, {@code class} and {@code style} among them
     * @param properties the element's properties, each a string, a flag or a number
     * @param children   the element's children, in order
     */
    public Sketch(@Nullable String tag, @Nullable String text, Map<String, String> attributes,
            Map<String, Serializable> properties, List<Sketch> children) {
        if ((tag == null) == (text == null)) {
            throw new IllegalArgumentException("a sketch is either an element (a tag) or a text node (a text)");
        }
        this.tag = tag;
        this.text = text;
        this.attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        this.properties = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        this.children = List.copyOf(children);
        this.hash = Objects.hash(tag, text, this.attributes, this.properties, this.children);
    }

    public @Nullable String tag() {
        return tag;
    }

    public @Nullable String text() {
        return text;
    }

    public Map<String, String> attributes() {
        return attributes;
    }

    public Map<String, Serializable> properties() {
        return properties;
    }

    public List<Sketch> children() {
        return children;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return this == other || other instanceof Sketch that && hash == that.hash && Objects.equals(tag, that.tag)
                && Objects.equals(text, that.text) && attributes.equals(that.attributes)
                && properties.equals(that.properties) && children.equals(that.children);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return text != null ? "\"" + text + "\"" : "<" + tag + " " + attributes + properties + ">" + children;
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

    /**
     * The drawing as HTML markup, every text and attribute value escaped: for a static part of a
     * page that one {@link com.vaadin.flow.component.Html} component can show, one node on the
     * server where the elements would each be one. Properties have no markup, so a drawing with any
     * is refused.
     *
     * @throws IllegalStateException where an element has a property
     */
    public String html() {
        StringBuilder out = new StringBuilder();
        html(out);
        return out.toString();
    }

    /**
     * The markup of the drawing's children, without the element itself: what an element that stays
     * on the page can take as its {@code innerHTML} property, so that a list redrawn as a whole (who
     * is here now) is one node on the server, not one per entry. Escaped and refused as {@link #html()}.
     *
     * @throws IllegalStateException where an element has a property
     */
    public String innerHtml() {
        StringBuilder out = new StringBuilder();
        children.forEach(child -> child.html(out));
        return out.toString();
    }

    private void html(StringBuilder out) {
        if (text != null) {
            out.append(Text.escapeHtml(text));
            return;
        }
        if (!properties.isEmpty()) {
            throw new IllegalStateException("<" + tag + "> has properties, which markup cannot say: "
                    + properties.keySet());
        }
        out.append('<').append(tag);
        attributes.forEach((name, value) -> {
            out.append(' ').append(name).append("=\"");
            out.append(Text.escapeHtml(value));
            out.append('"');
        });
        out.append('>');
        if (VOID.contains(tag)) {
            if (!children.isEmpty()) {
                throw new IllegalStateException("<" + tag + "> cannot have children in markup");
            }
            return;
        }
        children.forEach(child -> child.html(out));
        out.append("</").append(tag).append('>');
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
