package dk.ligevaerd.history.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.streams.DownloadEvent;
import dk.ligevaerd.history.HistoryExportService;
import dk.ligevaerd.history.HistoryFilter;
import dk.ligevaerd.history.HistoryItem;
import dk.ligevaerd.history.HistoryService;
import dk.ligevaerd.history.HistoryVerification;
import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.shared.WorkspaceEvent;
import dk.ligevaerd.shared.ui.AddressReader;
import dk.ligevaerd.shared.ui.Formats;
import dk.ligevaerd.shared.ui.SideBadge;
import dk.ligevaerd.workspace.RetentionRule;
import dk.ligevaerd.workspace.RetentionText;
import dk.ligevaerd.workspace.Role;
import dk.ligevaerd.workspace.SideView;
import dk.ligevaerd.workspace.WorkspaceDetails;
import dk.ligevaerd.workspace.WorkspaceTab;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The workspace's timeline: who did what, from which side, when. Filter by area, side and period;
 * open any entry for its facts. Observers read all of it.
 */
class HistoryTab extends Div implements WorkspaceTab {

    static final List<String> AREAS = List.of("workspace", "priority", "statement", "round", "comment");
    private static final int PAGE = 100;

    private final HistoryService history;
    private final long workspaceId;
    private final Select<String> area = new Select<>();
    private final Select<Optional<SideView>> side = new Select<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final UnorderedList list = new UnorderedList();
    private final Paragraph summary = new Paragraph();
    private Map<Long, SideView> sides = Map.of();
    private int shown = PAGE;
    /** The entries the list shows, by id. */
    private final Set<Long> displayed = new HashSet<>();
    /** While the filters are being set from the address, their listeners leave the work to show(). */
    private boolean applying;

    HistoryTab(HistoryService history, HistoryExportService exports, HistoryVerification verification,
            long workspaceId) {
        this.history = history;
        this.workspaceId = workspaceId;
        addClassName("history-tab");
        setId("history-tab");

        area.setLabel(getTranslation("history.filter.area"));
        area.setItems(AREAS);
        area.setEmptySelectionAllowed(true);
        area.setEmptySelectionCaption(getTranslation("history.filter.allAreas"));
        area.setItemLabelGenerator(a -> a == null ? getTranslation("history.filter.allAreas")
                : getTranslation("history.area." + a));
        area.setId("history-area");
        side.setLabel(getTranslation("field.side"));
        side.setItemLabelGenerator(s -> s.map(SideView::name).orElse(getTranslation("history.filter.allSides")));
        side.setId("history-side");
        from.setLabel(getTranslation("history.filter.from"));
        to.setLabel(getTranslation("history.filter.to"));
        from.setId("history-from");
        to.setId("history-to");
        area.addValueChangeListener(e -> filtered());
        side.addValueChangeListener(e -> filtered());
        from.addValueChangeListener(e -> filtered());
        to.addValueChangeListener(e -> filtered());
        HorizontalLayout filters = new HorizontalLayout(area, side, from, to);
        filters.setWrap(true);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.addClassName("history-filters");

        summary.addClassName("muted");
        summary.setId("history-summary");
        summary.getElement().setAttribute("aria-live", "polite");
        list.addClassName("activity-list");
        list.setId("history-list");
        Button verify = new Button(getTranslation("verify.action"), e -> showVerification(verification));
        verify.setId("verify-history");
        verify.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout downloads = new HorizontalLayout(
                download(exports, "pdf", "application/pdf", "export.downloadPdf"),
                download(exports, "json", "application/json", "export.downloadJson"), verify);
        downloads.setAlignItems(FlexComponent.Alignment.BASELINE);
        downloads.setWrap(true);
        downloads.addClassName("history-downloads");
        add(filters, downloads, summary, list);
    }

    /** Runs every check and says plainly whether the history is intact, or what exactly is not. */
    private void showVerification(HistoryVerification verification) {
        List<HistoryVerification.Result> results = verification.verify(workspaceId);
        Dialog dialog = new Dialog();
        boolean intact = results.stream().allMatch(HistoryVerification.Result::intact);
        dialog.setHeaderTitle(getTranslation(intact ? "verify.intact" : "verify.broken"));
        Div body = new Div();
        body.setId("verify-result");
        body.getElement().setAttribute("data-intact", Boolean.toString(intact));
        if (results.isEmpty()) {
            body.add(new Paragraph(getTranslation("verify.nothing")));
        }
        for (HistoryVerification.Result r : results) {
            Div part = new Div(new Span((r.intact() ? "✓ " : "✗ ") + getTranslation(r.nameKey())));
            part.addClassName(r.intact() ? "verify-ok" : "verify-problem");
            UnorderedList problems = new UnorderedList();
            r.problems().forEach(p -> problems.add(new ListItem(getTranslation(p.messageKey(),
                    p.arguments().toArray()))));
            if (!r.problems().isEmpty()) {
                part.add(problems);
            }
            body.add(part);
        }
        dialog.add(body);
        dialog.getFooter().add(new Button(getTranslation("action.close"), e -> dialog.close()));
        dialog.setWidth("min(36rem, 95vw)");
        dialog.open();
    }

    /**
     * A link that streams the whole history. The export service checks membership again in the
     * download request itself; the link only carries this page's language.
     */
    private Anchor download(HistoryExportService exports, String extension, String contentType, String labelKey) {
        Locale locale = getLocale();
        Anchor link = new Anchor((DownloadEvent event) -> {
            event.setFileName(exports.fileName(workspaceId, Messages.get(locale, "export.word"), extension));
            event.setContentType(contentType);
            try (OutputStream out = event.getOutputStream()) {
                if (extension.equals("pdf")) {
                    exports.writePdf(workspaceId, locale, out);
                } else {
                    exports.writeJson(workspaceId, out);
                }
            }
        }, getTranslation(labelKey));
        link.getElement().setAttribute("download", true);
        link.setId("history-download-" + extension);
        link.addClassName("download-link");
        return link;
    }

    @Override
    public Component component() {
        return this;
    }

    @Override
    public boolean concerns(WorkspaceEvent event) {
        return event.recorded();
    }

    /**
     * New entries go on top of the list, the rows shown stay as they are; only when the list would
     * outgrow its page, or shows something no longer there, is it drawn afresh.
     */
    @Override
    public void changed(WorkspaceDetails d, List<WorkspaceEvent> events) {
        List<HistoryItem> items = history.timeline(workspaceId, filter());
        List<HistoryItem> fresh = items.stream().takeWhile(item -> !displayed.contains(item.id())).toList();
        if (items.size() > shown || fresh.size() + displayed.size() != items.size()) {
            showItems(items);
            return;
        }
        if (displayed.isEmpty() && !fresh.isEmpty()) {
            list.removeAll();
        }
        for (int i = 0; i < fresh.size(); i++) {
            list.addComponentAtIndex(i, row(fresh.get(i)));
            displayed.add(fresh.get(i).id());
        }
        summary.setText(getTranslation("history.count", items.size()));
    }

    @Override
    public void show(WorkspaceDetails d) {
        offerSides(d);
        reload();
    }

    /** The filters as the address gives them: {@code ?area=round&side=3&from=2026-11-01&to=2026-11-30}. */
    @Override
    public List<String> accept(WorkspaceDetails d, Map<String, List<String>> parameters) {
        AddressReader address = new AddressReader(parameters);
        String chosenArea = address.text("area", AREAS::contains);
        Long chosenSide = address.id("side", id -> d.side(id).isPresent());
        AddressReader.Period period = address.period();
        applying = true;
        try {
            offerSides(d);
            area.setValue(chosenArea);
            side.setValue(chosenSide == null ? Optional.empty() : d.side(chosenSide));
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
        if (area.getValue() != null) {
            parameters.put("area", area.getValue());
        }
        if (side.getValue() != null) {
            side.getValue().ifPresent(s -> parameters.put("side", String.valueOf(s.id())));
        }
        if (from.getValue() != null) {
            parameters.put("from", from.getValue().toString());
        }
        if (to.getValue() != null) {
            parameters.put("to", to.getValue().toString());
        }
        return parameters;
    }

    private void filtered() {
        if (applying) {
            return;
        }
        reload();
        ComponentUtil.fireEvent(this, new WorkspaceTab.AddressChanged(this));
    }

    private void offerSides(WorkspaceDetails d) {
        sides = d.sides().stream().collect(Collectors.toMap(SideView::id, Function.identity()));
        Optional<SideView> chosen = side.getValue() == null ? Optional.empty() : side.getValue();
        List<Optional<SideView>> options = new java.util.ArrayList<>();
        options.add(Optional.empty());
        d.sides().forEach(s -> options.add(Optional.of(s)));
        boolean was = applying;
        applying = true;
        try {
            side.setItems(options);
            side.setValue(options.stream().filter(o -> o.map(SideView::id).equals(chosen.map(SideView::id)))
                    .findFirst().orElse(Optional.empty()));
        } finally {
            applying = was;
        }
    }

    private HistoryFilter filter() {
        return new HistoryFilter(area.getValue(),
                side.getValue() == null ? null : side.getValue().map(SideView::id).orElse(null),
                start(from.getValue()), start(to.getValue() == null ? null : to.getValue().plusDays(1)));
    }

    private void reload() {
        showItems(history.timeline(workspaceId, filter()));
    }

    private void showItems(List<HistoryItem> items) {
        summary.setText(getTranslation("history.count", items.size()));
        list.removeAll();
        displayed.clear();
        items.stream().limit(shown).forEach(item -> {
            list.add(row(item));
            displayed.add(item.id());
        });
        if (items.size() > shown) {
            Button more = new Button(getTranslation("history.showMore"), e -> {
                shown += PAGE;
                reload();
            });
            more.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            list.add(new ListItem(more));
        }
    }

    private static @Nullable Instant start(@Nullable LocalDate date) {
        return date == null ? null : date.atStartOfDay(Formats.ZONE).toInstant();
    }

    private ListItem row(HistoryItem item) {
        ListItem li = new ListItem();
        li.addClassName("activity-item");
        li.getElement().setAttribute("data-kind", item.kind());
        Span when = new Span(Formats.dateTime(item.occurredAt(), getLocale()));
        when.addClassName("muted");
        li.add(when, new Span(" "));
        SideView actorSide = item.actorSideId() == null ? null : sides.get(item.actorSideId());
        if (actorSide != null) {
            li.add(new SideBadge(actorSide.name(), actorSide.colour()), new Span(" "));
        }
        Button open = new Button(sentence(item), e -> openEntry(item));
        open.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        open.addClassName("history-open");
        li.add(open);
        // A closed round's line leads to its record; every other line about a thing, to the thing.
        recordLink(item).or(() -> thingLink(item)).ifPresent(link -> li.add(new Span(" · "), link));
        return li;
    }

    private String sentence(HistoryItem item) {
        String subject = item.subjectName() == null ? "" : item.subjectName();
        // A line names the priority, round or saved version it is about, where the entry holds its title.
        Map<String, String> facts = item.facts();
        String title = facts.getOrDefault("title", facts.get("sourceTitle"));
        if (title == null && item.kind().startsWith("statement.")) {
            // A saved version of the statement is named by its name.
            title = facts.get("name");
        }
        if (title != null && !title.isBlank()) {
            String named = getTranslation("history.kind." + item.kind() + ".named", item.actorName(), subject, title,
                    facts.getOrDefault("targetTitle", ""));
            if (!named.startsWith("!")) {
                return named;
            }
        }
        return getTranslation("history.kind." + item.kind(), item.actorName(), subject);
    }

    /** Ids the line already names by title; a reader has no use for the number behind them. */
    private static final java.util.Set<String> INTERNAL_IDS = java.util.Set.of("priority", "round", "source",
            "target", "thread", "comment", "item");

    /**
     * An entry about a priority, a round or a saved version leads to that very thing: the tab
     * where it is, with the thing marked and brought into view ({@code ?priority=}, {@code ?round=},
     * {@code ?version=}). A merge leads to the priority that remains.
     */
    private Optional<Anchor> thingLink(HistoryItem item) {
        Map<String, String> facts = item.facts();
        String kind = item.kind();
        String tab;
        String parameter;
        String id;
        String label;
        if (kind.startsWith("priority.")) {
            tab = "priorities";
            parameter = "priority";
            id = facts.getOrDefault("priority", facts.get("target"));
            label = "history.open.priority";
        } else if (kind.startsWith("round.")) {
            tab = "rounds";
            parameter = "round";
            id = facts.get("round");
            label = "history.open.round";
        } else if (kind.startsWith("comment.") && facts.containsKey("thread")) {
            tab = "discussion";
            parameter = "thread";
            id = facts.get("thread");
            label = "history.open.thread";
        } else if (kind.startsWith("statement.version")) {
            tab = "statement";
            parameter = "version";
            id = facts.get("version");
            label = "history.open.version";
        } else {
            return Optional.empty();
        }
        if (id == null || !id.matches("\\d{1,18}")) {
            return Optional.empty();
        }
        Anchor link = new Anchor("workspace/" + workspaceId + "/" + tab + "?" + parameter + "=" + id,
                getTranslation(label));
        link.addClassName("history-thing-link");
        return Optional.of(link);
    }

    private void openEntry(HistoryItem item) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(sentence(item));
        Div facts = new Div();
        facts.addClassName("history-facts");
        fact(facts, getTranslation("history.fact.when"), Formats.dateTime(item.occurredAt(), getLocale()));
        fact(facts, getTranslation("history.fact.actor"), item.actorName());
        SideView actorSide = item.actorSideId() == null ? null : sides.get(item.actorSideId());
        fact(facts, getTranslation("history.fact.actorSide"),
                actorSide == null ? getTranslation("history.noSide") : actorSide.name());
        item.facts().forEach((key, value) -> {
            if (!INTERNAL_IDS.contains(key)) {
                fact(facts, factLabel(key), factValue(item, key, value));
            }
        });
        dialog.add(facts);
        Div links = new Div();
        links.addClassName("history-entry-links");
        recordLink(item).ifPresent(links::add);
        thingLink(item).ifPresent(links::add);
        versionLinks(item).forEach(links::add);
        if (links.getComponentCount() > 0) {
            dialog.add(links);
        }
        Button close = new Button(getTranslation("action.close"), e -> dialog.close());
        dialog.getFooter().add(close);
        dialog.setWidth("min(36rem, 95vw)");
        dialog.open();
    }

    /** An entry of a closed round leads to its decision record, which has a page of its own. */
    private Optional<Anchor> recordLink(HistoryItem item) {
        String seq = item.facts().get("record");
        if (seq == null || !seq.matches("\\d{1,18}")) {
            return Optional.empty();
        }
        Anchor link = new Anchor("workspace/" + workspaceId + "/record/" + seq,
                getTranslation("history.openRecord", Long.parseLong(seq)));
        link.addClassName("history-record-link");
        return Optional.of(link);
    }

    /** A saved version of the text leads to what changed since, and to the replay at that point. */
    private List<Anchor> versionLinks(HistoryItem item) {
        String version = item.facts().get("version");
        String textVersion = item.facts().get("statementVersion");
        if (!item.kind().startsWith("statement.version") || version == null || !version.matches("\\d{1,18}")) {
            return List.of();
        }
        List<Anchor> links = new java.util.ArrayList<>();
        Anchor compare = new Anchor("workspace/" + workspaceId + "/statement?compare=" + version,
                getTranslation("history.compareWithCurrent"));
        compare.addClassName("history-compare-link");
        links.add(compare);
        if (textVersion != null && textVersion.matches("\\d{1,9}")) {
            Anchor replay = new Anchor("workspace/" + workspaceId + "/statement?replay=" + textVersion,
                    getTranslation("history.replayToHere"));
            replay.addClassName("history-replay-link");
            links.add(replay);
        }
        return links;
    }

    private String factLabel(String key) {
        String label = getTranslation("history.fact." + key);
        return label.startsWith("!") ? key : label;
    }

    /**
     * Constants of the code (a proposal's kind, a rule, …) become their translation, a retention rule
     * its words, side ids names, roles their translation; all else is shown as stored, as text.
     */
    private String factValue(HistoryItem item, String key, String value) {
        if ("null".equals(value)) {
            return "—";
        }
        Optional<String> named = FactValues.key(item.kind(), key, value).map(k -> getTranslation(k))
                .filter(text -> !text.startsWith("!"));
        if (named.isPresent()) {
            return named.get();
        }
        if ("retention".equals(key)) {
            try {
                return RetentionText.describe((k, a) -> getTranslation(k, a), getLocale(), RetentionRule.parse(value));
            } catch (IllegalArgumentException | DomainException notARule) {
                return value;
            }
        }
        if ("true".equals(value) || "false".equals(value)) {
            return getTranslation("history.value." + value);
        }
        if (key.toLowerCase(java.util.Locale.ROOT).endsWith("side")) {
            try {
                SideView s = sides.get(Long.parseLong(value));
                return s == null ? getTranslation("history.removedSide") : s.name();
            } catch (NumberFormatException notAnId) {
                return value;
            }
        }
        if (key.toLowerCase(java.util.Locale.ROOT).endsWith("role")) {
            try {
                return getTranslation(Role.valueOf(value).messageKey());
            } catch (IllegalArgumentException notARole) {
                return value;
            }
        }
        return value;
    }

    private static void fact(Div facts, String label, String value) {
        Div row = new Div(new Span(label), new Span(value));
        row.addClassName("history-fact");
        facts.add(row);
    }
}

/** Adds the history tab to every workspace page; everyone, observers included, may read it. */
@org.springframework.stereotype.Component
class HistoryTabProvider implements WorkspaceTab.Provider {

    private final HistoryService history;
    private final HistoryExportService exports;
    private final HistoryVerification verification;

    HistoryTabProvider(HistoryService history, HistoryExportService exports, HistoryVerification verification) {
        this.history = history;
        this.exports = exports;
        this.verification = verification;
    }

    @Override
    public int order() {
        return 900;
    }

    @Override
    public String titleKey() {
        return "workspace.tab.activity";
    }

    @Override
    public String slug() {
        return "history";
    }

    @Override
    public WorkspaceTab create(long workspaceId) {
        return new HistoryTab(history, exports, verification, workspaceId);
    }
}
