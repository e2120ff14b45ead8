package dk.ligevaerd.round.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.NativeDetails;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.streams.DownloadEvent;
import dk.ligevaerd.round.BallotView;
import dk.ligevaerd.round.DecisionRule;
import dk.ligevaerd.round.RecordExportService;
import dk.ligevaerd.round.RecordView;
import dk.ligevaerd.round.RecordView.AdoptRecord;
import dk.ligevaerd.round.RecordView.OptionResult;
import dk.ligevaerd.round.RecordView.Outcome;
import dk.ligevaerd.round.RoundKind;
import dk.ligevaerd.round.rules.PrioritizeMethod;
import dk.ligevaerd.shared.ui.Markup;
import dk.ligevaerd.shared.ui.Sketch;
import dk.ligevaerd.shared.ui.Formats;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A decision record as everyone reads it: the outcome under the round's rule, each side's tally,
 * the one-person-one-vote result beside it with a notice when the two differ, objections with
 * their side, who confirmed the closing and when, the record's place in the hash chain, and links
 * to download it as PDF and JSON (and a named round's ballots as CSV).
 */
class RecordPanel extends Div {

    private final RecordExportService exports;
    private final long workspaceId;

    /**
     * @param titled whether the panel names the record itself; false on the record's own page,
     *               whose heading already does
     */
    RecordPanel(RecordView r, RecordExportService exports, long workspaceId, Locale locale, boolean titled) {
        this.exports = exports;
        this.workspaceId = workspaceId;
        addClassName("record-panel");
        getElement().setAttribute("data-record-seq", String.valueOf(r.seq()));
        List<Show.Side> sides = r.sides().stream().map(s -> new Show.Side(s.sideId(), s.name(), s.colour())).toList();
        Map<Long, Show.Side> byId = sides.stream().collect(Collectors.toMap(Show.Side::id, s -> s));

        Div headline = new Div();
        headline.addClassName("record-headline");
        if (titled) {
            headline.add(new H4(getTranslation("record.title", r.seq())));
        }
        Span outcome = Show.text(getTranslation(r.outcome().messageKey()), "outcome-badge",
                "outcome-" + r.outcome().name().toLowerCase(Locale.ROOT));
        outcome.setId("record-outcome-" + r.roundId());
        headline.add(outcome);
        // What the record shows above its ballots: drawn here, shown as one node of markup, not kept.
        Div body = new Div();
        // Laid out as if its children were the panel's own.
        body.addClassName("record-static");
        body.add(headline);

        body.add(Show.withClass(new Paragraph(settings(r)), "muted", "record-settings"));
        if (r.outcome() == Outcome.NO_DECISION) {
            String missing = r.sides().stream().filter(s -> !s.quorumMet() && !s.removed())
                    .map(s -> getTranslation("record.missedQuorum", s.name(), s.ballots(), s.quorum()))
                    .collect(Collectors.joining(" "));
            body.add(Show.withClass(new Paragraph(getTranslation("record.noDecisionExplained") + " " + missing),
                    "record-notice"));
        }

        Div turnout = new Div();
        turnout.addClassName("turnout");
        for (RecordView.SideResult side : r.sides()) {
            String text = side.removed() ? getTranslation("record.side.removed")
                    : getTranslation(side.quorumMet() ? "round.turnout.reached" : "record.turnout.missed",
                            side.ballots(), side.quorum());
            if (side.voided() > 0) {
                text += " · " + getTranslation("record.side.voided", side.voided());
            }
            Div chip = new Div(byId.get(side.sideId()).badge(), new Span(" " + text));
            chip.addClassNames("turnout-side", side.quorumMet() ? "quorum-met" : "quorum-missed");
            turnout.add(chip);
        }
        body.add(turnout);

        if (r.kind() == RoundKind.PRIORITIZE && r.prioritize() != null) {
            prioritize(body, r, sides, locale);
        } else if (r.adopt() != null) {
            adopt(body, r, r.adopt(), sides, locale);
        }

        body.add(closing(r, byId, locale));
        if (r.ballots().isEmpty() && r.secret()) {
            body.add(Show.withClass(new Paragraph(getTranslation("record.secretBallots")), "muted"));
        }
        // A record never changes: what only shows it is one node on the server, not one per element.
        add(shownAsOne(body));
        if (!r.ballots().isEmpty()) {
            add(ballots(r, byId));
        }
        Paragraph chain = new Paragraph(getTranslation("record.chain", r.seq(), Show.shortHash(r.hash()),
                Show.shortHash(r.prevHash())));
        chain.addClassNames("muted", "record-chain");
        chain.setTitle(r.hash());
        add(shownAsOne(chain));
        add(downloads(r, locale));
    }

    /**
     * A part that only shows what the record says, as one node ({@link Markup}): the same elements
     * in the browser, without a state node for each of them on the server for as long as the page
     * is open (a record's tables alone are well over a hundred), and its markup held once for all
     * the pages that show the record in the same language.
     */
    private static Markup shownAsOne(com.vaadin.flow.component.Component part) {
        return Markup.of(Sketch.of(part.getElement()));
    }

    /**
     * Links that stream the record. The export service checks membership again in the download
     * request itself; the links carry only the round and this page's language.
     */
    private HorizontalLayout downloads(RecordView r, Locale locale) {
        HorizontalLayout links = new HorizontalLayout();
        links.setWrap(true);
        links.setAlignItems(FlexComponent.Alignment.BASELINE);
        links.addClassName("record-downloads");
        links.getElement().setAttribute("role", "group");
        links.getElement().setAttribute("aria-label", getTranslation("recordExport.downloads"));
        links.add(download(r, "pdf", "application/pdf", "recordExport.download.pdf", locale));
        links.add(download(r, "json", "application/json", "recordExport.download.json", locale));
        if (exports.ballotsExportable(workspaceId, r.roundId())) {
            links.add(download(r, "csv", "text/csv; charset=UTF-8", "recordExport.download.csv", locale));
        }
        return links;
    }

    private Anchor download(RecordView r, String extension, String contentType, String labelKey, Locale locale) {
        long roundId = r.roundId();
        Anchor link = new Anchor((DownloadEvent event) -> {
            event.setFileName(exports.fileName(workspaceId, roundId, locale, extension));
            event.setContentType(contentType);
            try (OutputStream out = event.getOutputStream()) {
                switch (extension) {
                    case "pdf" -> exports.writePdf(workspaceId, roundId, locale, out);
                    case "json" -> exports.writeJson(workspaceId, roundId, out);
                    default -> exports.writeBallotsCsv(workspaceId, roundId, locale, out);
                }
            }
        }, getTranslation(labelKey));
        link.getElement().setAttribute("download", true);
        link.setId("record-download-" + extension + "-" + roundId);
        link.addClassName("download-link");
        return link;
    }

    private String settings(RecordView r) {
        StringBuilder text = new StringBuilder(getTranslation("record.rule", getTranslation(r.rule().messageKey())));
        boolean oneQuorum = r.sides().stream().allMatch(s -> s.quorum() == r.quorumPerSide());
        text.append(" · ").append(oneQuorum ? getTranslation("round.summary.quorum", r.quorumPerSide())
                : getTranslation("round.summary.quorumBySide"));
        if (r.kind() == RoundKind.PRIORITIZE) {
            text.append(" · ").append(r.method() == PrioritizeMethod.DOTS
                    ? getTranslation("round.summary.dots", r.budget(), r.capPerOption())
                    : getTranslation("round.summary.ranking"));
            text.append(" · ").append(getTranslation("round.summary.topPlaces", r.adoptTopPlaces()));
            if (r.adoptEverySide()) {
                text.append(" · ").append(getTranslation("round.summary.everySide"));
            }
        }
        text.append(" · ").append(getTranslation(r.secret() ? "round.summary.secret" : "round.summary.named"));
        text.append(" · ").append(getTranslation(r.liveTallies() ? "round.summary.live" : "round.summary.hidden"));
        return text.toString();
    }

    private void prioritize(Div body, RecordView r, List<Show.Side> sides, Locale locale) {
        RecordView.PrioritizeRecord p = r.prioritize();
        if (p == null) {
            return;
        }
        body.add(ResultTables.prioritize(this, p.options(), sides, r.outcome() == Outcome.DECIDED, locale));
        if (r.outcome() == Outcome.DECIDED) {
            body.add(Show.withClass(new Paragraph(getTranslation("record.adoptedRule", r.adoptTopPlaces())
                    + (r.adoptEverySide() ? " " + getTranslation("record.adoptedRuleEverySide") : "")), "muted"));
        }
        if (r.headCountDiffers()) {
            String order = p.byHeadCount().stream().limit(3)
                    .map(o -> o.headCountPlace() + ". " + o.title())
                    .collect(Collectors.joining(", "));
            String parityOrder = p.options().stream().limit(3)
                    .map(o -> o.parityPlace() + ". " + o.title())
                    .collect(Collectors.joining(", "));
            differs(body, getTranslation("record.differs.prioritize", parityOrder, order), r);
        } else {
            body.add(Show.withClass(new Paragraph(getTranslation("record.same.prioritize")), "muted"));
        }
    }

    private void adopt(Div body, RecordView r, AdoptRecord a, List<Show.Side> sides, Locale locale) {
        Paragraph version = new Paragraph(getTranslation("record.version", a.versionName()));
        version.addClassName("muted");
        body.add(version);
        Div text = new Div();
        text.addClassName("statement-text");
        text.setText(a.text().isEmpty() ? getTranslation("round.adopt.emptyText") : a.text());
        if (r.outcome() == Outcome.ADOPTED) {
            text.addClassName("adopted-text");
            body.add(Show.withClass(new Paragraph(getTranslation("record.adoptedText")), "record-notice"));
        }
        body.add(text);
        body.add(ResultTables.adopt(this, a.sides(), sides, r.rule() == DecisionRule.CONSENT, locale));
        String verdict = getTranslation(a.ruleAdopts() ? "record.verdict.adopt" : "record.verdict.reject");
        // Each rule's line states only what that rule decides by; consent has no percentage in it.
        body.add(new Paragraph(switch (r.rule()) {
            case SIDE_PARITY -> getTranslation("record.adopt.parity", Show.percent(a.paritySupport(), locale), verdict);
            case DOUBLE_MAJORITY -> getTranslation("record.adopt.double", verdict);
            case CONSENT -> a.objections().isEmpty() ? getTranslation("record.adopt.consentAdopted")
                    : getTranslation("record.adopt.consentBlocked", a.objections().size());
        }));
        if (r.rule() != DecisionRule.CONSENT) {
            body.add(new Paragraph(getTranslation("record.adopt.headCount", Show.percent(a.headCountSupport(), locale),
                    getTranslation(a.headCountAdopts() ? "record.verdict.adopt" : "record.verdict.reject"))));
        }
        if (r.headCountDiffers()) {
            differs(body, getTranslation("record.differs.adopt"), r);
        }
        if (!a.objections().isEmpty()) {
            body.add(new H4(getTranslation("record.objections")));
            UnorderedList list = new UnorderedList();
            list.addClassName("objection-list");
            for (RecordView.ObjectionView o : a.objections()) {
                ListItem item = new ListItem();
                r.side(o.sideId()).ifPresent(s -> item.add(new Show.Side(s.sideId(), s.name(), s.colour()).badge(),
                        new Span(" ")));
                item.add(new Span(o.reason()));
                list.add(item);
            }
            body.add(list);
        }
    }

    private void differs(Div body, String text, RecordView r) {
        Div notice = new Div(new Span(text));
        notice.addClassName("differs-notice");
        notice.setId("record-differs-" + r.roundId());
        notice.getElement().setAttribute("role", "note");
        body.add(notice);
    }

    private Div closing(RecordView r, Map<Long, Show.Side> sides, Locale locale) {
        Div closing = new Div();
        closing.addClassName("record-closing");
        String when = Formats.dateTime(r.closedAt(), locale);
        closing.add(new Paragraph(getTranslation(r.closedHow().messageKey()) + " · " + when));
        if (!r.confirmations().isEmpty()) {
            UnorderedList list = new UnorderedList();
            list.addClassName("confirmation-list");
            for (RecordView.ConfirmationView c : r.confirmations()) {
                ListItem item = new ListItem();
                Show.Side side = sides.get(c.sideId());
                if (side != null) {
                    item.add(side.badge(), new Span(" "));
                }
                item.add(new Span(getTranslation("record.confirmedBy", c.moderator().name(),
                        Formats.dateTime(c.at(), locale))));
                list.add(item);
            }
            closing.add(list);
        }
        closing.add(Show.withClass(new Paragraph(getTranslation("record.opened", r.openedBy().name(),
                Formats.dateTime(r.openedAt(), locale))), "muted"));
        return closing;
    }

    /**
     * Every ballot with its voter, behind a disclosure that starts closed. The list is drawn when the
     * disclosure is first opened: a meeting's record names dozens of ballots, and most pages that
     * show the record never open it.
     */
    private NativeDetails ballots(RecordView r, Map<Long, Show.Side> sides) {
        NativeDetails details = new NativeDetails(getTranslation("record.ballots", r.ballots().size()));
        details.addClassName("record-ballots");
        details.addToggleListener(e -> {
            if (details.isOpen() && details.getContent() == null) {
                details.setContent(shownAsOne(namedBallots(r, sides)));
            }
        });
        return details;
    }

    private UnorderedList namedBallots(RecordView r, Map<Long, Show.Side> sides) {
        UnorderedList list = new UnorderedList();
        list.addClassName("named-ballots");
        Map<Long, String> titles = r.prioritize() == null ? Map.of()
                : r.prioritize().options().stream().collect(Collectors.toMap(OptionResult::id, OptionResult::title));
        for (RecordView.NamedBallot b : r.ballots()) {
            ListItem item = new ListItem();
            Show.Side side = sides.get(b.sideId());
            if (side != null) {
                item.add(side.badge(), new Span(" "));
            }
            item.add(Show.text(b.voter().name() + ": ", "member-name"), new Span(summary(r, b.ballot(), titles)));
            list.add(item);
        }
        return list;
    }

    private String summary(RecordView r, BallotView b, Map<Long, String> titles) {
        if (r.kind() == RoundKind.ADOPT) {
            String vote = b.vote() == null ? "" : getTranslation("round.vote." + b.vote().name().toLowerCase(Locale.ROOT));
            return b.reason() == null ? vote : vote + " – " + b.reason();
        }
        if (r.method() == PrioritizeMethod.DOTS) {
            if (b.points().isEmpty()) {
                return getTranslation("round.ballot.empty");
            }
            return b.points().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> titles.getOrDefault(e.getKey(), "?") + " " + e.getValue())
                    .collect(Collectors.joining(", "));
        }
        if (b.order().isEmpty()) {
            return getTranslation("round.ballot.empty");
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < b.order().size(); i++) {
            if (i > 0) {
                text.append(", ");
            }
            text.append(i + 1).append(". ").append(titles.getOrDefault(b.order().get(i), "?"));
        }
        return text.toString();
    }
}
