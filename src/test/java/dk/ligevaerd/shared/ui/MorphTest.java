package dk.ligevaerd.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.internal.StateTree;
import com.vaadin.flow.internal.change.MapPutChange;
import com.vaadin.flow.internal.change.NodeChange;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MorphTest {

    /** A small table as the standings draw it: a caption and one row per option. */
    private static Element table(String caption, List<String[]> rows) {
        Element table = new Element("table");
        table.setAttribute("class", "result-table");
        table.appendChild(new Element("caption").setText(caption));
        Element body = new Element("tbody");
        for (String[] row : rows) {
            Element tr = new Element("tr").setAttribute("data-option", row[0]);
            for (int i = 1; i < row.length; i++) {
                tr.appendChild(new Element("td").setText(row[i]));
            }
            body.appendChild(tr);
        }
        table.appendChild(body);
        return table;
    }

    private static Element host(Element... children) {
        Element host = new Element("div");
        host.appendChild(children);
        return host;
    }

    /** What a page would be sent for the changes since the last call. */
    private static List<NodeChange> sent(StateTree tree) {
        List<NodeChange> changes = new ArrayList<>();
        tree.collectChanges(changes::add);
        return changes;
    }

    @Test
    void a_live_figures_text_is_one_change_in_its_own_text_node_and_none_when_it_is_the_same() {
        UI ui = new UI();
        Element count = new Element("span").setText(" 3 ballots");
        ui.getElement().appendChild(count);
        StateTree tree = ui.getInternals().getStateTree();
        sent(tree);
        Element node = count.getChild(0);

        Morph.text(count, " 4 ballots");

        assertThat(count.getText()).isEqualTo(" 4 ballots");
        assertThat(count.getChild(0).getNode()).isSameAs(node.getNode());
        assertThat(sent(tree)).singleElement().isInstanceOf(MapPutChange.class);
        Morph.text(count, " 4 ballots");
        assertThat(sent(tree)).isEmpty();
        // Flow's own setter, as the figures were set before: the text node is taken out and put back.
        count.setText(" 5 ballots");
        assertThat(sent(tree)).hasSizeGreaterThan(1);
        // An element without a text node of its own gets one.
        Element empty = new Element("div");
        ui.getElement().appendChild(empty);
        Morph.text(empty, "Round opened.");
        assertThat(empty.getText()).isEqualTo("Round opened.");
    }

    @Test
    void a_changed_number_changes_that_text_and_keeps_every_element() {
        Element shown = host(table("Standings", List.<String[]>of(new String[] {"1", "Park", "3"}, new String[] {"2", "Bus", "1"})));
        Element row = shown.getChild(0).getChild(1).getChild(0);
        Element cell = row.getChild(1);

        Morph.children(shown, host(table("Standings", List.<String[]>of(new String[] {"1", "Park", "4"},
                new String[] {"2", "Bus", "1"}))));

        // The same nodes in the page's state tree: nothing was replaced, so nothing is sent whole.
        assertThat(shown.getChild(0).getChild(1).getChild(0).getNode()).isSameAs(row.getNode());
        assertThat(row.getChild(1).getNode()).isSameAs(cell.getNode());
        assertThat(cell.getTextRecursively()).isEqualTo("4");
        assertThat(shown.getOuterHTML()).isEqualTo(host(table("Standings", List.<String[]>of(new String[] {"1", "Park", "4"},
                new String[] {"2", "Bus", "1"}))).getOuterHTML());
    }

    @Test
    void rows_that_swap_places_take_each_others_attributes_and_texts() {
        Element shown = host(table("Standings", List.<String[]>of(new String[] {"1", "Park", "3"}, new String[] {"2", "Bus", "1"})));

        Element fresh = host(table("Standings", List.<String[]>of(new String[] {"2", "Bus", "5"}, new String[] {"1", "Park", "3"})));
        String expected = fresh.getOuterHTML();
        Morph.children(shown, fresh);

        assertThat(shown.getOuterHTML()).isEqualTo(expected);
        assertThat(shown.getChild(0).getChild(1).getChild(0).getAttribute("data-option")).isEqualTo("2");
    }

    @Test
    void a_new_row_or_a_different_element_is_put_in_whole() {
        Element shown = host(new Element("p").setText("Nobody has voted"),
                table("Standings", List.<String[]>of(new String[] {"1", "Park", "3"})));
        Element oldTable = shown.getChild(1);

        Element fresh = host(new Element("strong").setText("Park leads"),
                table("Standings", List.<String[]>of(new String[] {"1", "Park", "3"}, new String[] {"2", "Bus", "1"})));
        String expected = fresh.getOuterHTML();
        Morph.children(shown, fresh);

        assertThat(shown.getOuterHTML()).isEqualTo(expected);
        assertThat(shown.getChild(1).getNode()).isSameAs(oldTable.getNode());
        assertThat(shown.getChild(0).getTag()).isEqualTo("strong");
    }

    @Test
    void attributes_and_classes_no_longer_drawn_are_removed() {
        Element shown = host(new Element("tr").setAttribute("class", "adopted-row").setAttribute("title", "x"));

        Morph.children(shown, host(new Element("tr")));

        assertThat(shown.getChild(0).getAttributeNames()).isEmpty();
    }

    @Test
    void fewer_children_replace_the_list() {
        Element shown = host(new Element("li").setText("a"), new Element("li").setText("b"));

        Morph.children(shown, host(new Element("li").setText("b")));

        assertThat(shown.getOuterHTML()).isEqualTo("<div>\n <li>b</li>\n</div>");
    }

    @Test
    void one_sketch_laid_over_two_pages_trees_changes_each_in_place_and_stays_as_it_was_drawn() {
        Element first = host(table("Standings", List.<String[]>of(new String[] {"1", "Park", "3"})));
        Element second = host(table("Standings", List.<String[]>of(new String[] {"1", "Park", "2"})));
        Element firstCell = first.getChild(0).getChild(1).getChild(0).getChild(1);
        Element fresh = host(table("Standings", List.<String[]>of(new String[] {"1", "Park", "4"})));
        String expected = fresh.getOuterHTML();
        Sketch drawing = Sketch.of(fresh);

        Morph.children(first, drawing);
        Morph.children(second, drawing);

        assertThat(first.getOuterHTML()).isEqualTo(expected);
        assertThat(second.getOuterHTML()).isEqualTo(expected);
        assertThat(first.getChild(0).getChild(1).getChild(0).getChild(1).getNode()).isSameAs(firstCell.getNode());
        assertThat(drawing).as("the sketch is only read")
                .isEqualTo(Sketch.of(host(table("Standings", List.<String[]>of(new String[] {"1", "Park", "4"})))));
    }

    @Test
    void a_sketch_builds_what_the_shown_tree_lacks_from_its_own_values() {
        Element shown = host(new Element("p").setText("Nobody has voted"));
        Element strong = new Element("strong").setText("Park leads");
        strong.setProperty("hidden", false);
        strong.setProperty("tabIndex", 0);
        Sketch drawing = Sketch.of(host(strong, new Element("p").setText("2 of 3")));

        Morph.children(shown, drawing);

        assertThat(shown.getChildCount()).isEqualTo(2);
        assertThat(shown.getChild(0).getText()).isEqualTo("Park leads");
        assertThat(shown.getChild(0).getProperty("tabIndex", -1)).isZero();
        assertThat(shown.getChild(0).getNode()).as("a new element, not the drawn one").isNotSameAs(strong.getNode());
    }

    @Test
    void a_tree_with_a_property_a_sketch_cannot_hold_is_refused_rather_than_drawn_in_part() {
        Element fresh = host(new Element("vaadin-grid"));
        fresh.getChild(0).setPropertyJson("items", tools.jackson.databind.node.JsonNodeFactory.instance.arrayNode());

        assertThatThrownBy(() -> Sketch.of(fresh)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("items");
    }

    @Test
    void from_the_last_drawing_to_the_next_only_what_differs_is_changed_and_every_element_stays() {
        Sketch was = Sketch.of(host(table("Standings", List.<String[]>of(new String[] {"1", "Park", "3"},
                new String[] {"2", "Bus", "1"}))));
        Element shown = host();
        Morph.children(shown, null, was);
        Element row = shown.getChild(0).getChild(1).getChild(1);
        Element fresh = host(table("Standings", List.<String[]>of(new String[] {"1", "Park", "3"},
                new String[] {"2", "Bus", "2"})));
        String expected = fresh.getOuterHTML();

        Morph.children(shown, was, Sketch.of(fresh));

        assertThat(shown.getOuterHTML()).isEqualTo(expected);
        assertThat(shown.getChild(0).getChild(1).getChild(1).getNode()).isSameAs(row.getNode());
    }

    @Test
    void a_drawing_equal_to_the_last_reads_and_touches_nothing_of_the_page() {
        Sketch drawing = Sketch.of(host(new Element("p").setText("2 of 3")));
        Element shown = host();
        Morph.children(shown, null, drawing);
        // Were the page's elements compared, this would be put back; equal drawings skip them.
        shown.getChild(0).setAttribute("data-mark", "kept");

        Morph.children(shown, drawing, Sketch.of(host(new Element("p").setText("2 of 3"))));

        assertThat(shown.getChild(0).getAttribute("data-mark")).isEqualTo("kept");
    }

    @Test
    void a_sketch_as_markup_escapes_every_text_and_attribute_value_and_writes_void_elements_bare() {
        Element p = new Element("p").setAttribute("title", "\"quoted\" & <tagged>");
        p.appendChild(Element.createText("<script>alert('x')</script> & more"), new Element("br"));

        assertThat(Sketch.of(p).html()).isEqualTo("<p title=\"&quot;quoted&quot; &amp; &lt;tagged&gt;\">"
                + "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more<br></p>");
    }

    @Test
    void a_sketch_with_a_property_is_refused_as_markup() {
        Element strong = new Element("strong");
        strong.setProperty("hidden", true);

        assertThatThrownBy(() -> Sketch.of(host(strong)).html()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("hidden");
    }
}
