package dk.ligevaerd.statement;

import dk.ligevaerd.history.HistoryCheck;
import dk.ligevaerd.history.HistoryExport;
import dk.ligevaerd.history.PdfText;
import dk.ligevaerd.insight.EqualitySource;
import dk.ligevaerd.insight.metrics.Measure;
import dk.ligevaerd.statement.collab.AcceptedUpdate;
import dk.ligevaerd.statement.collab.Authority;
import dk.ligevaerd.statement.domain.Statement;
import dk.ligevaerd.statement.domain.StatementChangeLog;
import dk.ligevaerd.statement.domain.StatementRepository;
import dk.ligevaerd.shared.Messages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openpdf.text.Document;
import org.openpdf.text.Paragraph;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;

/**
 * How the purpose statement takes part in "verify history", the history export and the equality
 * view. Each is called by its owner after the caller's membership has been checked.
 */
final class StatementIntegrations {

    private StatementIntegrations() {
    }

    /**
     * The change log is complete: versions 1 to N without a gap, N is the statement's version, and
     * replaying every change from the empty text gives exactly the stored text.
     */
    @Component
    static class ChangeLogCheck implements HistoryCheck {

        private final StatementRepository statements;
        private final StatementChangeLog changes;

        ChangeLogCheck(StatementRepository statements, StatementChangeLog changes) {
            this.statements = statements;
            this.changes = changes;
        }

        @Override
        public String nameKey() {
            return "verify.check.statement";
        }

        @Override
        public List<Problem> check(long workspaceId) {
            Optional<Statement> found = statements.findByWorkspaceId(workspaceId);
            if (found.isEmpty()) {
                return List.of();
            }
            Statement statement = found.get();
            List<Problem> problems = new ArrayList<>();
            List<Integer> versions = changes.versions(statement.id());
            int expected = 1;
            for (int version : versions) {
                while (expected < version) {
                    problems.add(Problem.of("verify.statement.missing", expected++));
                }
                expected = version + 1;
            }
            if (versions.size() != statement.version()) {
                problems.add(Problem.of("verify.statement.count", statement.version(), versions.size()));
            }
            if (problems.isEmpty()) {
                try {
                    List<AcceptedUpdate> all = changes.after(statement.id(), 0);
                    if (!Authority.replay("", 0, all).text().equals(statement.text())) {
                        problems.add(Problem.of("verify.statement.text"));
                    }
                } catch (RuntimeException unreadable) {
                    problems.add(Problem.of("verify.statement.text"));
                }
            }
            return problems;
        }
    }

    /** Authorship of today's text and edits made in the period, per side. */
    @Component
    static class TextForEquality implements EqualitySource {

        private final CollabService collab;
        private final StatementRepository statements;
        private final StatementChangeLog changes;

        TextForEquality(CollabService collab, StatementRepository statements, StatementChangeLog changes) {
            this.collab = collab;
            this.statements = statements;
            this.changes = changes;
        }

        @Override
        public int order() {
            return 10;
        }

        @Override
        public List<OrderedMeasure> measures(long workspaceId, List<Long> sides, @Nullable Instant from,
                @Nullable Instant to) {
            Map<Long, Long> authorship = new HashMap<>();
            collab.snapshot(workspaceId).shares().forEach((side, chars) -> authorship.put(side, chars.longValue()));
            Map<Long, Long> edits = statements.findByWorkspaceId(workspaceId)
                    .map(s -> changes.countBySide(s.id(), from, to)).orElse(Map.of());
            return List.of(new OrderedMeasure(10, Measure.of("authorship", sides, authorship)),
                    new OrderedMeasure(15, Measure.of("edits", sides, edits)));
        }
    }

    /** The saved versions and every accepted change, in order, so the text can be rebuilt. */
    @Component
    static class StatementExport implements HistoryExport {

        private final StatementService statement;
        private final StatementRepository statements;
        private final StatementChangeLog changes;

        StatementExport(StatementService statement, StatementRepository statements, StatementChangeLog changes) {
            this.statement = statement;
            this.statements = statements;
            this.changes = changes;
        }

        @Override
        public int order() {
            return 10;
        }

        @Override
        public String section() {
            return "statement";
        }

        @Override
        public void writeJson(long workspaceId, JsonGenerator json) {
            json.writeStartObject();
            Optional<Statement> found = statements.findByWorkspaceId(workspaceId);
            json.writeStringProperty("text", found.map(Statement::text).orElse(""));
            json.writeNumberProperty("version", found.map(Statement::version).orElse(0));
            json.writeName("versions");
            json.writeStartArray();
            for (VersionView v : statement.versions(workspaceId)) {
                json.writeStartObject();
                json.writeNumberProperty("id", v.id());
                json.writeStringProperty("name", v.name());
                json.writeNumberProperty("statementVersion", v.statementVersion());
                json.writeStringProperty("createdAt", v.createdAt().toString());
                json.writeNumberProperty("createdBy", v.createdBy());
                json.writeStringProperty("text", v.text());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeName("changes");
            json.writeStartArray();
            if (found.isPresent()) {
                changes.forEachStored(found.get().id(), u -> {
                    json.writeStartObject();
                    json.writeNumberProperty("version", u.version());
                    json.writeNumberProperty("authorId", u.authorId());
                    json.writeNumberProperty("sideId", u.sideId());
                    json.writeStringProperty("acceptedAt", u.acceptedAt().toString());
                    json.writeName("changes");
                    json.writeRawValue(u.changesJson());
                    json.writeEndObject();
                });
            }
            json.writeEndArray();
            json.writeEndObject();
        }

        @Override
        public void writePdf(long workspaceId, Document pdf, Locale locale) {
            String text = statements.findByWorkspaceId(workspaceId).map(Statement::text).orElse("");
            pdf.add(new Paragraph(Messages.get(locale, "export.pdf.statement"), PdfText.HEADING));
            pdf.add(new Paragraph(text.isBlank() ? "—" : text, PdfText.BODY));
        }
    }
}
