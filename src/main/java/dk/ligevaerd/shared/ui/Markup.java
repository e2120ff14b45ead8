package dk.ligevaerd.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.dom.Element;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;

/**
 * A display-only part shown as one element whose children are markup (its {@code innerHTML}): the
 * browser gets the same elements as if they were built one by one, and the server holds one node
 * instead of one per element and text. The markup comes from a {@link Sketch}, every text and
 * attribute escaped.
 *
 * <p>Markup is also held once however many pages show it ({@link #shared(String)}): a closed
 * round's record, or who is here now, reads alike in every page of the same language, and without
 * this every open page kept its own copy of the same characters.
 */
public final class Markup extends Component {

    /** Every markup in use, once; weakly held, so markup no page shows any more is collected. */
    private static final Map<String, WeakReference<String>> SHARED = new WeakHashMap<>();

    private Markup(Element element) {
        super(element);
    }

    /**
     * The drawing as one node: its own element, with its attributes, and its children as markup.
     *
     * @throws IllegalStateException where an element of the drawing has a property, which markup
     *                               cannot say
     */
    public static Markup of(Sketch drawing) {
        if (!drawing.properties().isEmpty()) {
            throw new IllegalStateException("<" + drawing.tag() + "> has properties, which markup cannot say: "
                    + drawing.properties().keySet());
        }
        Element element = new Element(Objects.requireNonNull(drawing.tag(), "a text node cannot be shown as markup"));
        drawing.attributes().forEach(element::setAttribute);
        element.setProperty("innerHTML", shared(drawing.innerHtml()));
        return new Markup(element);
    }

    /** The markup of the element's children, as the browser gets it. */
    public String markup() {
        return getElement().getProperty("innerHTML", "");
    }

    /**
     * The one copy of this markup that pages hold: the same string for every page that shows the
     * same thing, for as long as any does.
     */
    public static String shared(String markup) {
        synchronized (SHARED) {
            WeakReference<String> held = SHARED.get(markup);
            String same = held == null ? null : held.get();
            if (same != null) {
                return same;
            }
            SHARED.put(markup, new WeakReference<>(markup));
            return markup;
        }
    }
}
