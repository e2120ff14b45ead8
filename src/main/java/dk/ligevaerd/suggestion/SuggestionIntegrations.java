package dk.ligevaerd.suggestion;

import dk.ligevaerd.history.HistoryCheck;
import dk.ligevaerd.history.HistoryExport;
import dk.ligevaerd.history.HistoryItem;
import dk.ligevaerd.history.HistoryService;
import dk.ligevaerd.history.PdfText;
import dk.ligevaerd.insight.EqualitySource;
import dk.ligevaerd.insight.metrics.Measure;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.statement.ReplayStep;
import dk.ligevaerd.statement.StatementService;
import dk.ligevaerd.suggestion.domain.Acceptance;
import dk.ligevaerd.suggestion.domain.Suggestion;
import dk.ligevaerd.suggestion.domain.SuggestionRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openpdf.text.Document;
import org.openpdf.text.Paragraph;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;

/**
 * How suggested changes take part in the history export, "verify history" and the equality view.
 * Each is called by its owner after the caller's membership has been checked.
 */
final class SuggestionIntegrations {

    private SuggestionIntegrations() {
    }

    /** Every suggestion with its keys and outcome, after the statement's own part. */
    @Component
    static class SuggestionExport implements HistoryExport {

        private final SuggestionRepository suggestions;

        SuggestionExport(SuggestionRepository suggestions) {
            this.suggestions = suggestions;
        }

        @Override
        public int order() {
            return 11;
        }

        @Override
        public String section() {
            return "suggestions";
        }

        @Override
        public void writeJson(long workspaceId, JsonGenerator json) {
            json.writeStartArray();
            for (Suggestion s : suggestions.findByWorkspaceIdOrderByIdAsc(workspaceId)) {
                json.writeStartObject();
                json.writeNumberProperty("id", s.id());
                json.writeNumberProperty("proposedBy", s.proposedBy());
                json.writeNumberProperty("proposedSide", s.proposedSide());
                json.writeStringProperty("proposedAt", s.proposedAt().toString());
                json.writeNumberProperty("baseVersion", s.baseVersion());
                json.writeNumberProperty("from", s.baseFrom());
                json.writeNumberProperty("to", s.baseTo());
                json.writeStringProperty("oldText", s.baseWording());
                json.writeStringProperty("newText", s.newText());
                json.writeStringProperty("reason", s.reason());
                json.writeStringProperty("state", s.state().name());
                json.writeName("acceptances");
                json.writeStartArray();
                for (Acceptance a : s.acceptances().stream().sorted(Comparator.comparing(Acceptance::acceptedAt))
                        .toList()) {
                    json.writeStartObject();
                    json.writeNumberProperty("sideId", a.sideId());
                    json.writeNumberProperty("userId", a.userId());
                    json.writeStringProperty("acceptedAt", a.acceptedAt().toString());
                    json.writeEndObject();
                }
                json.writeEndArray();
                if (s.decidedAt() != null) {
                    json.writeStringProperty("decidedAt", s.decidedAt().toString());
                }
                if (s.decidedBy() != null) {
                    json.writeNumberProperty("decidedBy", s.decidedBy());
                }
                if (s.declineReason() != null) {
                    json.writeStringProperty("declineReason", s.declineReason());
                }
                if (s.appliedVersion() != null) {
                    json.writeNumberProperty("appliedAsVersion", s.appliedVersion());
                }
                json.writeEndObject();
            }
            json.writeEndArray();
        }

        @Override
        public void writePdf(long workspaceId, Document pdf, Locale locale) {
            List<Suggestion> all = suggestions.findByWorkspaceIdOrderByIdAsc(workspaceId);
            if (all.isEmpty()) {
                return;
            }
            pdf.add(new Paragraph(Messages.get(locale, "export.pdf.suggestions"), PdfText.HEADING));
            for (Suggestion s : all) {
                String change = (s.isInsertion() ? Messages.get(locale, "suggestion.insertion") + ": "
                        : "\u2013 " + s.baseWording() + "\n+ ") + s.newText();
                pdf.add(new Paragraph(Messages.get(locale, "suggestion.state." + s.state().name()), PdfText.BOLD));
                pdf.add(new Paragraph(change, PdfText.BODY));
                pdf.add(new Paragraph(Messages.get(locale, "suggestion.reason") + ": " + s.reason(), PdfText.SMALL));
                if (s.declineReason() != null) {
                    pdf.add(new Paragraph(Messages.get(locale, "field.declineReason") + ": " + s.declineReason(),
                            PdfText.SMALL));
                }
            }
        }
    }

    /**
     * Every applied suggestion is in the change log as the change it names, written by its
     * proposer for their side; every suggestion has its entry in the timeline, and so has its
     * outcome.
     */
    @Component
    static class SuggestionCheck implements HistoryCheck {

        private final SuggestionRepository suggestions;
        private final StatementService statement;
        private final HistoryService history;

        SuggestionCheck(SuggestionRepository suggestions, StatementService statement, HistoryService history) {
            this.suggestions = suggestions;
            this.statement = statement;
            this.history = history;
        }

        @Override
        public String nameKey() {
            return "verify.check.suggestions";
        }

        @Override
        public List<Problem> check(long workspaceId) {
            List<Suggestion> all = suggestions.findByWorkspaceIdOrderByIdAsc(workspaceId);
            if (all.isEmpty()) {
                return List.of();
            }
            List<ReplayStep> steps = statement.replay(workspaceId);
            Set<String> recorded = new HashSet<>();
            for (HistoryItem item : history.timeline(workspaceId)) {
                String id = item.facts().get("suggestion");
                if (id != null) {
                    recorded.add(item.kind() + "#" + id);
                }
            }
            List<Problem> problems = new ArrayList<>();
            for (Suggestion s : all) {
                if (!recorded.contains("statement.suggestion.made#" + s.id())) {
                    problems.add(Problem.of("verify.suggestion.noEntry", s.id(), "made"));
                }
                String outcome = switch (s.state()) {
                    case PENDING -> null;
                    case APPLIED -> "applied";
                    case DECLINED -> "declined";
                    case WITHDRAWN -> "withdrawn";
                };
                if (outcome != null && !recorded.contains("statement.suggestion." + outcome + "#" + s.id())) {
                    problems.add(Problem.of("verify.suggestion.noEntry", s.id(), outcome));
                }
                Integer version = s.appliedVersion();
                if (version != null) {
                    boolean inLog = version >= 1 && version <= steps.size()
                            && steps.get(version - 1).authorId() == s.proposedBy()
                            && steps.get(version - 1).sideId() == s.proposedSide();
                    if (!inLog) {
                        problems.add(Problem.of("verify.suggestion.notInLog", s.id(), version));
                    }
                }
            }
            return problems;
        }
    }

    /** Who suggests changes, and whose suggestions every side takes up: who is listened to. */
    @Component
    static class SuggestionsForEquality implements EqualitySource {

        private final SuggestionRepository suggestions;

        SuggestionsForEquality(SuggestionRepository suggestions) {
            this.suggestions = suggestions;
        }

        @Override
        public int order() {
            return 16;
        }

        @Override
        public List<OrderedMeasure> measures(long workspaceId, List<Long> sides, @Nullable Instant from,
                @Nullable Instant to) {
            Map<Long, Long> made = new HashMap<>();
            Map<Long, Long> accepted = new HashMap<>();
            for (Suggestion s : suggestions.findByWorkspaceIdOrderByIdAsc(workspaceId)) {
                if (within(s.proposedAt(), from, to)) {
                    made.merge(s.proposedSide(), 1L, Long::sum);
                }
                if (s.state() == SuggestionState.APPLIED && s.decidedAt() != null && within(s.decidedAt(), from, to)) {
                    accepted.merge(s.proposedSide(), 1L, Long::sum);
                }
            }
            return List.of(new OrderedMeasure(16, Measure.of("suggestionsMade", sides, made)),
                    new OrderedMeasure(17, Measure.of("suggestionsAccepted", sides, accepted)));
        }

        private static boolean within(Instant at, @Nullable Instant from, @Nullable Instant to) {
            return (from == null || !at.isBefore(from)) && (to == null || at.isBefore(to));
        }
    }
}
