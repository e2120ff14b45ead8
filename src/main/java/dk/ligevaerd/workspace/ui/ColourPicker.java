package dk.ligevaerd.workspace.ui;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import dk.ligevaerd.workspace.domain.Side;

/** A choice among the side palette, each colour shown as a swatch with its code. */
final class ColourPicker {

    private ColourPicker() {
    }

    static Select<String> create(String label, String value) {
        Select<String> select = new Select<>();
        select.setLabel(label);
        select.setItems(Side.PALETTE.contains(value) ? Side.PALETTE
                : java.util.stream.Stream.concat(Side.PALETTE.stream(), java.util.stream.Stream.of(value)).toList());
        select.setRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(colour -> {
            Span swatch = new Span();
            swatch.addClassName("swatch");
            swatch.getStyle().set("background", colour);
            Span wrapper = new Span(swatch, new Span(" " + colour));
            return wrapper;
        }));
        select.setItemLabelGenerator(c -> c);
        select.setValue(value);
        return select;
    }
}
