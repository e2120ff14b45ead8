package dk.ligevaerd.statement.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.HtmlContainer;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.shared.WorkspaceEvent;
import dk.ligevaerd.shared.ui.AddressReader;
import dk.ligevaerd.shared.ui.Formats;
import dk.ligevaerd.shared.ui.LengthLimit;
import dk.ligevaerd.shared.ui.MissingFields;
import dk.ligevaerd.shared.ui.Notices;
import dk.ligevaerd.shared.ui.SideBadge;
import dk.ligevaerd.statement.CollabService;
import dk.ligevaerd.statement.EditorMark;
import dk.ligevaerd.statement.LiveSnapshot;
import dk.ligevaerd.statement.StatementEvents.VersionSaved;
import dk.ligevaerd.statement.StatementPanel;
import dk.ligevaerd.statement.StatementService;
import dk.ligevaerd.statement.VersionView;
import dk.ligevaerd.statement.WordDiff;
import dk.ligevaerd.statement.domain.StatementVersion;
import dk.ligevaerd.workspace.MemberView;
import dk.ligevaerd.workspace.SideView;
import dk.ligevaerd.workspace.WorkspaceDetails;
import dk.ligevaerd.workspace.WorkspaceTab;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The purpose statement: the live editor, each side's share of the text (and, on request, the text
 * coloured by side), and the saved versions with a word-level comparison of any two.
 */
class StatementTab extends Div implements WorkspaceTab {

    /** The share summary follows typing at most this often. */
    private static final long SHARES_EVERY_MS = 1_000;

    private final StatementService statements;
    private final CollabService collab;
    private final long workspaceId;
    private final Div editorSlot = new Div();
    private final Checkbox colourBySide = new Checkbox();
    private final Div shares = new Div();
    private final Div saveRow = new Div();
    private final TextField versionName = new TextField();
    private final UnorderedList versionList = new UnorderedList();
    private final Select<Choice> compareFrom = new Select<>();
    private final Select<Choice> compareTo = new Select<>();
    private final Div diff = new Div();
    private final AtomicBoolean sharesScheduled = new AtomicBoolean();
    private final ReplayPanel replay;
    private @Nullable StatementEditor editor;
    private boolean editorEditable;
    private @Nullable Long editorSide;
    private @Nullable WorkspaceDetails details;
    private @Nullable Runnable stopListening;
    /** What the address asked for, done at the next show, once the versions are listed. */
    private @Nullable Choice askedFrom;
    private @Nullable Choice askedTo;
    private boolean askedReplay;
    /** The saved version the address names ({@code ?version=12}, from a history line): marked and in view. */
    private @Nullable Long linkedVersion;
    private boolean scrollToVersion;

    private final List<StatementPanel> panels;
    /** What each panel marks in the editor, asked again only when an event concerns it. */
    private final Map<StatementPanel, List<EditorMark>> marks = new java.util.IdentityHashMap<>();

    StatementTab(StatementService statements, CollabService collab, long workspaceId, List<StatementPanel> panels) {
        this.panels = panels;
        this.statements = statements;
        this.collab = collab;
        this.workspaceId = workspaceId;
        addClassName("statement-tab");
        setId("statement-tab");

        Paragraph intro = new Paragraph(getTranslation("statement.intro"));
        intro.addClassName("muted");
        colourBySide.setLabel(getTranslation("statement.authorship.toggle"));
        colourBySide.setId("authorship-toggle");
        colourBySide.addValueChangeListener(e -> {
            if (editor != null) {
                editor.setShowAuthorship(e.getValue());
            }
        });
        shares.addClassName("statement-shares");
        shares.setId("authorship-shares");
        shares.getElement().setAttribute("aria-live", "polite");
        Div tools = new Div(colourBySide, shares);
        tools.addClassName("statement-tools");
        editorSlot.addClassName("statement-editor-slot");
        replay = new ReplayPanel(statements, collab, workspaceId);
        add(intro, tools, editorSlot);
        panels.forEach(panel -> add(panel.component()));
        add(versionsPanel(), replay);
    }

    private Component versionsPanel() {
        H3 title = new H3(getTranslation("statement.versions.title"));
        versionName.setLabel(getTranslation("field.versionName"));
        versionName.setPlaceholder(getTranslation("statement.versions.namePlaceholder"));
        LengthLimit.counted(versionName, StatementVersion.NAME_MAX_LENGTH);
        versionName.setId("version-name");
        versionName.setWidth("min(100%, 24rem)");
        Button save = new Button(getTranslation("statement.versions.save"), e -> saveVersion());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-version");
        saveRow.add(versionName, save);
        saveRow.addClassName("statement-save-version");
        versionList.addClassName("statement-version-list");
        versionList.setId("version-list");

        compareFrom.setLabel(getTranslation("statement.compare.from"));
        compareTo.setLabel(getTranslation("statement.compare.to"));
        compareFrom.setId("compare-from");
        compareTo.setId("compare-to");
        compareFrom.setItemLabelGenerator(Choice::label);
        compareFrom.setWidth("min(100%, 20rem)");
        compareTo.setWidth("min(100%, 20rem)");
        compareTo.setItemLabelGenerator(Choice::label);
        Button compare = new Button(getTranslation("statement.compare.action"), e -> compare());
        compare.setId("compare-button");
        Div compareRow = new Div(compareFrom, compareTo, compare);
        compareRow.addClassName("statement-compare");
        diff.addClassName("statement-diff");
        diff.setId("version-diff");
        diff.getElement().setAttribute("role", "region");
        diff.getElement().setAttribute("aria-label", getTranslation("statement.compare.result"));
        diff.getElement().setAttribute("aria-live", "polite");
        diff.setVisible(false);

        Div panel = new Div(title, saveRow, versionList, compareRow, diff);
        panel.addClassName("statement-versions");
        panel.setId("versions-panel");
        return panel;
    }

    @Override
    public Component component() {
        return this;
    }

    /** The text itself arrives over the editor's own connection; the bus brings saved versions. */
    @Override
    public boolean concerns(WorkspaceEvent event) {
        return event.is(VersionSaved.class) || panels.stream().anyMatch(panel -> panel.concerns(event));
    }

    /** A saved version draws the tab afresh; the panels beside the editor take their own events. */
    @Override
    public void changed(WorkspaceDetails d, List<WorkspaceEvent> events) {
        if (events.stream().anyMatch(e -> e.is(VersionSaved.class))) {
            show(d);
            return;
        }
        for (StatementPanel panel : panels) {
            List<WorkspaceEvent> its = events.stream().filter(panel::concerns).toList();
            if (!its.isEmpty()) {
                panel.changed(d, its);
                marks.put(panel, panel.marks());
            }
        }
        showMarks(d);
    }

    /** The panel that made the mark the page names, if any did: a page cannot name marks it was not sent. */
    private java.util.Optional<StatementPanel> panelMarking(String kind, long id) {
        return panels.stream().filter(panel -> marks.getOrDefault(panel, List.of()).stream()
                .anyMatch(m -> m.family().equals(kind) && m.id() == id)).findFirst();
    }

    /** The panels' passages, marked in the editor (sent only when they changed), and their actions on a selection. */
    private void showMarks(WorkspaceDetails d) {
        StatementEditor shown = editor;
        if (shown == null) {
            return;
        }
        shown.setSelectionActions(panels.stream().map(StatementPanel::selectionAction).filter(Objects::nonNull)
                .toList(), getLocale());
        Map<Long, String> names = d.sides().stream().collect(Collectors.toMap(SideView::id, SideView::name));
        shown.setMarks(panels.stream().flatMap(panel -> marks.computeIfAbsent(panel, StatementPanel::marks).stream())
                .toList(), names);
    }

    @Override
    public void show(WorkspaceDetails d) {
        this.details = d;
        saveRow.setVisible(d.canContribute());
        if (editor != null && (editorEditable != d.canContribute() || !Objects.equals(editorSide, d.me().sideId()))) {
            // The owner changed this person's role or side: the editor starts again with the new rights.
            editorSlot.remove(editor);
            editor = null;
        }
        LiveSnapshot now = collab.snapshot(workspaceId);
        if (editor == null) {
            editorEditable = d.canContribute();
            editorSide = d.me().sideId();
            editor = new StatementEditor(now, d.sides(), d.me().sideId(), getLocale());
            editor.setShowAuthorship(colourBySide.getValue());
            editor.setMarkListener((kind, id) -> panelMarking(kind, id).ifPresent(panel -> panel.openMark(kind, id)));
            editorSlot.add(editor);
        }
        showShares(now, d);
        panels.forEach(panel -> panel.show(d));
        marks.clear();
        showMarks(d);
        List<VersionView> versions = statements.versions(workspaceId);
        showVersions(d, versions);
        replay.show(d, versions, now.version());
        if (askedFrom != null) {
            compareFrom.setValue(listed(compareFrom, askedFrom));
            compareTo.setValue(askedTo == null ? listed(compareTo, new Choice(null, "")) : listed(compareTo, askedTo));
            askedFrom = null;
            askedTo = null;
            compare();
            diff.scrollIntoView();
        } else if (askedReplay) {
            replay.scrollIntoView();
        }
        askedReplay = false;
    }

    /** The listed choice equal to the one asked for, with its label. */
    private static Choice listed(Select<Choice> select, Choice asked) {
        return select.getListDataView().getItems().filter(asked::equals).findFirst().orElse(asked);
    }

    /**
     * {@code ?compare=12} compares saved version 12 with the current text ({@code &to=14} with
     * another saved version); {@code ?replay=57} opens the replay at change 57; {@code ?version=12}
     * marks saved version 12 in the list of versions and brings it into view.
     */
    @Override
    public List<String> accept(WorkspaceDetails d, Map<String, List<String>> parameters) {
        AddressReader address = new AddressReader(parameters);
        List<Long> saved = statements.versions(workspaceId).stream().map(VersionView::id).toList();
        Long from = address.id("compare", saved::contains);
        String to = address.text("to", value -> value.equals("current") || value.matches("\\d{1,18}")
                && saved.contains(Long.parseLong(value)));
        if (to != null && from == null) {
            address.reject("to");
            to = null;
        }
        askedFrom = from == null ? null : new Choice(from, "");
        askedTo = to == null ? null : new Choice(to.equals("current") ? null : Long.parseLong(to), "");
        linkedVersion = address.id("version", saved::contains);
        scrollToVersion = linkedVersion != null;
        Integer step = address.number("replay", 0, collab.snapshot(workspaceId).version());
        if (step != null) {
            replay.startAt(step);
            askedReplay = true;
        }
        return address.ignored();
    }

    @Override
    public Map<String, String> parameters() {
        return linkedVersion == null ? Map.of() : Map.of("version", String.valueOf(linkedVersion));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        stopListening = collab.listen(workspaceId, updates -> scheduleShares(ui));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (stopListening != null) {
            stopListening.run();
            stopListening = null;
        }
        super.onDetach(event);
    }

    /** Called under the statement's lock for every accepted change: only schedules, never waits. */
    private void scheduleShares(UI ui) {
        if (sharesScheduled.compareAndSet(false, true)) {
            CompletableFuture.delayedExecutor(SHARES_EVERY_MS, TimeUnit.MILLISECONDS).execute(() -> {
                try {
                    ui.access(() -> {
                        sharesScheduled.set(false);
                        if (details != null) {
                            showShares(collab.snapshot(workspaceId), details);
                        }
                    });
                } catch (UIDetachedException closed) {
                    sharesScheduled.set(false);
                }
            });
        }
    }

    private void showShares(LiveSnapshot snapshot, WorkspaceDetails d) {
        shares.removeAll();
        int total = snapshot.shares().values().stream().mapToInt(Integer::intValue).sum();
        Span heading = new Span(getTranslation("statement.authorship.shares"));
        heading.addClassName("statement-shares-heading");
        shares.add(heading);
        if (total == 0) {
            Span none = new Span(getTranslation("statement.authorship.none"));
            none.addClassName("muted");
            shares.add(none);
            return;
        }
        NumberFormat percent = NumberFormat.getPercentInstance(getLocale());
        for (SideView side : d.sides()) {
            int chars = snapshot.shares().getOrDefault(side.id(), 0);
            double fraction = chars / (double) total;
            Div row = new Div();
            row.addClassName("statement-share");
            row.getElement().setAttribute("data-side", String.valueOf(side.id()));
            Div bar = new Div();
            bar.addClassName("statement-share-bar");
            bar.getStyle().set("--side-colour", side.colour()).set("--share", String.valueOf(fraction));
            bar.getElement().setAttribute("aria-hidden", "true");
            Span figure = new Span(getTranslation("statement.authorship.share", percent.format(fraction), chars));
            figure.addClassName("statement-share-figure");
            row.add(new SideBadge(side.name(), side.colour()), bar, figure);
            shares.add(row);
        }
        // Text written by people who have since changed side is still counted, under its side then.
        int unknown = total - d.sides().stream().mapToInt(s -> snapshot.shares().getOrDefault(s.id(), 0)).sum();
        if (unknown > 0) {
            Span other = new Span(getTranslation("statement.authorship.otherSides", percent.format(unknown / (double) total)));
            other.addClassName("muted");
            shares.add(other);
        }
    }

    private void showVersions(WorkspaceDetails d, List<VersionView> all) {
        Map<Long, MemberView> members = d.members().stream()
                .collect(Collectors.toMap(MemberView::userId, Function.identity()));
        Map<Long, SideView> sides = d.sides().stream().collect(Collectors.toMap(SideView::id, Function.identity()));
        versionList.removeAll();
        if (all.isEmpty()) {
            ListItem empty = new ListItem(getTranslation("statement.versions.empty"));
            empty.addClassName("muted");
            versionList.add(empty);
        }
        for (VersionView v : all) {
            ListItem item = new ListItem();
            item.addClassName("statement-version");
            item.getElement().setAttribute("data-version", String.valueOf(v.id()));
            Span name = new Span(v.name());
            name.addClassName("statement-version-name");
            MemberView by = members.get(v.createdBy());
            Span meta = new Span(getTranslation(v.forRound() ? "statement.versions.metaRound" : "statement.versions.meta",
                    by == null ? getTranslation("history.formerMember") : by.displayName(),
                    Formats.dateTime(v.createdAt(), getLocale()), v.statementVersion()));
            meta.addClassName("muted");
            item.add(name, new Text(" "));
            SideView side = v.createdBySide() == null ? null : sides.get(v.createdBySide());
            if (side != null) {
                item.add(new SideBadge(side.name(), side.colour()), new Text(" "));
            }
            item.add(meta);
            versionList.add(item);
            if (linkedVersion != null && v.id() == linkedVersion) {
                item.addClassName("linked-item");
                item.getElement().setAttribute("aria-current", "true");
                if (scrollToVersion) {
                    item.scrollIntoView();
                    scrollToVersion = false;
                }
            }
        }
        List<Choice> choices = new ArrayList<>();
        choices.add(new Choice(null, getTranslation("statement.compare.current")));
        all.forEach(v -> choices.add(new Choice(v.id(), v.name() + " · " + Formats.date(v.createdAt(), getLocale()))));
        Choice from = compareFrom.getValue();
        Choice to = compareTo.getValue();
        compareFrom.setItems(choices);
        compareTo.setItems(choices);
        // By default the newest saved version against the current text: what changed since then.
        boolean keepFrom = from != null && from.versionId() != null && choices.contains(from);
        compareFrom.setValue(keepFrom ? from : choices.size() > 1 ? choices.get(1) : choices.getFirst());
        compareTo.setValue(choices.contains(to) ? to : choices.getFirst());
    }

    private void saveVersion() {
        if (new MissingFields().check(versionName, versionName.getValue().isBlank(),
                getTranslation("error.missing.versionName")).any()) {
            return;
        }
        try {
            statements.saveVersion(workspaceId, versionName.getValue());
            versionName.clear();
            Notices.success(this, "statement.versions.saved");
        } catch (DomainException e) {
            versionName.setInvalid(true);
            versionName.setErrorMessage(Messages.get(getLocale(), e));
        }
    }

    private void compare() {
        Choice from = compareFrom.getValue();
        Choice to = compareTo.getValue();
        if (from == null || to == null) {
            return;
        }
        List<WordDiff.Part> parts = statements.compare(workspaceId, from.versionId(), to.versionId());
        diff.removeAll();
        Paragraph legend = new Paragraph(getTranslation("statement.compare.legend", from.label(), to.label()));
        legend.addClassName("muted");
        Div text = new Div();
        text.addClassName("statement-diff-text");
        boolean changed = false;
        for (WordDiff.Part part : parts) {
            switch (part.kind()) {
                case SAME -> text.add(new Text(part.text()));
                case INSERTED -> {
                    text.add(marked(new Ins(), "statement.compare.inserted", part.text()));
                    changed = true;
                }
                case DELETED -> {
                    text.add(marked(new Del(), "statement.compare.deleted", part.text()));
                    changed = true;
                }
            }
        }
        diff.add(legend);
        if (!changed) {
            diff.add(new Paragraph(getTranslation("statement.compare.same")));
        }
        diff.add(text);
        diff.setVisible(true);
    }

    /** User text as text, between labels that only screen readers read out. */
    private HtmlContainer marked(HtmlContainer container, String labelKey, String content) {
        Span start = new Span(getTranslation(labelKey) + " ");
        start.addClassName("visually-hidden");
        Span end = new Span(" " + getTranslation("statement.compare.end"));
        end.addClassName("visually-hidden");
        container.add(start, new Text(content), end);
        return container;
    }

    /** A choice in the comparison: a saved version, or the current text when {@code versionId} is null. */
    record Choice(@Nullable Long versionId, String label) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Choice c && Objects.equals(versionId, c.versionId);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(versionId);
        }
    }

    @Tag("ins")
    static final class Ins extends HtmlContainer {
    }

    @Tag("del")
    static final class Del extends HtmlContainer {
    }
}
