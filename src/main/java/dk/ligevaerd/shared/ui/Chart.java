package dk.ligevaerd.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

/**
 * A chart drawn in the browser by Apache ECharts (Apache-2.0) from an option the server builds.
 * A chart is a picture: callers give it a short text alternative and show the same numbers in a
 * table for screen readers and for anyone who prefers numbers.
 */
@Tag("lv-chart")
@NpmPackage(value = "echarts", version = "6.1.0")
@JsModule("./lv-chart.ts")
public class Chart extends Component implements HasSize {

    public Chart(String textAlternative) {
        getElement().setAttribute("role", "img");
        getElement().setAttribute("aria-label", textAlternative);
        setWidthFull();
        setHeight("14rem");
    }

    /** Draws the given ECharts option, written as JSON. */
    public void setOption(String optionJson) {
        getElement().setProperty("option", optionJson);
    }
}
