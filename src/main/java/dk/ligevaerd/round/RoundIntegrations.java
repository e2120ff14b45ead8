package dk.ligevaerd.round;

import dk.ligevaerd.history.HistoryFilter;
import dk.ligevaerd.history.HistoryItem;
import dk.ligevaerd.history.HistoryService;
import dk.ligevaerd.insight.EqualityReport;
import dk.ligevaerd.insight.RoundEquality;
import dk.ligevaerd.insight.metrics.LensBalance;
import dk.ligevaerd.priority.PriorityService;
import dk.ligevaerd.priority.PriorityView;
import dk.ligevaerd.priority.ValueLens;
import dk.ligevaerd.round.domain.DecisionRound;
import dk.ligevaerd.round.domain.DecisionRoundRepository;
import dk.ligevaerd.round.domain.RecordHeader;
import dk.ligevaerd.round.domain.RoundSide;
import dk.ligevaerd.statement.ReplayFrame;
import dk.ligevaerd.statement.StatementService;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
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
                RecordJson.writeFields(json, r);
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
     * members of the side who could vote in each round, as counted when it closed (for rounds
     * closed before that was counted, today's participants and moderators stand in).
     */
    @Component
    static class BallotsForEquality implements EqualitySource {

        private final RoundService rounds;
        private final WorkspaceService workspaces;
        private final DecisionRoundRepository roundRepository;

        BallotsForEquality(RoundService rounds, WorkspaceService workspaces, DecisionRoundRepository roundRepository) {
            this.rounds = rounds;
            this.workspaces = workspaces;
            this.roundRepository = roundRepository;
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
            Map<Long, DecisionRound> byId = roundRepository.findAllById(records.stream().map(RecordView::roundId)
                    .toList()).stream().collect(Collectors.toMap(DecisionRound::id, Function.identity()));
            Map<Long, Long> today = votersToday(workspaces, workspaceId);
            Map<Long, Long> eligible = new HashMap<>();
            for (RecordView r : records) {
                eligible(byId.get(r.roundId()), today).forEach((side, n) -> eligible.merge(side, n, Long::sum));
            }
            return rates(sides, cast(records), eligible);
        }
    }

    /** Members who may vote today, per side: the stand-in for rounds closed before this was counted. */
    static Map<Long, Long> votersToday(WorkspaceService workspaces, long workspaceId) {
        Map<Long, Long> voters = new HashMap<>();
        for (MemberView m : workspaces.details(workspaceId).members()) {
            if (m.sideId() != null && m.role().canContribute()) {
                voters.merge(m.sideId(), 1L, Long::sum);
            }
        }
        return voters;
    }

    /** Who could vote in the round per side, as counted when it closed (or, for old rounds, today). */
    static Map<Long, Long> eligible(@Nullable DecisionRound round, Map<Long, Long> today) {
        if (round == null) {
            return today;
        }
        Map<Long, Long> eligible = new HashMap<>();
        for (RoundSide side : round.sides()) {
            eligible.put(side.sideId(), side.eligible() != null ? side.eligible().longValue()
                    : today.getOrDefault(side.sideId(), 0L));
        }
        return eligible;
    }

    static Map<Long, Double> rates(List<Long> sides, Map<Long, Long> cast, Map<Long, Long> eligible) {
        Map<Long, Double> turnout = new HashMap<>();
        for (Long side : sides) {
            long possible = eligible.getOrDefault(side, 0L);
            turnout.put(side, possible == 0 ? 0 : Math.min(1, (double) cast.getOrDefault(side, 0L) / possible));
        }
        return turnout;
    }

    /**
     * One closed round's equality: who proposed the options on its ballot and those adopted (a
     * priority proposed jointly counts for each side that proposed it), ballots and turnout per
     * side, the round's moderation (preparing, opening, confirming, cancelling), and the value
     * lenses on the ballot and among what was adopted.
     */
    @Component
    static class RoundForEquality implements RoundEquality {

        private final DecisionRoundRepository roundRepository;
        private final DecisionRecordRepository records;
        private final RecordKeeper keeper;
        private final PriorityService priorities;
        private final HistoryService history;
        private final WorkspaceService workspaces;
        private final StatementService statements;

        RoundForEquality(DecisionRoundRepository roundRepository, DecisionRecordRepository records,
                RecordKeeper keeper, PriorityService priorities, HistoryService history,
                WorkspaceService workspaces, StatementService statements) {
            this.statements = statements;
            this.roundRepository = roundRepository;
            this.records = records;
            this.keeper = keeper;
            this.priorities = priorities;
            this.history = history;
            this.workspaces = workspaces;
        }

        @Override
        public List<RoundScope> closedRounds(long workspaceId) {
            List<RecordHeader> all = records.findHeadersByWorkspaceId(workspaceId);
            Map<Long, String> titles = roundRepository.findAllById(all.stream().map(RecordHeader::roundId).toList())
                    .stream().collect(Collectors.toMap(DecisionRound::id, DecisionRound::title));
            List<RoundScope> scopes = new ArrayList<>();
            for (RecordHeader r : all.reversed()) {
                scopes.add(new RoundScope(r.roundId(), r.seq(), titles.getOrDefault(r.roundId(), ""), r.recordedAt()));
            }
            return scopes;
        }

        @Override
        public Optional<EqualityReport> report(long workspaceId, long roundId, List<Long> sides) {
            Optional<DecisionRound> round = roundRepository.findById(roundId)
                    .filter(r -> r.workspaceId() == workspaceId && r.state() == RoundState.CLOSED);
            Optional<RecordView> found = round.flatMap(r -> keeper.record(roundId));
            if (found.isEmpty()) {
                return Optional.empty();
            }
            RecordView record = found.get();
            Map<Long, Long> cast = new HashMap<>();
            record.sides().forEach(s -> cast.put(s.sideId(), (long) s.ballots()));
            Map<Long, Long> moderation = new HashMap<>();
            for (HistoryItem e : history.timeline(workspaceId, new HistoryFilter("round", null, null, null))) {
                if (String.valueOf(roundId).equals(e.facts().get("round")) && !e.kind().contains("ballot")
                        && e.actorSideId() != null) {
                    moderation.merge(e.actorSideId(), 1L, Long::sum);
                }
            }
            List<Measure> measures = new ArrayList<>();
            LensBalance onBallot = new LensBalance(0, 0);
            LensBalance adopted = new LensBalance(0, 0);
            if (record.prioritize() != null) {
                Map<Long, PriorityView> byId = priorities.list(workspaceId).stream()
                        .collect(Collectors.toMap(PriorityView::id, Function.identity()));
                List<PriorityView> options = record.prioritize().options().stream().map(o -> byId.get(o.id()))
                        .filter(Objects::nonNull).toList();
                List<PriorityView> chosen = record.prioritize().adopted().stream().map(byId::get)
                        .filter(Objects::nonNull).toList();
                measures.add(Measure.of("roundOptions", sides, proposedBy(options)));
                measures.add(Measure.of("roundAdopted", sides, proposedBy(chosen)));
                onBallot = LensBalance.of(options);
                adopted = LensBalance.of(chosen);
            } else if (round.get().subjectVersionId() != null) {
                measures.add(Measure.of("roundAuthorship", sides, authorship(workspaceId,
                        round.get().subjectVersionId())));
            }
            measures.add(Measure.of("ballots", sides, cast));
            measures.add(Measure.of("moderation", sides, moderation));
            Map<Long, Double> turnout = rates(sides, cast, eligible(round.get(),
                    votersToday(workspaces, workspaceId)));
            return Optional.of(new EqualityReport(sides, measures, onBallot, adopted, Map.of(), turnout, List.of()));
        }

        /** Who wrote the text put to the vote: characters per side, from the statement's replay. */
        private Map<Long, Long> authorship(long workspaceId, long versionId) {
            int textVersion = statements.version(workspaceId, versionId).statementVersion();
            Map<Long, Long> chars = new HashMap<>();
            for (ReplayFrame.AuthorSpan span : statements.frame(workspaceId, textVersion).authorship()) {
                chars.merge(span.sideId(), (long) (span.to() - span.from()), Long::sum);
            }
            return chars;
        }

        private static Map<Long, Long> proposedBy(List<PriorityView> list) {
            Map<Long, Long> counts = new HashMap<>();
            for (PriorityView p : list) {
                Set<Long> proposingSides = new HashSet<>();
                p.proposers().forEach(by -> {
                    if (by.sideId() != null) {
                        proposingSides.add(by.sideId());
                    }
                });
                proposingSides.forEach(side -> counts.merge(side, 1L, Long::sum));
            }
            return counts;
        }
    }
}
