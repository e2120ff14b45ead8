package dk.ligevaerd.statement.ui;

import com.vaadin.flow.component.HtmlContainer;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import dk.ligevaerd.shared.ui.Formats;
import dk.ligevaerd.shared.ui.SideBadge;
import dk.ligevaerd.statement.ReplayFrame;
import dk.ligevaerd.statement.ReplayStep;
import dk.ligevaerd.workspace.MemberView;
import dk.ligevaerd.workspace.SideView;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What the replay shows of one step, apart from its controls: a caption naming whose change it is,
 * for which side and when; a summary of what it did; each side's share of the text; and the text
 * itself coloured by the side that wrote each stretch, with what the change added highlighted and
 * what it removed struck through. {@link ReplayPanel} decides which step to show and when; this
 * draws it. User text is only ever set as text, never as HTML.
 */
final class ReplayFrameView {

    /** Longer removals are shortened in the text, with the number of characters left out. */
    static final int REMOVED_SHOWN = 280;
    /** Scrolls the text box, not the page, so that what the change did is in view. */
    private static final String SCROLL_TO_CHANGE = """
            const change = this.querySelector('mark, del');
            if (change) {
              const top = change.offsetTop, bottom = top + change.offsetHeight;
              if (top < this.scrollTop || bottom > this.scrollTop + this.clientHeight) {
                this.scrollTop = Math.max(0, top - this.clientHeight / 3);
              }
            }""";

    final Div caption = new Div();
    final Div summary = new Div();
    final UnorderedList legend = new UnorderedList();
    final Div text = new Div();

    /** Saved versions' names by the number of changes they were taken at. */
    private Map<Integer, String> savedAt = Map.of();
    private Map<Long, MemberView> members = Map.of();
    private Map<Long, SideView> sides = Map.of();
    private List<SideView> sideOrder = List.of();

    /** The page's language, for dates and percentages. */
    private final Supplier<Locale> locale;

    ReplayFrameView(Supplier<Locale> locale) {
        this.locale = locale;
        caption.setId("replay-caption");
        caption.addClassName("replay-caption");
        caption.getElement().setAttribute("aria-live", "polite");
        summary.setId("replay-summary");
        summary.addClassName("replay-summary");
        legend.setId("replay-legend");
        legend.addClassName("replay-legend");
        legend.getElement().setAttribute("aria-label", t("statement.replay.legend"));
        text.setId("replay-text");
        text.addClassName("replay-text");
        text.getElement().setAttribute("role", "region");
        text.getElement().setAttribute("aria-label", t("statement.replay.text"));
        // A box that scrolls must be reachable by keyboard to be scrolled.
        text.getElement().setAttribute("tabindex", "0");
    }

    /**
     * Takes the workspace's people, sides and saved versions, for names and colours.
     *
     * @return whether anything drawn from them has changed, so the step shown must be drawn again
     */
    boolean know(Map<Long, MemberView> newMembers, List<SideView> newSides, Map<Integer, String> newSavedAt) {
        boolean changed = !newMembers.equals(members) || !newSides.equals(sideOrder) || !newSavedAt.equals(savedAt);
        members = newMembers;
        sideOrder = newSides;
        sides = new HashMap<>();
        newSides.forEach(side -> sides.put(side.id(), side));
        savedAt = newSavedAt;
        return changed;
    }

    /** Whether the caption is read out as it changes (not while playing, to spare screen readers). */
    void announce(boolean on) {
        caption.getElement().setAttribute("aria-live", on ? "polite" : "off");
    }

    /**
     * Draws one step: the caption naming whose change it is, the summary of what it did, the
     * sides' shares and the coloured text.
     *
     * @param label       what the step is, as the slider says it
     * @param change      the change the step ends at, or null for the empty start
     * @param startCaption the caption for the empty start
     */
    void show(String label, @Nullable ReplayStep change, String startCaption, ReplayFrame frame) {
        summary.removeAll();
        if (change == null) {
            caption.removeAll();
            caption.setText(startCaption);
            summary.setText(t("statement.replay.startSummary"));
        } else {
            showCaption(label, change, frame);
        }
        showLegend(frame);
        showText(frame);
    }

    private void showCaption(String label, ReplayStep change, ReplayFrame frame) {
        // The side as a badge in its colour, the colour its text has below.
        SideView side = sides.get(change.sideId());
        Span sideBadge = side == null ? formerSideBadge(t("statement.replay.formerSide"))
                : new SideBadge(side.name(), side.colour());
        Time at = new Time();
        at.setText(Formats.dateTime(change.acceptedAt(), locale()));
        at.getElement().setAttribute("datetime", change.acceptedAt().toString());
        caption.removeAll();
        caption.add(new Text(label + " · "
                + nameOf(change.authorId()) + " · "), sideBadge, new Text(" · "), at);
        List<String> parts = new ArrayList<>();
        if (frame.insertedLength() > 0) {
            parts.add(t("statement.replay.added", frame.insertedLength()));
        }
        if (frame.removedLength() > 0) {
            parts.add(t("statement.replay.removed", frame.removedLength()));
        }
        if (parts.isEmpty()) {
            parts.add(t("statement.replay.unchanged"));
        }
        String saved = savedAt.get(frame.version());
        if (saved != null) {
            parts.add(t("statement.replay.savedAs", saved));
        }
        summary.setText(String.join(" · ", parts));
    }

    private void showLegend(ReplayFrame frame) {
        legend.removeAll();
        Map<Long, Integer> chars = new HashMap<>();
        frame.authorship().forEach(s -> chars.merge(s.sideId(), s.to() - s.from(), Integer::sum));
        int total = frame.text().length();
        NumberFormat percent = NumberFormat.getPercentInstance(locale());
        for (SideView side : sideOrder) {
            ListItem item = new ListItem(new SideBadge(side.name(), side.colour()));
            item.addClassName("replay-legend-side");
            item.getElement().setAttribute("data-side", String.valueOf(side.id()));
            if (total > 0) {
                item.add(new Span(percent.format(chars.getOrDefault(side.id(), 0) / (double) total)));
            }
            legend.add(item);
        }
        int former = chars.entrySet().stream().filter(e -> !sides.containsKey(e.getKey()))
                .mapToInt(Map.Entry::getValue).sum();
        if (former > 0) {
            ListItem item = new ListItem(formerSideBadge(t("statement.replay.formerSides")),
                    new Span(percent.format(former / (double) total)));
            item.addClassName("replay-legend-side");
            legend.add(item);
        }
        Mark added = new Mark();
        added.addClassName("replay-inserted");
        added.setText(t("statement.replay.legendAdded"));
        Struck removed = new Struck();
        removed.addClassName("replay-removed");
        removed.setText(t("statement.replay.legendRemoved"));
        ListItem key = new ListItem(added, removed);
        key.addClassName("replay-legend-key");
        legend.add(key);
    }

    /**
     * The text in stretches by one author each, cut where the change inserted something so that
     * the insertion can be highlighted; what the change removed is shown struck through where it
     * stood, before what replaced it.
     */
    private void showText(ReplayFrame frame) {
        text.removeAll();
        String content = frame.text();
        List<ReplayFrame.Edit> edits = frame.edits();
        if (content.isEmpty() && frame.removedLength() == 0) {
            Span nothing = new Span(t("statement.replay.emptyText"));
            nothing.addClassName("muted");
            text.add(nothing);
            return;
        }
        TreeSet<Integer> cuts = new TreeSet<>(List.of(0, content.length()));
        frame.authorship().forEach(s -> {
            cuts.add(s.from());
            cuts.add(s.to());
        });
        edits.forEach(e -> {
            cuts.add(e.from());
            cuts.add(e.to());
        });
        List<ReplayFrame.AuthorSpan> spans = frame.authorship();
        int span = 0;
        int removal = 0;
        int insertion = 0;
        Integer from = cuts.first();
        for (Integer to = cuts.higher(from); ; from = to, to = cuts.higher(to)) {
            while (removal < edits.size() && edits.get(removal).from() <= from) {
                showRemoved(edits.get(removal++));
            }
            if (to == null) {
                break;
            }
            while (spans.get(span).to() <= from) {
                span++;
            }
            while (insertion < edits.size() && edits.get(insertion).to() <= from) {
                insertion++;
            }
            String piece = content.substring(from, to);
            boolean inserted = insertion < edits.size() && edits.get(insertion).from() <= from;
            text.add(inserted ? insertedPiece(piece, spans.get(span)) : run(new Span(), piece, spans.get(span)));
        }
        if (!edits.isEmpty()) {
            text.getElement().executeJs(SCROLL_TO_CHANGE);
        }
    }

    private void showRemoved(ReplayFrame.Edit edit) {
        String removed = edit.removed();
        if (removed.isEmpty()) {
            return;
        }
        Struck struck = new Struck();
        struck.addClassName("replay-removed");
        struck.add(hidden(t("statement.replay.removedStart") + " "));
        if (removed.length() > REMOVED_SHOWN) {
            struck.add(new Text(removed.substring(0, REMOVED_SHOWN)));
            Span more = new Span(t("statement.replay.removedMore", removed.length() - REMOVED_SHOWN));
            more.addClassName("replay-removed-more");
            struck.add(more);
        } else {
            struck.add(new Text(removed));
        }
        struck.add(hidden(" " + t("statement.compare.end")));
        text.add(struck);
    }

    private HtmlContainer insertedPiece(String piece, ReplayFrame.AuthorSpan span) {
        Mark mark = new Mark();
        run(mark, "", span);
        mark.addClassName("replay-inserted");
        mark.add(hidden(t("statement.replay.addedStart") + " "), new Text(piece),
                hidden(" " + t("statement.compare.end")));
        return mark;
    }

    /** A stretch of text on the colour of the side that wrote it, named on hover. */
    private HtmlContainer run(HtmlContainer container, String piece, ReplayFrame.AuthorSpan span) {
        container.addClassName("replay-run");
        SideView side = sides.get(span.sideId());
        if (side == null) {
            container.addClassName("replay-former");
        } else {
            container.getStyle().set("--side-colour", side.colour());
        }
        container.getElement().setAttribute("data-side", String.valueOf(span.sideId()));
        container.getElement().setAttribute("title",
                t("statement.replay.writtenBy", nameOf(span.userId()), sideNameOf(span.sideId())));
        if (!piece.isEmpty()) {
            container.setText(piece);
        }
        return container;
    }

    private Span formerSideBadge(String label) {
        Span badge = new Span(label);
        badge.addClassName("replay-former-badge");
        return badge;
    }

    private Span hidden(String label) {
        Span span = new Span(label);
        span.addClassName("visually-hidden");
        return span;
    }

    private String nameOf(long userId) {
        MemberView member = members.get(userId);
        return member == null ? t("history.formerMember") : member.displayName();
    }

    private String sideNameOf(long sideId) {
        SideView side = sides.get(sideId);
        return side == null ? t("statement.replay.formerSide") : side.name();
    }


    private String t(String key, Object... params) {
        return caption.getTranslation(key, params);
    }

    private Locale locale() {
        return locale.get();
    }

    /** When the change shown was accepted, readable by machines too. */
    @Tag("time")
    static final class Time extends HtmlContainer {
    }

    /** What the change shown inserted. */
    @Tag("mark")
    static final class Mark extends HtmlContainer {
    }

    /** What the change shown removed. */
    @Tag("del")
    static final class Struck extends HtmlContainer {
    }
}
