package dk.ligevaerd.priority;

import dk.ligevaerd.history.HistoryExport;
import dk.ligevaerd.history.PdfText;
import dk.ligevaerd.priority.domain.PriorityRepository;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.workspace.WorkspaceService;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.openpdf.text.Document;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfPTable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;

/**
 * The priorities as they stand, in the history export: what each one says, its value lenses, who
 * proposed it from which side, and what became of it. Called by the history feature after its
 * membership check, inside its read-only transaction.
 */
@Component
class PriorityExport implements HistoryExport {

    private final PriorityRepository priorities;
    private final WorkspaceService workspaces;

    PriorityExport(PriorityRepository priorities, WorkspaceService workspaces) {
        this.priorities = priorities;
        this.workspaces = workspaces;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String section() {
        return "priorities";
    }

    private List<PriorityView> all(long workspaceId) {
        return priorities.findByWorkspaceIdOrderByProposedAtAscIdAsc(workspaceId).stream().map(PriorityService::view)
                .toList();
    }

    @Override
    public void writeJson(long workspaceId, JsonGenerator json) {
        json.writeStartArray();
        for (PriorityView p : all(workspaceId)) {
            json.writeStartObject();
            json.writeNumberProperty("id", p.id());
            json.writeStringProperty("title", p.title());
            json.writeStringProperty("description", p.description());
            json.writeStringProperty("state", p.state().name());
            json.writeStringProperty("proposedAt", p.proposedAt().toString());
            if (p.mergedInto() == null) {
                json.writeNullProperty("mergedInto");
            } else {
                json.writeNumberProperty("mergedInto", p.mergedInto());
            }
            json.writeName("lenses");
            json.writeStartArray();
            p.lenses().stream().sorted().forEach(lens -> json.writeString(lens.name()));
            json.writeEndArray();
            json.writeName("proposers");
            json.writeStartArray();
            for (PriorityView.ProposerView by : p.proposers()) {
                json.writeStartObject();
                json.writeNumberProperty("userId", by.userId());
                if (by.sideId() == null) {
                    json.writeNullProperty("sideId");
                } else {
                    json.writeNumberProperty("sideId", by.sideId());
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    @Override
    public void writePdf(long workspaceId, Document pdf, Locale locale) {
        List<PriorityView> all = all(workspaceId);
        if (all.isEmpty()) {
            return;
        }
        Map<Long, String> sides = workspaces.details(workspaceId).sides().stream()
                .collect(Collectors.toMap(s -> s.id(), s -> s.name()));
        pdf.add(new Paragraph(Messages.get(locale, "export.pdf.priorities"), PdfText.HEADING));
        PdfPTable table = PdfText.table(new float[] {4, 2, 3, 2}, Messages.get(locale, "export.pdf.priority"),
                Messages.get(locale, "export.pdf.proposedBy"), Messages.get(locale, "export.pdf.lenses"),
                Messages.get(locale, "export.pdf.state"));
        for (PriorityView p : all) {
            table.addCell(PdfText.cell(p.title()));
            table.addCell(PdfText.cell(p.proposers().stream().map(by -> by.sideId() == null ? "—"
                    : sides.getOrDefault(by.sideId(), "—")).distinct().collect(Collectors.joining(", "))));
            table.addCell(PdfText.cell(p.lenses().stream().sorted().map(lens -> Messages.get(locale, lens.messageKey()))
                    .collect(Collectors.joining(", "))));
            table.addCell(PdfText.cell(Messages.get(locale, "priority.state." + p.state().name().toLowerCase(Locale.ROOT))));
        }
        pdf.add(table);
    }
}
