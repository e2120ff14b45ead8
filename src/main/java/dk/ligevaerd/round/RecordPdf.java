package dk.ligevaerd.round;

import dk.ligevaerd.history.PdfFooter;
import dk.ligevaerd.history.PdfText;
import dk.ligevaerd.round.RecordView.ConfirmationView;
import dk.ligevaerd.round.RecordView.NamedBallot;
import dk.ligevaerd.round.RecordView.OptionResult;
import dk.ligevaerd.round.RecordView.SideResult;
import dk.ligevaerd.round.rules.PrioritizeMethod;
import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.openpdf.text.Document;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

/**
 * One decision record as a PDF for the case file, in the reader's language: what was decided, the
 * equal-weight result beside the head-count result, the rule and settings, turnout and quorum per
 * side, objections, opening and closing, the ballots of a named round, and the record's place in
 * the hash chain. Every page carries the workspace, the export date and "page X of Y".
 */
final class RecordPdf extends RecordPdfPart {

    /** Long ballot tables go to the document in parts, so a large round is not held twice in memory. */
    private static final int ROWS_PER_PART = 500;

    private final String workspace;
    private final Instant exportedAt;
    private final RecordPdfOutcome outcome;

    RecordPdf(RecordView record, String workspace, Locale locale, Instant exportedAt) {
        super(record, locale);
        this.workspace = workspace;
        this.exportedAt = exportedAt;
        this.outcome = new RecordPdfOutcome(record, locale);
    }

    void write(OutputStream out) {
        Document pdf = new Document(PageSize.A4, 48, 48, 56, 64);
        PdfWriter writer = PdfWriter.getInstance(pdf, out);
        writer.setPageEvent(new PdfFooter(msg("recordExport.pdf.footer", workspace, r.seq(),
                DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).withZone(ZONE)
                        .format(exportedAt).replace('\u202F', '\u00A0')),
                (page, total) -> msg("recordExport.pdf.page", page, total)));
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

        outcome.decided(pdf);
        outcome.comparison(pdf);
        settings(pdf);
        turnout(pdf);
        closing(pdf);
        ballots(pdf);
        chain(pdf);
        pdf.close();
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
}
