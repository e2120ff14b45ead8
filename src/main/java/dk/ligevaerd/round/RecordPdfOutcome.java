package dk.ligevaerd.round;

import dk.ligevaerd.history.PdfText;
import dk.ligevaerd.round.RecordView.AdoptRecord;
import dk.ligevaerd.round.RecordView.NamedBallot;
import dk.ligevaerd.round.RecordView.ObjectionView;
import dk.ligevaerd.round.RecordView.OptionResult;
import dk.ligevaerd.round.RecordView.Outcome;
import dk.ligevaerd.round.RecordView.PrioritizeRecord;
import dk.ligevaerd.round.RecordView.SideResult;
import dk.ligevaerd.round.RecordView.SideScore;
import dk.ligevaerd.round.RecordView.SideVotes;
import dk.ligevaerd.round.rules.Fraction;
import dk.ligevaerd.round.rules.Vote;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.openpdf.text.Document;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfPTable;

/**
 * The part of a decision record's PDF that says what was decided: the outcome, the priorities'
 * places or the proposal's result with its objections, and the equal-weight result beside what
 * one person, one vote would have given.
 */
final class RecordPdfOutcome extends RecordPdfPart {

    RecordPdfOutcome(RecordView record, Locale locale) {
        super(record, locale);
    }

    // ---- what was decided -----------------------------------------------------------------------

    void decided(Document pdf) {
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

    void comparison(Document pdf) {
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

}
