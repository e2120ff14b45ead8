package dk.ligevaerd.insight.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.dom.Element;
import dk.ligevaerd.insight.EqualityReport;
import dk.ligevaerd.insight.InsightService;
import dk.ligevaerd.insight.RoundEquality.RoundScope;
import dk.ligevaerd.insight.metrics.LensBalance;
import dk.ligevaerd.insight.metrics.Measure;
import dk.ligevaerd.insight.metrics.Weekly;
import dk.ligevaerd.shared.WorkspaceEvent;
import dk.ligevaerd.shared.ui.AddressReader;
import dk.ligevaerd.shared.ui.Chart;
import dk.ligevaerd.shared.ui.Formats;
import dk.ligevaerd.workspace.SideView;
import dk.ligevaerd.workspace.WorkspaceDetails;
import dk.ligevaerd.workspace.WorkspaceTab;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Whether the collaboration is equal: each side's share of what is done, the balance of public and
 * civil value, and how shares move over time, as charts with the same numbers in tables.
 */
class EqualityTab extends Div implements WorkspaceTab {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PUBLIC_COLOUR = "#1A5FB4";
    private static final String CIVIL_COLOUR = "#1E7A4C";

    private final InsightService insight;
    private final long workspaceId;
    private final Select<RoundScope> round = new Select<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Div body = new Div();
    private @Nullable WorkspaceDetails details;
    private List<RoundScope> closedRounds = List.of();
    /** While the choices are being set from the address, their listeners leave the work to show(). */
    private boolean applying;
    /** Whether the view is narrowed to one round, which words some texts differently. */
    private boolean roundScope;

    EqualityTab(InsightService insight, long workspaceId) {
        this.insight = insight;
        this.workspaceId = workspaceId;
        addClassName("equality-tab");
        setId("equality-tab");
        from.setLabel(getTranslation("history.filter.from"));
        to.setLabel(getTranslation("history.filter.to"));
        from.setId("equality-from");
        to.setId("equality-to");
        round.setLabel(getTranslation("equality.scope"));
        round.setEmptySelectionAllowed(true);
        round.setEmptySelectionCaption(getTranslation("equality.scope.workspace"));
        round.setItemLabelGenerator(r -> r == null ? getTranslation("equality.scope.workspace")
                : getTranslation("equality.scope.round", r.recordSeq(), r.title(), Formats.date(r.closedAt(), getLocale())));
        round.setId("equality-round");
        round.setWidth("min(100%, 28rem)");
        round.addValueChangeListener(e -> chosen());
        from.addValueChangeListener(e -> chosen());
        to.addValueChangeListener(e -> chosen());
        HorizontalLayout period = new HorizontalLayout(round, from, to);
        period.setAlignItems(FlexComponent.Alignment.BASELINE);
        period.setWrap(true);
        Paragraph intro = new Paragraph(getTranslation("equality.intro"));
        intro.addClassName("muted");
        add(intro, period, body);
    }

    @Override
    public Component component() {
        return this;
    }

    /**
     * Everything the equality view counts is in the history; it is read afresh only while the tab
     * is in view, and otherwise when it is next selected.
     */
    @Override
    public boolean concerns(WorkspaceEvent event) {
        return event.recorded();
    }

    @Override
    public void show(WorkspaceDetails d) {
        this.details = d;
        offerRounds(insight.rounds(workspaceId));
        redraw();
    }

    /**
     * The scope as the address gives it: {@code ?round=12} for one closed round, or a period
     * {@code ?from=2026-11-01&to=2026-11-30}; a round and a period together keep the round.
     */
    @Override
    public List<String> accept(WorkspaceDetails d, Map<String, List<String>> parameters) {
        this.details = d;
        AddressReader address = new AddressReader(parameters);
        List<RoundScope> offered = insight.rounds(workspaceId);
        Long roundId = address.id("round", id -> offered.stream().anyMatch(r -> r.roundId() == id));
        AddressReader.Period period = address.period();
        if (roundId != null && !period.isOpen()) {
            // One round or one period: the round, which is the more specific, wins.
            if (period.from() != null) {
                address.reject("from");
            }
            if (period.to() != null) {
                address.reject("to");
            }
            period = new AddressReader.Period(null, null);
        }
        applying = true;
        try {
            offerRounds(offered);
            round.setValue(roundId == null ? null : closedRounds.stream().filter(r -> r.roundId() == roundId)
                    .findFirst().orElse(null));
            from.setValue(period.from());
            to.setValue(period.to());
        } finally {
            applying = false;
        }
        return address.ignored();
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> parameters = new java.util.LinkedHashMap<>();
        if (round.getValue() != null) {
            parameters.put("round", String.valueOf(round.getValue().roundId()));
            return parameters;
        }
        if (from.getValue() != null) {
            parameters.put("from", from.getValue().toString());
        }
        if (to.getValue() != null) {
            parameters.put("to", to.getValue().toString());
        }
        return parameters;
    }

    private void offerRounds(List<RoundScope> offered) {
        closedRounds = offered;
        RoundScope chosen = round.getValue();
        boolean was = applying;
        applying = true;
        try {
            round.setItems(closedRounds);
            round.setValue(chosen == null ? null : closedRounds.stream().filter(r -> r.roundId() == chosen.roundId())
                    .findFirst().orElse(null));
        } finally {
            applying = was;
        }
        round.setVisible(!closedRounds.isEmpty());
    }

    private void chosen() {
        if (applying) {
            return;
        }
        redraw();
        ComponentUtil.fireEvent(this, new WorkspaceTab.AddressChanged(this));
    }

    private void redraw() {
        if (details == null) {
            return;
        }
        RoundScope scope = round.getValue();
        from.setVisible(scope == null);
        to.setVisible(scope == null);
        EqualityReport report = scope == null ? null : insight.roundReport(workspaceId, scope.roundId()).orElse(null);
        if (report == null) {
            scope = null;
            report = insight.report(workspaceId, start(from.getValue()),
                    start(to.getValue() == null ? null : to.getValue().plusDays(1)), Formats.ZONE);
        }
        Map<Long, SideView> sides = details.sides().stream().collect(Collectors.toMap(SideView::id, Function.identity()));
        body.removeAll();
        roundScope = scope != null;
        if (scope != null) {
            Paragraph about = new Paragraph(getTranslation("equality.round.intro", scope.recordSeq(), scope.title()));
            about.setId("equality-round-intro");
            Anchor record = new Anchor("workspace/" + workspaceId + "/record/" + scope.recordSeq(),
                    getTranslation("equality.round.openRecord", scope.recordSeq()));
            record.setId("equality-round-record");
            body.add(about, record);
        }
        body.add(warnings(report, sides));
        body.add(new H3(getTranslation("equality.shares")));
        body.add(sharesChart(report, sides), sharesTable(report, sides));
        if (!report.turnout().isEmpty()) {
            body.add(new H3(getTranslation("equality.turnout")));
            body.add(turnoutChart(report, sides), turnoutTable(report, sides));
        }
        if (scope != null) {
            if (report.proposedLenses().total() > 0) {
                body.add(new H3(getTranslation("equality.lenses")));
                body.add(lensChart(report, "equality.lensesOnBallot"), lensTable(report, "equality.lensesOnBallot"));
            }
            return;
        }
        body.add(new H3(getTranslation("equality.lenses")));
        body.add(lensChart(report, "equality.lensesProposed"), lensTable(report, "equality.lensesProposed"));
        body.add(new H3(getTranslation("equality.overTime")));
        if (report.weekly().size() < 2) {
            Paragraph few = new Paragraph(getTranslation("equality.overTimeTooShort"));
            few.addClassName("muted");
            few.setId("equality-time-too-short");
            body.add(few);
        } else {
            body.add(timeChart(report.sides(), report.weekly(), sides, getTranslation("equality.overTimeAlt"),
                    "equality-time-chart"), timeTable(report.sides(), report.weekly(), sides, "equality-time-table"));
        }
        for (Weekly measure : report.weeklyMeasures()) {
            body.add(weekly(report.sides(), measure, sides));
        }
    }

    /**
     * One measure's shares week by week (comments and replies, say), with its numbers in a table
     * that also names the side that dominated a week; one week alone is no movement, so a sentence
     * says what is missing instead.
     */
    private Div weekly(List<Long> order, Weekly measure, Map<Long, SideView> sides) {
        String name = getTranslation("equality.measure." + measure.key());
        String lower = name.toLowerCase(getLocale());
        Div section = new Div();
        section.setId("equality-weekly-" + measure.key());
        section.addClassName("equality-weekly");
        section.add(new H3(getTranslation("equality.weekly", name)));
        if (measure.weeks().size() < 2) {
            Paragraph few = new Paragraph(getTranslation("equality.weeklyTooShort", lower));
            few.addClassName("muted");
            few.setId("equality-weekly-" + measure.key() + "-too-short");
            section.add(few);
            return section;
        }
        String id = "equality-weekly-" + measure.key();
        // The same rule as the warnings above, applied to each week: which side, if any, dominated it.
        Element table = timeNumbers(order, measure.weeks(), sides);
        Element head = table.getChild(0);
        cell(head, "th", getTranslation("equality.weekDominant")).setAttribute("scope", "col");
        int row = 1;
        for (Measure week : measure.weeks().values()) {
            SideView dominant = week.dominantSide().map(sides::get).orElse(null);
            cell(table.getChild(row++), "td", dominant == null ? "–" : "⚠ " + dominant.name());
        }
        section.add(timeChart(order, measure.weeks(), sides, getTranslation("equality.weeklyAlt", lower), id + "-chart"),
                tableDetails(table, id + "-table"));
        return section;
    }

    private static @Nullable Instant start(@Nullable LocalDate date) {
        return date == null ? null : date.atStartOfDay(Formats.ZONE).toInstant();
    }

    private Div warnings(EqualityReport report, Map<Long, SideView> sides) {
        Div box = new Div();
        box.setId("equality-warnings");
        box.getElement().setAttribute("role", "status");
        List<Measure> warnings = report.warnings();
        List<String> lensWarnings = new java.util.ArrayList<>();
        if (report.adoptedLenses().publicDominates()) {
            lensWarnings.add(getTranslation("equality.warning.publicAdopted", percent(report.adoptedLenses().publicShare())));
        } else if (report.proposedLenses().publicDominates()) {
            lensWarnings.add(getTranslation(roundScope ? "equality.warning.publicOnBallot" : "equality.warning.publicProposed",
                    percent(report.proposedLenses().publicShare())));
        }
        if (warnings.isEmpty() && lensWarnings.isEmpty()) {
            String key = roundScope ? "equality.noWarning.round"
                    : from.getValue() == null && to.getValue() == null ? "equality.noWarning.all" : "equality.noWarning";
            Paragraph ok = new Paragraph(getTranslation(key));
            ok.addClassName("equality-ok");
            box.add(ok);
            return box;
        }
        for (Measure m : warnings) {
            SideView side = sides.get(m.dominantSide().orElseThrow());
            Div warning = new Div(new Span("⚠ "), new Span(getTranslation("equality.warning.dominates",
                    side == null ? "?" : side.name(), percent(m.share(side == null ? 0 : side.id())),
                    getTranslation("equality.measure." + m.key()).toLowerCase(getLocale()))));
            warning.addClassName("equality-warning");
            warning.getElement().setAttribute("data-measure", m.key());
            box.add(warning);
        }
        for (String text : lensWarnings) {
            Div warning = new Div(new Span("⚠ "), new Span(text));
            warning.addClassName("equality-warning");
            box.add(warning);
        }
        Paragraph why = new Paragraph(getTranslation("equality.why"));
        why.addClassName("muted");
        box.add(why);
        return box;
    }

    private Chart sharesChart(EqualityReport report, Map<Long, SideView> sides) {
        ObjectNode option = base();
        ArrayNode categories = option.putObject("yAxis").put("type", "category").put("inverse", true)
                .putArray("data");
        report.measures().forEach(m -> categories.add(getTranslation("equality.measure." + m.key())));
        option.putObject("xAxis").put("type", "value").put("max", 100).putObject("axisLabel").put("formatter", "{value} %");
        ArrayNode series = option.putArray("series");
        for (Long sideId : report.sides()) {
            SideView side = sides.get(sideId);
            ObjectNode s = series.addObject().put("type", "bar").put("stack", "share").put("name", side.name());
            s.putObject("itemStyle").put("color", side.colour());
            s.putObject("label").put("show", true).put("formatter", "{c} %").put("color", "#fff");
            ArrayNode data = s.putArray("data");
            report.measures().forEach(m -> point(data, m.share(sideId)));
        }
        Chart chart = new Chart(getTranslation("equality.sharesAlt"));
        chart.setHeight((4 + 3 * report.measures().size()) + "rem");
        chart.setOption(option.toString());
        chart.setId("equality-shares-chart");
        return chart;
    }

    private Details sharesTable(EqualityReport report, Map<Long, SideView> sides) {
        Element table = new Element("table");
        Element head = row(table, "th", getTranslation("equality.measure"));
        report.sides().forEach(s -> cell(head, "th", sides.get(s).name()));
        for (Measure m : report.measures()) {
            Element r = row(table, "td", getTranslation("equality.measure." + m.key()));
            report.sides().forEach(s -> cell(r, "td", m.counts().get(s) + " (" + percent(m.share(s)) + ")"));
        }
        return tableDetails(table, "equality-shares-table");
    }

    private Chart turnoutChart(EqualityReport report, Map<Long, SideView> sides) {
        ObjectNode option = base();
        option.putObject("tooltip").put("trigger", "item");
        ArrayNode categories = option.putObject("yAxis").put("type", "category").put("inverse", true)
                .putArray("data");
        report.sides().forEach(s -> categories.add(sides.get(s).name()));
        option.putObject("xAxis").put("type", "value").put("max", 100).putObject("axisLabel").put("formatter", "{value} %");
        ObjectNode series = option.putArray("series").addObject().put("type", "bar")
                .put("name", getTranslation("equality.turnout"));
        series.putObject("label").put("show", true).put("formatter", "{c} %").put("position", "right");
        ArrayNode data = series.putArray("data");
        for (Long sideId : report.sides()) {
            ObjectNode point = point(data, report.turnout().getOrDefault(sideId, 0.0));
            ((ObjectNode) point.get("label")).put("show", true);
            point.putObject("itemStyle").put("color", sides.get(sideId).colour());
        }
        option.remove("legend");
        Chart chart = new Chart(getTranslation("equality.turnoutAlt"));
        chart.setHeight((3 + 2.5 * report.sides().size()) + "rem");
        chart.setOption(option.toString());
        chart.setId("equality-turnout-chart");
        return chart;
    }

    private Details turnoutTable(EqualityReport report, Map<Long, SideView> sides) {
        Element table = new Element("table");
        Element head = row(table, "th", getTranslation("field.side"));
        cell(head, "th", getTranslation("equality.turnout"));
        for (Long sideId : report.sides()) {
            Element r = row(table, "td", sides.get(sideId).name());
            cell(r, "td", percent(report.turnout().getOrDefault(sideId, 0.0)));
        }
        return tableDetails(table, "equality-turnout-table");
    }

    private Chart lensChart(EqualityReport report, String proposedKey) {
        ObjectNode option = base();
        ArrayNode categories = option.putObject("yAxis").put("type", "category").put("inverse", true)
                .putArray("data");
        categories.add(getTranslation(proposedKey)).add(getTranslation("equality.lensesAdopted"));
        option.putObject("xAxis").put("type", "value").put("max", 100).putObject("axisLabel").put("formatter", "{value} %");
        ArrayNode series = option.putArray("series");
        List<LensBalance> rows = List.of(report.proposedLenses(), report.adoptedLenses());
        addLensSeries(series, getTranslation("lens.kind.public"), PUBLIC_COLOUR,
                rows.stream().map(b -> b.total() == 0 ? 0 : b.publicShare()).toList());
        addLensSeries(series, getTranslation("lens.kind.civil"), CIVIL_COLOUR,
                rows.stream().map(b -> b.total() == 0 ? 0 : 1 - b.publicShare()).toList());
        Chart chart = new Chart(getTranslation("equality.lensesAlt"));
        chart.setHeight("10rem");
        chart.setOption(option.toString());
        chart.setId("equality-lens-chart");
        return chart;
    }

    private void addLensSeries(ArrayNode series, String name, String colour, List<? extends Number> values) {
        ObjectNode s = series.addObject().put("type", "bar").put("stack", "lens").put("name", name);
        s.putObject("itemStyle").put("color", colour);
        s.putObject("label").put("show", true).put("formatter", "{c} %").put("color", "#fff");
        ArrayNode data = s.putArray("data");
        values.forEach(v -> point(data, v.doubleValue()));
    }

    /**
     * A bar's value in percent, labelled in the reader's language ("35,7 %" in Danish), since the
     * chart library would write every number the English way; an empty bar gets no label.
     */
    private ObjectNode point(ArrayNode data, double share) {
        double percent = Math.round(share * 1000) / 10.0;
        NumberFormat format = NumberFormat.getNumberInstance(getLocale());
        format.setMaximumFractionDigits(1);
        ObjectNode point = data.addObject().put("value", percent);
        point.putObject("label").put("formatter", format.format(percent) + " %").put("show", percent > 0);
        return point;
    }

    private Details lensTable(EqualityReport report, String proposedKey) {
        Element table = new Element("table");
        Element head = row(table, "th", "");
        cell(head, "th", getTranslation("lens.kind.public"));
        cell(head, "th", getTranslation("lens.kind.civil"));
        for (var entry : List.of(Map.entry(proposedKey, report.proposedLenses()),
                Map.entry("equality.lensesAdopted", report.adoptedLenses()))) {
            LensBalance b = entry.getValue();
            Element r = row(table, "td", getTranslation(entry.getKey()));
            cell(r, "td", b.publicValue() + " (" + percent(b.publicShare()) + ")");
            cell(r, "td", b.civilValue() + " (" + percent(b.total() == 0 ? 0 : 1 - b.publicShare()) + ")");
        }
        return tableDetails(table, "equality-lens-table");
    }

    /** Each side's share per week as lines, one per side in its colour. */
    private Chart timeChart(List<Long> order, Map<LocalDate, Measure> weeks, Map<Long, SideView> sides,
            String textAlternative, String id) {
        ObjectNode option = base();
        DateTimeFormatter week = DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(getLocale());
        ArrayNode categories = option.putObject("xAxis").put("type", "category").putArray("data");
        weeks.keySet().forEach(d -> categories.add(week.format(d)));
        option.putObject("yAxis").put("type", "value").put("max", 100).putObject("axisLabel").put("formatter", "{value} %");
        ArrayNode series = option.putArray("series");
        for (Long sideId : order) {
            SideView side = sides.get(sideId);
            ObjectNode s = series.addObject().put("type", "line").put("name", side.name());
            s.putObject("itemStyle").put("color", side.colour());
            s.putObject("lineStyle").put("color", side.colour()).put("width", 3);
            ArrayNode data = s.putArray("data");
            weeks.values().forEach(m -> data.add(Math.round(m.share(sideId) * 1000) / 10.0));
        }
        Chart chart = new Chart(textAlternative);
        chart.setOption(option.toString());
        chart.setId(id);
        return chart;
    }

    private Details timeTable(List<Long> order, Map<LocalDate, Measure> weeks, Map<Long, SideView> sides, String id) {
        return tableDetails(timeNumbers(order, weeks, sides), id);
    }

    /** A table of the weeks, one row each (after the head row), with each side's count and share. */
    private Element timeNumbers(List<Long> order, Map<LocalDate, Measure> weeks, Map<Long, SideView> sides) {
        Element table = new Element("table");
        Element head = row(table, "th", getTranslation("equality.week"));
        order.forEach(s -> cell(head, "th", sides.get(s).name()));
        DateTimeFormatter week = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        weeks.forEach((date, m) -> {
            Element r = row(table, "td", week.format(date));
            order.forEach(s -> cell(r, "td", m.counts().get(s) + " (" + percent(m.share(s)) + ")"));
        });
        return table;
    }

    private ObjectNode base() {
        ObjectNode option = JSON.createObjectNode();
        option.putObject("aria").put("enabled", true);
        option.putObject("tooltip").put("trigger", "axis");
        option.putObject("legend").put("bottom", 0);
        option.putObject("grid").put("left", 24).put("right", 24).put("top", 8).put("bottom", 40)
                .put("containLabel", true);
        option.put("animation", false);
        return option;
    }

    private Details tableDetails(Element table, String id) {
        table.getClassList().add("numbers-table");
        Div holder = new Div();
        holder.getElement().appendChild(table);
        Details details = new Details(getTranslation("equality.showNumbers"), holder);
        details.setId(id);
        return details;
    }

    private static Element row(Element table, String firstTag, String first) {
        Element row = new Element("tr");
        cell(row, firstTag.equals("th") ? "th" : "th", first).setAttribute("scope", firstTag.equals("th") ? "col" : "row");
        table.appendChild(row);
        return row;
    }

    private static Element cell(Element row, String tag, String text) {
        Element cell = new Element(tag);
        cell.setText(text);
        row.appendChild(cell);
        return cell;
    }

    private String percent(double share) {
        NumberFormat format = NumberFormat.getPercentInstance(getLocale());
        return format.format(share);
    }
}

@org.springframework.stereotype.Component
class EqualityTabProvider implements WorkspaceTab.Provider {

    private final InsightService insight;

    EqualityTabProvider(InsightService insight) {
        this.insight = insight;
    }

    @Override
    public int order() {
        return 800;
    }

    @Override
    public String titleKey() {
        return "workspace.tab.equality";
    }

    @Override
    public WorkspaceTab create(long workspaceId) {
        return new EqualityTab(insight, workspaceId);
    }
}
