package dk.ligevaerd.round;

import dk.ligevaerd.history.HistoryCheck;
import dk.ligevaerd.history.HistoryExport;
import dk.ligevaerd.history.PdfText;
import dk.ligevaerd.insight.EqualitySource;
import dk.ligevaerd.insight.metrics.Measure;
import dk.ligevaerd.round.domain.DecisionRecord;
import dk.ligevaerd.round.domain.DecisionRecordRepository;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.workspace.MemberView;
import dk.ligevaerd.workspace.WorkspaceService;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openpdf.text.Document;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfPTable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;

/**
 * How decision rounds take part in "verify history", the history export and the equality view.
 * Each is called by its owner after the caller's membership has been checked.
 */
final class RoundIntegrations {

    private RoundIntegrations() {
    }

    /** The decision records' hash chain, record by record. */
    @Component
    static class RecordChainCheck implements HistoryCheck {

        private final RoundService rounds;

        RecordChainCheck(RoundService rounds) {
            this.rounds = rounds;
        }

        @Override
        public String nameKey() {
            return "verify.check.records";
        }

        @Override
        public List<Problem> check(long workspaceId) {
            return rounds.verifyChain(workspaceId).problems().stream()
                    .map(p -> Problem.of("verify.record." + p.kind().name().toLowerCase(Locale.ROOT), p.seq()))
                    .toList();
        }
    }

    /**
     * Every decision record in its canonical stored form, the same text its hash is computed over,
     * so anyone can recompute the chain from the export. Secret rounds hold only per-side totals.
     */
    @Component
    static class RecordExport implements HistoryExport {

        private final DecisionRecordRepository records;
        private final RoundService rounds;

        RecordExport(DecisionRecordRepository records, RoundService rounds) {
            this.records = records;
            this.rounds = rounds;
        }

        @Override
        public int order() {
            return 40;
        }

        @Override
        public String section() {
            return "decisionRecords";
        }

        @Override
        public void writeJson(long workspaceId, JsonGenerator json) {
            json.writeStartArray();
            for (DecisionRecord r : records.findByWorkspaceIdOrderBySeqAsc(workspaceId)) {
                json.writeStartObject();
                json.writeNumberProperty("seq", r.seq());
                json.writeNumberProperty("roundId", r.roundId());
                json.writeStringProperty("recordedAt", r.recordedAt().toString());
                json.writeStringProperty("prevHash", r.prevHash());
                json.writeStringProperty("hash", r.hash());
                json.writeName("content");
                json.writeRawValue(r.content());
                json.writeEndObject();
            }
            json.writeEndArray();
        }

        @Override
        public void writePdf(long workspaceId, Document pdf, Locale locale) {
            List<RecordView> all = rounds.records(workspaceId);
            if (all.isEmpty()) {
                return;
            }
            DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                    .withLocale(locale).withZone(ZoneId.of("Europe/Copenhagen"));
            pdf.add(new Paragraph(Messages.get(locale, "export.pdf.records"), PdfText.HEADING));
            PdfPTable table = PdfText.table(new float[] {1, 4, 2, 3}, "#", Messages.get(locale, "export.pdf.round"),
                    Messages.get(locale, "export.pdf.closed"), Messages.get(locale, "export.pdf.outcome"));
            for (RecordView r : all) {
                table.addCell(PdfText.cell(String.valueOf(r.seq())));
                table.addCell(PdfText.cell(r.title()));
                table.addCell(PdfText.cell(when.format(r.closedAt())));
                table.addCell(PdfText.cell(Messages.get(locale, r.outcome().messageKey())
                        + (r.headCountDiffers() ? " · " + Messages.get(locale, "export.pdf.headCountDiffers") : "")));
            }
            pdf.add(table);
        }
    }

    /**
     * Ballots cast per side in rounds closed in the period, and turnout: ballots against the
     * side's current participants and moderators once per round (membership at the time of each
     * round is not kept, so today's headcount stands in for it).
     */
    @Component
    static class BallotsForEquality implements EqualitySource {

        private final RoundService rounds;
        private final WorkspaceService workspaces;

        BallotsForEquality(RoundService rounds, WorkspaceService workspaces) {
            this.rounds = rounds;
            this.workspaces = workspaces;
        }

        @Override
        public int order() {
            return 40;
        }

        private List<RecordView> closedIn(long workspaceId, @Nullable Instant from, @Nullable Instant to) {
            return rounds.records(workspaceId).stream()
                    .filter(r -> (from == null || !r.closedAt().isBefore(from)) && (to == null || r.closedAt().isBefore(to)))
                    .toList();
        }

        private static Map<Long, Long> cast(List<RecordView> records) {
            Map<Long, Long> cast = new HashMap<>();
            records.forEach(r -> r.sides().forEach(s -> cast.merge(s.sideId(), (long) s.ballots(), Long::sum)));
            return cast;
        }

        @Override
        public List<OrderedMeasure> measures(long workspaceId, List<Long> sides, @Nullable Instant from,
                @Nullable Instant to) {
            return List.of(new OrderedMeasure(40, Measure.of("ballots", sides, cast(closedIn(workspaceId, from, to)))));
        }

        @Override
        public Map<Long, Double> turnout(long workspaceId, List<Long> sides, @Nullable Instant from,
                @Nullable Instant to) {
            List<RecordView> records = closedIn(workspaceId, from, to);
            if (records.isEmpty()) {
                return Map.of();
            }
            Map<Long, Long> voters = new HashMap<>();
            for (MemberView m : workspaces.details(workspaceId).members()) {
                if (m.sideId() != null && m.role().canContribute()) {
                    voters.merge(m.sideId(), 1L, Long::sum);
                }
            }
            Map<Long, Long> cast = cast(records);
            Map<Long, Double> turnout = new HashMap<>();
            for (Long side : sides) {
                long eligible = voters.getOrDefault(side, 0L) * records.size();
                turnout.put(side, eligible == 0 ? 0 : Math.min(1, (double) cast.getOrDefault(side, 0L) / eligible));
            }
            return turnout;
        }
    }
}
