package dk.ligevaerd.round.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Span;
import dk.ligevaerd.round.RecordView.OptionResult;
import dk.ligevaerd.round.RecordView.SideScore;
import dk.ligevaerd.round.RecordView.SideVotes;
import dk.ligevaerd.round.RoundView;
import dk.ligevaerd.round.rules.AdoptResult;
import dk.ligevaerd.round.rules.OptionScore;
import dk.ligevaerd.round.rules.PrioritizeResult;
import dk.ligevaerd.round.rules.VoteCount;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tallies as tables, the same for live standings and for records: every side's own tally,
 * the equal-weight result, and the one-person-one-vote result beside it. Ties are shown as
 * shared places ("2=") and said in words, never silently broken.
 */
final class ResultTables {

    private ResultTables() {
    }

    /** The rows of a live PRIORITIZE tally, in the shape a record stores them. */
    static List<OptionResult> rows(RoundView round, PrioritizeResult result) {
        Map<Long, OptionScore> headCount = new HashMap<>();
        result.headCountRanking().entries().forEach(e -> headCount.put(e.option(), e));
        List<OptionResult> rows = new ArrayList<>();
        for (OptionScore entry : result.parityRanking().entries()) {
            List<SideScore> sides = new ArrayList<>();
            for (RoundView.SideTurnout side : round.sides()) {
                sides.add(new SideScore(side.sideId(), result.sidePoints().get(side.sideId()).get(entry.option()),
                        result.sideScores().get(side.sideId()).get(entry.option())));
            }
            OptionScore head = headCount.get(entry.option());
            rows.add(new OptionResult(entry.option(), round.optionTitle(entry.option()), entry.score(), entry.place(),
                    head.score(), head.place(), sides, false));
        }
        return rows;
    }

    static List<SideVotes> votes(AdoptResult result) {
        List<SideVotes> votes = new ArrayList<>();
        result.votesPerSide().forEach((side, count) -> votes.add(new SideVotes(side, count.yes(), count.no(),
                count.abstain(), count.object(), result.supportPerSide().get(side))));
        return votes;
    }

    /** Options by equal-weight score; each side's points and share; head count beside them. */
    static Div prioritize(Div host, List<OptionResult> rows, List<Show.Side> sides, boolean showAdopted,
            Locale locale) {
        Div wrapper = new Div();
        wrapper.addClassName("result-table-wrapper");
        NativeTable table = new NativeTable();
        table.addClassName("result-table");
        table.setCaptionText(host.getTranslation("round.result.caption"));
        NativeTableRow head = table.getHead().addRow();
        head.add(new NativeTableHeaderCell(host.getTranslation("round.result.place")));
        head.add(new NativeTableHeaderCell(host.getTranslation("round.result.priority")));
        head.add(new NativeTableHeaderCell(host.getTranslation("round.result.parity")));
        for (Show.Side side : sides) {
            NativeTableHeaderCell cell = new NativeTableHeaderCell();
            cell.add(side.badge());
            head.add(cell);
        }
        head.add(new NativeTableHeaderCell(host.getTranslation("round.result.headCount")));
        boolean anyParityTie = false;
        for (OptionResult row : rows) {
            boolean parityTie = rows.stream().filter(r -> r.parityPlace() == row.parityPlace()).count() > 1;
            boolean headTie = rows.stream().filter(r -> r.headCountPlace() == row.headCountPlace()).count() > 1;
            anyParityTie |= parityTie;
            NativeTableRow tr = table.getBody().addRow();
            tr.getElement().setAttribute("data-option", String.valueOf(row.id()));
            if (showAdopted && row.adopted()) {
                tr.addClassName("adopted-row");
            }
            tr.add(new NativeTableCell(place(row.parityPlace(), parityTie)));
            NativeTableCell title = new NativeTableCell();
            title.add(new Span(row.title()));
            if (showAdopted && row.adopted()) {
                title.add(new Span(" "), Show.text(host.getTranslation("round.result.adopted"), "adopted-badge"));
            }
            if (parityTie) {
                title.add(new Span(" "), Show.text(host.getTranslation("round.result.tie"), "tie-badge"));
            }
            tr.add(title);
            tr.add(new NativeTableCell(Show.percent(row.parityScore(), locale)));
            for (Show.Side side : sides) {
                SideScore score = row.side(side.id()).orElse(new SideScore(side.id(), 0,
                        dk.ligevaerd.round.rules.Fraction.ZERO));
                tr.add(new NativeTableCell(host.getTranslation("round.result.sideCell", score.points(),
                        Show.percent(score.score(), locale))));
            }
            tr.add(new NativeTableCell(place(row.headCountPlace(), headTie) + " · "
                    + Show.percent(row.headCountScore(), locale)));
        }
        labelCells(table);
        wrapper.add(table);
        if (anyParityTie) {
            wrapper.add(Show.withClass(new Div(new Span(host.getTranslation("round.result.tieNote"))), "muted"));
        }
        return wrapper;
    }

    private static String place(int place, boolean tie) {
        return tie ? place + "=" : String.valueOf(place);
    }

    /** Yes, no, abstain per side with each side's support; under consent the objections instead of support. */
    static Div adopt(Div host, List<SideVotes> votes, List<Show.Side> sides, boolean consent, Locale locale) {
        Div wrapper = new Div();
        wrapper.addClassName("result-table-wrapper");
        NativeTable table = new NativeTable();
        table.addClassName("result-table");
        table.setCaptionText(host.getTranslation("round.result.votesCaption"));
        NativeTableRow head = table.getHead().addRow();
        head.add(new NativeTableHeaderCell(host.getTranslation("round.result.side")));
        head.add(new NativeTableHeaderCell(host.getTranslation("round.vote.yes")));
        head.add(new NativeTableHeaderCell(host.getTranslation("round.vote.no")));
        head.add(new NativeTableHeaderCell(host.getTranslation("round.vote.abstain")));
        if (consent) {
            head.add(new NativeTableHeaderCell(host.getTranslation("round.vote.object")));
        }
        if (!consent) {
            // Consent decides by objections alone: a support figure there would be one the rule never uses.
            head.add(new NativeTableHeaderCell(host.getTranslation("round.result.support")));
        }
        for (Show.Side side : sides) {
            SideVotes v = votes.stream().filter(s -> s.sideId() == side.id()).findFirst()
                    .orElse(new SideVotes(side.id(), 0, 0, 0, 0, dk.ligevaerd.round.rules.Fraction.HALF));
            NativeTableRow tr = table.getBody().addRow();
            NativeTableCell name = new NativeTableCell();
            name.add(side.badge());
            tr.add(name, new NativeTableCell(String.valueOf(v.yes())), new NativeTableCell(String.valueOf(v.no())),
                    new NativeTableCell(String.valueOf(v.abstain())));
            if (consent) {
                tr.add(new NativeTableCell(String.valueOf(v.object())));
            }
            if (!consent) {
                tr.add(new NativeTableCell(Show.percent(v.support(), locale)));
            }
        }
        labelCells(table);
        wrapper.add(table);
        return wrapper;
    }

    /**
     * Gives every body cell its column's heading as {@code data-label}: on a phone the style sheet
     * shows each row as a small card of "heading: value" lines instead of a table wider than the
     * screen. The table's roles are stated outright, since a table laid out as blocks loses them
     * in some browsers.
     */
    private static void labelCells(NativeTable table) {
        table.getElement().setAttribute("role", "table");
        table.getHead().getElement().setAttribute("role", "rowgroup");
        table.getBody().getElement().setAttribute("role", "rowgroup");
        List<String> labels = table.getHead().getElement().getChildren().findFirst()
                .map(row -> row.getChildren().map(cell -> cell.getTextRecursively().strip()).toList())
                .orElse(List.of());
        table.getHead().getElement().getChildren().forEach(row -> {
            row.setAttribute("role", "row");
            row.getChildren().forEach(cell -> cell.setAttribute("role", "columnheader"));
        });
        table.getBody().getElement().getChildren().forEach(row -> {
            row.setAttribute("role", "row");
            List<com.vaadin.flow.dom.Element> cells = row.getChildren().toList();
            for (int i = 0; i < cells.size(); i++) {
                cells.get(i).setAttribute("role", "cell");
                if (i < labels.size()) {
                    cells.get(i).setAttribute("data-label", labels.get(i));
                }
            }
        });
    }

    static VoteCount total(List<SideVotes> votes) {
        return VoteCount.sum(votes.stream().map(v -> new VoteCount(v.yes(), v.no(), v.abstain(), v.object()))
                .toList());
    }
}
