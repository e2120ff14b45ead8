package dk.ligevaerd.round;

import dk.ligevaerd.history.PdfText;
import dk.ligevaerd.round.RecordView.AdoptRecord;
import dk.ligevaerd.round.RecordView.ConfirmationView;
import dk.ligevaerd.round.RecordView.NamedBallot;
import dk.ligevaerd.round.RecordView.ObjectionView;
import dk.ligevaerd.round.RecordView.OptionResult;
import dk.ligevaerd.round.RecordView.Outcome;
import dk.ligevaerd.round.RecordView.PrioritizeRecord;
import dk.ligevaerd.round.RecordView.SideResult;
import dk.ligevaerd.round.RecordView.SideScore;
import dk.ligevaerd.round.RecordView.SideVotes;
import dk.ligevaerd.round.rules.Fraction;
import dk.ligevaerd.round.rules.PrioritizeMethod;
import dk.ligevaerd.round.rules.Vote;
import dk.ligevaerd.shared.Messages;
import java.awt.Color;
import java.io.OutputStream;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.FontFactory;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfWriter;

/**
 * One decision record as a PDF for the case file, in the reader's language: what was decided, the
 * equal-weight result beside the head-count result, the rule and settings, turnout and quorum per
 * side, objections, opening and closing, the ballots of a named round, and the record's place in
 * the hash chain. Every page carries the workspace, the export date and "page X of Y".
 */
final class RecordPdf {

    private static final Font MONO = FontFactory.getFont(FontFactory.COURIER, "Cp1252", 8);
    private static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");
    /** Long ballot tables go to the document in parts, so a large round is not held twice in memory. */
    private static final int ROWS_PER_PART = 500;

    private final RecordView r;
    private final String workspace;
    private final Locale locale;
    private final Instant exportedAt;
    private final DateTimeFormatter when;
    private final Map<Long, String> sideNames;

    RecordPdf(RecordView record, String workspace, Locale locale, Instant exportedAt) {
        this.r = record;
        this.workspace = workspace;
        this.locale = locale;
        this.exportedAt = exportedAt;
        this.when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .withZone(ZONE);
        this.sideNames = record.sides().stream().collect(Collectors.toMap(SideResult::sideId, SideResult::name));
    }

    void write(OutputStream out) {
        Document pdf = new Document(PageSize.A4, 48, 48, 56, 64);
        PdfWriter writer = PdfWriter.getInstance(pdf, out);
        writer.setPageEvent(new Footer());
        String heading = msg("recordExport.pdf.heading", r.seq(), r.title());
        pdf.addTitle(workspace + " – " + heading);
        pdf.addSubject(heading);
        pdf.addCreator("Ligeværd");
        pdf.open();
        pdf.add(new Paragraph(workspace, PdfText.TITLE));
        Paragraph title = new Paragraph(heading, PdfText.HEADING);
        title.setSpacingBefore(4);
        pdf.add(title);
        pdf.add(new Paragraph(msg("recordExport.pdf.exported", at(exportedAt)), PdfText.SMALL));

        decided(pdf);
        comparison(pdf);
        settings(pdf);
        turnout(pdf);
        closing(pdf);
        ballots(pdf);
        chain(pdf);
        pdf.close();
    }

    // ---- what was decided -----------------------------------------------------------------------

    private void decided(Document pdf) {
        heading(pdf, "recordExport.pdf.decided");
        pdf.add(new Paragraph(msg("recordExport.pdf.outcome", msg(r.outcome().messageKey())), PdfText.BOLD));
        if (r.outcome() == Outcome.NO_DECISION) {
            StringBuilder text = new StringBuilder(msg("record.noDecisionExplained"));
            r.sides().stream().filter(s -> !s.quorumMet() && !s.removed())
                    .forEach(s -> text.append(' ').append(msg("record.missedQuorum", s.name(), s.ballots(),
                            s.quorum())));
            pdf.add(new Paragraph(text.toString(), PdfText.BODY));
        }
        if (r.prioritize() != null) {
            prioritize(pdf, r.prioritize());
        } else if (r.adopt() != null) {
            adopt(pdf, r.adopt());
        }
    }

    private void prioritize(Document pdf, PrioritizeRecord p) {
        boolean decided = r.outcome() == Outcome.DECIDED;
        List<String> headers = new ArrayList<>(List.of(msg("round.result.place"), msg("round.result.priority"),
                msg("round.result.parity")));
        List<Float> widths = new ArrayList<>(List.of(1.4f, 4f, 1.8f));
        for (SideResult side : r.sides()) {
            headers.add(side.name());
            widths.add(2.2f);
        }
        headers.add(msg("round.result.headCount"));
        widths.add(2.2f);
        headers.add(msg("round.result.adopted"));
        widths.add(2f);
        PdfPTable table = PdfText.table(floats(widths), headers.toArray(String[]::new));
        boolean anyTie = false;
        for (OptionResult o : p.options()) {
            boolean tie = p.parityTie(o);
            anyTie |= tie;
            table.addCell(PdfText.cell(place(o.parityPlace(), tie)));
            table.addCell(PdfText.cell(o.title() + (tie ? " (" + msg("round.result.tie") + ")" : "")));
            table.addCell(PdfText.cell(percent(o.parityScore())));
            for (SideResult side : r.sides()) {
                SideScore score = o.side(side.sideId()).orElse(new SideScore(side.sideId(), 0, Fraction.ZERO));
                table.addCell(PdfText.cell(msg("round.result.sideCell", score.points(), percent(score.score()))));
            }
            table.addCell(PdfText.cell(place(o.headCountPlace(), p.headCountTie(o)) + " · "
                    + percent(o.headCountScore())));
            table.addCell(PdfText.cell(!decided ? "—"
                    : msg(o.adopted() ? "recordExport.pdf.yes" : "recordExport.pdf.no")));
        }
        pdf.add(new Paragraph(msg("round.result.caption"), PdfText.SMALL));
        pdf.add(table);
        if (anyTie) {
            pdf.add(new Paragraph(msg("round.result.tieNote"), PdfText.SMALL));
        }
        if (decided) {
            String adopted = p.options().stream().filter(OptionResult::adopted).map(OptionResult::title)
                    .collect(Collectors.joining(", "));
            pdf.add(new Paragraph(adopted.isEmpty() ? msg("recordExport.pdf.noneAdopted")
                    : msg("recordExport.pdf.adoptedPriorities", adopted), PdfText.BOLD));
            pdf.add(new Paragraph(msg("record.adoptedRule", r.adoptTopPlaces())
                    + (r.adoptEverySide() ? " " + msg("record.adoptedRuleEverySide") : ""), PdfText.BODY));
        }
    }

    private void adopt(Document pdf, AdoptRecord a) {
        pdf.add(new Paragraph(msg("record.version", a.versionName()), PdfText.BODY));
        pdf.add(new Paragraph(msg(r.outcome() == Outcome.ADOPTED ? "record.adoptedText"
                : "recordExport.pdf.textVotedOn"), PdfText.BOLD));
        // As paragraphs rather than a table cell: a long text then flows over pages like any text.
        Paragraph text = new Paragraph(a.text().isEmpty() ? msg("round.adopt.emptyText") : a.text(), PdfText.BODY);
        text.setIndentationLeft(16);
        text.setIndentationRight(16);
        text.setSpacingBefore(4);
        text.setSpacingAfter(8);
        pdf.add(text);

        boolean consent = r.rule() == DecisionRule.CONSENT;
        List<String> headers = new ArrayList<>(List.of(msg("round.result.side"), msg("round.vote.yes"),
                msg("round.vote.no"), msg("round.vote.abstain")));
        // Consent decides by objections alone, so it shows them instead of a support it never uses.
        headers.add(consent ? msg("round.vote.object") : msg("round.result.support"));
        float[] widths = consent ? new float[] {3, 1, 1, 1, 1} : new float[] {3, 1, 1, 1, 1.5f};
        PdfPTable votes = PdfText.table(widths, headers.toArray(String[]::new));
        for (SideResult side : r.sides()) {
            SideVotes v = a.side(side.sideId()).orElse(new SideVotes(side.sideId(), 0, 0, 0, 0, Fraction.HALF));
            votes.addCell(PdfText.cell(side.name()));
            votes.addCell(PdfText.cell(String.valueOf(v.yes())));
            votes.addCell(PdfText.cell(String.valueOf(v.no())));
            votes.addCell(PdfText.cell(String.valueOf(v.abstain())));
            votes.addCell(PdfText.cell(consent ? String.valueOf(v.object()) : percent(v.support())));
        }
        pdf.add(new Paragraph(msg("round.result.votesCaption"), PdfText.SMALL));
        pdf.add(votes);
        String verdict = msg(a.ruleAdopts() ? "record.verdict.adopt" : "record.verdict.reject");
        pdf.add(new Paragraph(switch (r.rule()) {
            case SIDE_PARITY -> msg("record.adopt.parity", percent(a.paritySupport()), verdict);
            case DOUBLE_MAJORITY -> msg("record.adopt.double", verdict);
            case CONSENT -> a.objections().isEmpty() ? msg("record.adopt.consentAdopted")
                    : msg("record.adopt.consentBlocked", a.objections().size());
        }, PdfText.BODY));
        if (!consent) {
            pdf.add(new Paragraph(msg("record.adopt.headCount", percent(a.headCountSupport()),
                    msg(a.headCountAdopts() ? "record.verdict.adopt" : "record.verdict.reject")), PdfText.BODY));
        }
        if (consent) {
            objections(pdf, a);
        }
    }

    /** Every objection with its side; in a named round also with the objector, found among the ballots. */
    private void objections(Document pdf, AdoptRecord a) {
        heading(pdf, "record.objections");
        if (a.objections().isEmpty()) {
            pdf.add(new Paragraph(msg("recordExport.pdf.noObjections"), PdfText.BODY));
            return;
        }
        boolean named = !r.secret();
        PdfPTable table = named
                ? PdfText.table(new float[] {2, 2, 5}, msg("recordExport.label.side"), msg("recordExport.label.voter"),
                        msg("recordExport.label.reason"))
                : PdfText.table(new float[] {2, 7}, msg("recordExport.label.side"), msg("recordExport.label.reason"));
        Set<NamedBallot> used = new HashSet<>();
        for (ObjectionView o : a.objections()) {
            table.addCell(PdfText.cell(sideNames.getOrDefault(o.sideId(), "")));
            if (named) {
                String objector = r.ballots().stream()
                        .filter(b -> !used.contains(b) && b.sideId() == o.sideId() && b.ballot().vote() == Vote.OBJECT
                                && o.reason().equals(b.ballot().reason()))
                        .findFirst().map(b -> {
                            used.add(b);
                            return b.voter().name();
                        }).orElse("");
                table.addCell(PdfText.cell(objector));
            }
            table.addCell(PdfText.cell(o.reason()));
        }
        pdf.add(table);
    }

    // ---- equal weight beside one person, one vote -------------------------------------------------

    private void comparison(Document pdf) {
        heading(pdf, "recordExport.pdf.comparison");
        PdfPTable table = PdfText.table(new float[] {1, 1}, msg("round.result.parity"), msg("round.result.headCount"));
        String sentence;
        if (r.prioritize() != null) {
            PrioritizeRecord p = r.prioritize();
            List<OptionResult> parity = p.options();
            List<OptionResult> headCount = p.byHeadCount();
            for (int i = 0; i < parity.size(); i++) {
                OptionResult left = parity.get(i);
                OptionResult right = headCount.get(i);
                table.addCell(PdfText.cell(numbered(left.parityPlace(), p.parityTie(left), left.title()) + " · "
                        + percent(left.parityScore())));
                table.addCell(PdfText.cell(numbered(right.headCountPlace(), p.headCountTie(right), right.title())
                        + " · " + percent(right.headCountScore())));
            }
            if (r.headCountDiffers()) {
                sentence = msg("record.differs.prioritize", order(parity, true), order(headCount, false));
            } else {
                sentence = msg("record.same.prioritize");
            }
        } else {
            AdoptRecord a = Objects.requireNonNull(r.adopt());
            table.addCell(PdfText.cell(msg("recordExport.pdf.support", percent(a.paritySupport()),
                    msg(a.ruleAdopts() ? "record.verdict.adopt" : "record.verdict.reject"))));
            table.addCell(PdfText.cell(msg("recordExport.pdf.support", percent(a.headCountSupport()),
                    msg(a.headCountAdopts() ? "record.verdict.adopt" : "record.verdict.reject"))));
            sentence = msg(r.headCountDiffers() ? "record.differs.adopt" : "recordExport.pdf.sameAdopt");
        }
        pdf.add(table);
        pdf.add(new Paragraph(sentence, r.headCountDiffers() ? PdfText.BOLD : PdfText.BODY));
        if (r.outcome() == Outcome.NO_DECISION) {
            pdf.add(new Paragraph(msg("recordExport.pdf.comparisonWithoutDecision"), PdfText.SMALL));
        }
    }

    private String order(List<OptionResult> options, boolean parity) {
        return options.stream().limit(3)
                .map(o -> (parity ? o.parityPlace() : o.headCountPlace()) + ". " + o.title())
                .collect(Collectors.joining(", "));
    }

    // ---- rule and settings ------------------------------------------------------------------------

    private void settings(Document pdf) {
        heading(pdf, "recordExport.pdf.settings");
        PdfPTable facts = facts();
        fact(facts, "recordExport.pdf.setting.subject", msg(r.kind().messageKey()));
        String rule = msg(r.rule().messageKey()) + " – " + (r.kind() == RoundKind.PRIORITIZE
                ? msg("recordExport.pdf.ruleForPriorities")
                : msg("round.rule.help." + r.rule().name().toLowerCase(Locale.ROOT)));
        fact(facts, "recordExport.pdf.setting.rule", rule);
        String voting;
        if (r.kind() == RoundKind.ADOPT) {
            voting = msg(r.rule() == DecisionRule.CONSENT ? "recordExport.pdf.adoptVotingConsent"
                    : "recordExport.pdf.adoptVoting");
        } else if (r.method() == PrioritizeMethod.DOTS) {
            voting = msg("round.method.dots") + " – " + msg("round.summary.dots", r.budget(), r.capPerOption());
        } else {
            int options = r.prioritize() == null ? 0 : r.prioritize().options().size();
            voting = msg("round.method.ranking") + " – "
                    + msg("recordExport.pdf.rankingPoints", Math.max(0, options - 1));
        }
        fact(facts, "recordExport.pdf.setting.voting", voting);
        if (r.kind() == RoundKind.PRIORITIZE) {
            fact(facts, "recordExport.pdf.setting.topPlaces", msg("round.summary.topPlaces", r.adoptTopPlaces()));
            if (r.adoptEverySide()) {
                fact(facts, "recordExport.pdf.setting.everySide", msg("record.adoptedRuleEverySide"));
            }
        }
        fact(facts, "recordExport.pdf.setting.quorum", r.sides().stream().allMatch(s -> s.quorum() == r.quorumPerSide())
                ? msg("round.summary.quorum", r.quorumPerSide()) : msg("round.summary.quorumBySide"));
        fact(facts, "recordExport.pdf.setting.tallies",
                msg(r.liveTallies() ? "round.summary.live" : "round.summary.hidden"));
        fact(facts, "recordExport.pdf.setting.ballots",
                msg(r.secret() ? "round.summary.secret" : "round.summary.named"));
        fact(facts, "recordExport.pdf.setting.closesAt",
                r.closesAt() == null ? msg("recordExport.pdf.noClosingTime") : at(r.closesAt()));
        pdf.add(facts);
    }

    // ---- turnout and quorum -------------------------------------------------------------------------

    private void turnout(Document pdf) {
        heading(pdf, "recordExport.pdf.turnout");
        PdfPTable table = PdfText.table(new float[] {3, 1.5f, 1.5f, 1.5f}, msg("recordExport.label.side"),
                msg("recordExport.label.ballots"), msg("recordExport.label.quorumNeeded"),
                msg("recordExport.label.quorum"));
        for (SideResult side : r.sides()) {
            table.addCell(PdfText.cell(side.name()));
            table.addCell(PdfText.cell(String.valueOf(side.ballots())));
            table.addCell(PdfText.cell(String.valueOf(side.quorum())));
            String met = msg(side.removed() ? "record.side.removed" : side.quorumMet() ? "recordExport.pdf.quorumMet"
                    : "recordExport.pdf.quorumMissed");
            table.addCell(PdfText.cell(side.voided() > 0 ? met + " · " + msg("record.side.voided", side.voided())
                    : met));
        }
        table.addCell(bold(msg("recordExport.pdf.allSides")));
        table.addCell(bold(String.valueOf(r.totalBallots())));
        table.addCell(PdfText.cell(""));
        table.addCell(PdfText.cell(""));
        pdf.add(table);
    }

    // ---- opening and closing ------------------------------------------------------------------------

    private void closing(Document pdf) {
        heading(pdf, "recordExport.pdf.process");
        pdf.add(new Paragraph(msg("record.opened", r.openedBy().name(), at(r.openedAt())), PdfText.BODY));
        pdf.add(new Paragraph(msg(r.closedHow().messageKey()) + " · " + at(r.closedAt()), PdfText.BODY));
        if (r.closedBy() != null) {
            pdf.add(new Paragraph(msg("recordExport.pdf.closedBy", r.closedBy().name()), PdfText.BODY));
        }
        if (!r.confirmations().isEmpty()) {
            PdfPTable table = PdfText.table(new float[] {2, 3, 2}, msg("recordExport.label.side"),
                    msg("recordExport.label.moderator"), msg("recordExport.label.confirmedAt"));
            for (ConfirmationView c : r.confirmations()) {
                table.addCell(PdfText.cell(sideNames.getOrDefault(c.sideId(), "")));
                table.addCell(PdfText.cell(c.moderator().name()));
                table.addCell(PdfText.cell(at(c.at())));
            }
            pdf.add(table);
        }
    }

    // ---- ballots ------------------------------------------------------------------------------------

    private void ballots(Document pdf) {
        if (r.secret()) {
            heading(pdf, "recordExport.pdf.ballots");
            pdf.add(new Paragraph(msg("record.secretBallots"), PdfText.BODY));
            return;
        }
        heading(pdf, "record.ballots", r.ballots().size());
        if (r.ballots().isEmpty()) {
            pdf.add(new Paragraph(msg("recordExport.pdf.noBallots"), PdfText.BODY));
            return;
        }
        Map<Long, String> titles = r.prioritize() == null ? Map.of()
                : r.prioritize().options().stream().collect(Collectors.toMap(OptionResult::id, OptionResult::title));
        PdfPTable table = PdfText.table(new float[] {2.5f, 2, 4.5f, 2.5f}, msg("recordExport.label.voter"),
                msg("recordExport.label.side"), msg("recordExport.label.ballot"), msg("recordExport.label.castAt"));
        table.setComplete(false);
        int rows = 0;
        for (NamedBallot b : r.ballots()) {
            table.addCell(PdfText.cell(b.voter().name()));
            table.addCell(PdfText.cell(sideNames.getOrDefault(b.sideId(), "")));
            table.addCell(PdfText.cell(summary(b.ballot(), titles)));
            table.addCell(PdfText.cell(at(b.ballot().castAt())));
            if (++rows % ROWS_PER_PART == 0) {
                pdf.add(table);
            }
        }
        table.setComplete(true);
        pdf.add(table);
    }

    private String summary(BallotView b, Map<Long, String> titles) {
        if (r.kind() == RoundKind.ADOPT) {
            String vote = b.vote() == null ? "" : msg("round.vote." + b.vote().name().toLowerCase(Locale.ROOT));
            return b.reason() == null ? vote : vote + " – " + b.reason();
        }
        if (r.method() == PrioritizeMethod.DOTS) {
            if (b.points().isEmpty()) {
                return msg("round.ballot.empty");
            }
            return r.prioritize() == null ? "" : r.prioritize().options().stream()
                    .filter(o -> b.points().containsKey(o.id()))
                    .map(o -> o.title() + ": " + b.points().get(o.id()))
                    .collect(Collectors.joining(", "));
        }
        if (b.order().isEmpty()) {
            return msg("round.ballot.empty");
        }
        List<String> places = new ArrayList<>();
        for (int i = 0; i < b.order().size(); i++) {
            places.add((i + 1) + ". " + titles.getOrDefault(b.order().get(i), "?"));
        }
        return String.join(", ", places);
    }

    // ---- the hash chain -----------------------------------------------------------------------------

    private void chain(Document pdf) {
        heading(pdf, "recordExport.pdf.chain");
        PdfPTable facts = facts();
        fact(facts, "recordExport.label.seq", String.valueOf(r.seq()));
        fact(facts, "recordExport.pdf.recordedAt", at(r.recordedAt()));
        facts.addCell(bold(msg("recordExport.pdf.hash")));
        facts.addCell(mono(r.hash()));
        facts.addCell(bold(msg("recordExport.pdf.prevHash")));
        facts.addCell(mono(r.prevHash()));
        pdf.add(facts);
        pdf.add(new Paragraph(msg("recordExport.pdf.chainHelp"), PdfText.SMALL));
    }

    // ---- helpers ------------------------------------------------------------------------------------

    /**
     * A date and time in the reader's language. English formats put a narrow no-break space before
     * "AM"/"PM", which the Cp1252 fonts lack; a plain no-break space keeps the two together.
     */
    private String at(Instant instant) {
        return when.format(instant).replace('\u202F', '\u00A0');
    }

    private String msg(String key, Object... arguments) {
        return Messages.get(locale, key, arguments);
    }

    private void heading(Document pdf, String key, Object... arguments) {
        Paragraph heading = new Paragraph(msg(key, arguments), PdfText.HEADING);
        heading.setSpacingBefore(12);
        heading.setSpacingAfter(4);
        pdf.add(heading);
    }

    private static PdfPTable facts() {
        PdfPTable table = new PdfPTable(new float[] {2, 5});
        table.setWidthPercentage(100);
        table.setSpacingBefore(4);
        table.setSpacingAfter(8);
        return table;
    }

    private void fact(PdfPTable table, String labelKey, String value) {
        table.addCell(bold(msg(labelKey)));
        table.addCell(PdfText.cell(value));
    }

    private static PdfPCell bold(String text) {
        PdfPCell cell = new PdfPCell(new Phrase(text, PdfText.BOLD));
        cell.setPadding(4);
        return cell;
    }

    private static PdfPCell mono(String text) {
        PdfPCell cell = new PdfPCell(new Phrase(text, MONO));
        cell.setPadding(4);
        return cell;
    }

    private static float[] floats(List<Float> values) {
        float[] result = new float[values.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = values.get(i);
        }
        return result;
    }

    private static String place(int place, boolean tie) {
        return tie ? place + "=" : String.valueOf(place);
    }

    /** "1. Title", or "2= Title" for a shared place. */
    private static String numbered(int place, boolean tie, String title) {
        return (tie ? place + "= " : place + ". ") + title;
    }

    /** A share as a percentage with one decimal, for reading; the record holds the exact fraction. */
    private String percent(Fraction share) {
        NumberFormat format = NumberFormat.getPercentInstance(locale);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(share.toBigDecimal(4, RoundingMode.HALF_UP));
    }

    /**
     * Workspace, record and export date on the left; "page X of Y" on the right, where Y is a
     * template filled in when the document closes, since the page count is not known before.
     */
    private final class Footer extends PdfPageEventHelper {

        private final BaseFont font = PdfText.SMALL.getCalculatedBaseFont(false);
        private final float size = PdfText.SMALL.getCalculatedSize();
        /** Room for the total: four digits. */
        private final float totalWidth = font.getWidthPoint("0000", size);
        private @Nullable PdfTemplate total;

        @Override
        public void onOpenDocument(PdfWriter writer, Document document) {
            total = writer.getDirectContent().createTemplate(totalWidth, size * 1.5f);
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte canvas = writer.getDirectContent();
            float y = document.bottom() - 28;
            ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, new Phrase(msg("recordExport.pdf.footer", workspace,
                    r.seq(), DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).withZone(ZONE)
                            .format(exportedAt).replace('\u202F', '\u00A0')), PdfText.SMALL), document.left(), y, 0);
            // The pattern has the total as {1}; it is split there, and the total drawn in later.
            String marker = "\u0001";
            String page = msg("recordExport.pdf.page", writer.getPageNumber(), marker);
            int at = page.indexOf(marker);
            String before = at < 0 ? page : page.substring(0, at);
            String after = at < 0 ? "" : page.substring(at + marker.length());
            float afterWidth = font.getWidthPoint(after, size);
            float x = document.right() - afterWidth - totalWidth - font.getWidthPoint(before, size);
            canvas.saveState();
            canvas.setColorFill(Color.DARK_GRAY);
            canvas.beginText();
            canvas.setFontAndSize(font, size);
            canvas.setTextMatrix(x, y);
            canvas.showText(before);
            canvas.endText();
            canvas.addTemplate(Objects.requireNonNull(total), x + font.getWidthPoint(before, size), y);
            if (!after.isEmpty()) {
                canvas.beginText();
                canvas.setFontAndSize(font, size);
                canvas.setTextMatrix(document.right() - afterWidth, y);
                canvas.showText(after);
                canvas.endText();
            }
            canvas.restoreState();
        }

        @Override
        public void onCloseDocument(PdfWriter writer, Document document) {
            PdfTemplate t = Objects.requireNonNull(total);
            t.beginText();
            t.setColorFill(Color.DARK_GRAY);
            t.setFontAndSize(font, size);
            t.setTextMatrix(0, 0);
            t.showText(String.valueOf(writer.getPageNumber() - 1));
            t.endText();
        }
    }
}
