package dk.ligevaerd.history;

import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.account.UserSummary;
import dk.ligevaerd.history.domain.HistoryEntry;
import dk.ligevaerd.history.domain.HistoryEntryRepository;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.workspace.MemberView;
import dk.ligevaerd.workspace.SideView;
import dk.ligevaerd.workspace.WorkspaceAccess;
import dk.ligevaerd.workspace.WorkspaceDetails;
import dk.ligevaerd.workspace.WorkspaceService;
import java.io.OutputStream;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openpdf.text.Document;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole history of a workspace as JSON (complete, machine-readable; see docs/export-format.md)
 * and as PDF (for the municipal case file). Both stream: the timeline is read row by row and written
 * as it is read, so a long history does not have to fit in memory.
 */
@Service
public class HistoryExportService {

    public static final int FORMAT_VERSION = 1;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HistoryEntryRepository entries;
    private final WorkspaceAccess access;
    private final WorkspaceService workspaces;
    private final AccountService accounts;
    private final List<HistoryExport> contributors;
    private final Clock clock;

    HistoryExportService(HistoryEntryRepository entries, WorkspaceAccess access, WorkspaceService workspaces,
            AccountService accounts, List<HistoryExport> contributors, Clock clock) {
        this.entries = entries;
        this.access = access;
        this.workspaces = workspaces;
        this.accounts = accounts;
        this.contributors = contributors.stream().sorted(Comparator.comparingInt(HistoryExport::order)).toList();
        this.clock = clock;
    }

    /** A file name such as "besoegsvenner-i-vestbyen-history-2026-11-27.json". */
    @Transactional(readOnly = true)
    public String fileName(long workspaceId, String word, String extension) {
        access.requireMember(workspaceId);
        String slug = slug(workspaces.details(workspaceId).name());
        return slug + "-" + word + "-" + clock.instant().atZone(ZoneId.of("Europe/Copenhagen")).toLocalDate()
                + "." + extension;
    }

    @Transactional(readOnly = true)
    public void writeJson(long workspaceId, OutputStream out) {
        access.requireMember(workspaceId);
        WorkspaceDetails d = workspaces.details(workspaceId);
        Names names = new Names(d);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringProperty("format", "ligevaerd-history");
            json.writeNumberProperty("formatVersion", FORMAT_VERSION);
            json.writeStringProperty("exportedAt", clock.instant().toString());
            json.writeName("workspace");
            json.writeStartObject();
            json.writeNumberProperty("id", d.id());
            json.writeStringProperty("name", d.name());
            json.writeStringProperty("description", d.description());
            json.writeStringProperty("createdAt", d.createdAt().toString());
            json.writeBooleanProperty("jointClosing", d.jointClosing());
            json.writeEndObject();
            json.writeName("sides");
            json.writeStartArray();
            for (SideView s : d.sides()) {
                json.writeStartObject();
                json.writeNumberProperty("id", s.id());
                json.writeStringProperty("name", s.name());
                json.writeStringProperty("colour", s.colour());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeName("members");
            json.writeStartArray();
            for (MemberView m : d.members()) {
                json.writeStartObject();
                json.writeNumberProperty("userId", m.userId());
                json.writeStringProperty("username", m.username());
                json.writeStringProperty("displayName", m.displayName());
                if (m.sideId() == null) {
                    json.writeNullProperty("sideId");
                } else {
                    json.writeNumberProperty("sideId", m.sideId());
                }
                json.writeStringProperty("role", m.role().name());
                json.writeBooleanProperty("owner", m.owner());
                json.writeStringProperty("joinedAt", m.joinedAt().toString());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeName("timeline");
            json.writeStartArray();
            try (Stream<HistoryEntry> stream = entries.streamByWorkspaceIdOrderByOccurredAtAscIdAsc(workspaceId)) {
                stream.forEach(e -> writeEntry(json, e, names));
            }
            json.writeEndArray();
            for (HistoryExport contributor : contributors) {
                json.writeName(contributor.section());
                contributor.writeJson(workspaceId, json);
            }
            json.writeEndObject();
        }
    }

    private static void writeEntry(JsonGenerator json, HistoryEntry e, Names names) {
        json.writeStartObject();
        json.writeNumberProperty("id", e.id());
        json.writeStringProperty("occurredAt", e.occurredAt().toString());
        json.writeStringProperty("kind", e.kind());
        json.writeNumberProperty("actorId", e.actorId());
        json.writeStringProperty("actorName", names.of(e.actorId()));
        if (e.actorSideId() == null) {
            json.writeNullProperty("actorSideId");
        } else {
            json.writeNumberProperty("actorSideId", e.actorSideId());
        }
        if (e.subjectUserId() != null) {
            json.writeNumberProperty("subjectUserId", e.subjectUserId());
            json.writeStringProperty("subjectName", names.of(e.subjectUserId()));
        }
        json.writeName("facts");
        json.writeStartObject();
        for (String line : e.detail().split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                json.writeStringProperty(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    @Transactional(readOnly = true)
    public void writePdf(long workspaceId, Locale locale, OutputStream out) {
        access.requireMember(workspaceId);
        WorkspaceDetails d = workspaces.details(workspaceId);
        Names names = new Names(d);
        Map<Long, SideView> sides = d.sides().stream().collect(Collectors.toMap(SideView::id, Function.identity()));
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(ZoneId.of("Europe/Copenhagen"));
        String exportedOn = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)
                .withZone(ZoneId.of("Europe/Copenhagen")).format(clock.instant()).replace('\u202F', '\u00A0');
        Document pdf = new Document(PageSize.A4, 48, 48, 56, 64);
        PdfWriter writer = PdfWriter.getInstance(pdf, out);
        writer.setPageEvent(new PdfFooter(Messages.get(locale, "export.pdf.footer", d.name(), exportedOn),
                (page, total) -> Messages.get(locale, "export.pdf.page", page, total)));
        pdf.addTitle(d.name());
        pdf.addCreator("Ligeværd");
        pdf.open();
        pdf.add(new Paragraph(d.name(), PdfText.TITLE));
        pdf.add(new Paragraph(Messages.get(locale, "export.pdf.subtitle", when.format(clock.instant())), PdfText.SMALL));
        if (!d.description().isBlank()) {
            pdf.add(new Paragraph(d.description(), PdfText.BODY));
        }
        pdf.add(new Paragraph(Messages.get(locale, "export.pdf.members"), PdfText.HEADING));
        PdfPTable members = PdfText.table(new float[] {3, 2, 2}, Messages.get(locale, "export.pdf.name"),
                Messages.get(locale, "field.side"), Messages.get(locale, "field.role"));
        for (MemberView m : d.members()) {
            members.addCell(PdfText.cell(m.displayName()));
            members.addCell(PdfText.cell(m.sideId() == null || sides.get(m.sideId()) == null ? "—"
                    : sides.get(m.sideId()).name()));
            members.addCell(PdfText.cell(Messages.get(locale, m.role().messageKey())
                    + (m.owner() ? ", " + Messages.get(locale, "role.owner") : "")));
        }
        pdf.add(members);
        pdf.add(new Paragraph(Messages.get(locale, "export.pdf.timeline"), PdfText.HEADING));
        PdfPTable timeline = PdfText.table(new float[] {2, 2, 5}, Messages.get(locale, "history.fact.when"),
                Messages.get(locale, "field.side"), Messages.get(locale, "export.pdf.what"));
        try (Stream<HistoryEntry> stream = entries.streamByWorkspaceIdOrderByOccurredAtAscIdAsc(workspaceId)) {
            stream.forEach(e -> {
                timeline.addCell(PdfText.cell(when.format(e.occurredAt())));
                SideView side = e.actorSideId() == null ? null : sides.get(e.actorSideId());
                timeline.addCell(PdfText.cell(side == null ? "—" : side.name()));
                timeline.addCell(PdfText.cell(line(locale, e.kind(), names.of(e.actorId()),
                        e.subjectUserId() == null ? "" : names.of(e.subjectUserId()), e.detail())));
            });
        }
        pdf.add(timeline);
        for (HistoryExport contributor : contributors) {
            contributor.writePdf(workspaceId, pdf, locale);
        }
        pdf.close();
    }

    /** A file-name-safe form of a workspace name, shared by every export so their files sort together. */
    public static String slug(String name) {
        String folded = name.toLowerCase(Locale.ROOT).replace("æ", "ae").replace("ø", "oe").replace("å", "aa");
        String slug = java.text.Normalizer.normalize(folded, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "workspace" : slug.length() > 60 ? slug.substring(0, 60) : slug;
    }

    /** Names of everyone who ever acted, looked up once each, members from the details. */
    private final class Names {
        private final Map<Long, String> known = new HashMap<>();

        Names(WorkspaceDetails d) {
            d.members().forEach(m -> known.put(m.userId(), m.displayName()));
        }

        String of(long userId) {
            return known.computeIfAbsent(userId, id -> accounts.summaries(List.of(id)).values().stream()
                    .map(UserSummary::displayName).findFirst().orElse(""));
        }
    }

    /**
     * An entry's line, naming the priority, round or saved version it is about where the entry holds its title,
     * as the History tab does.
     */
    static String line(Locale locale, String kind, String actor, String subject, String detail) {
        java.util.Map<String, String> facts = new HistoryItem(0, java.time.Instant.EPOCH, kind, 0, actor, null, null,
                subject, detail).facts();
        String title = facts.getOrDefault("title", facts.get("sourceTitle"));
        if (title == null && kind.startsWith("statement.")) {
            // A saved version of the statement is named by its name.
            title = facts.get("name");
        }
        if (title != null && !title.isBlank()) {
            String named = Messages.get(locale, "history.kind." + kind + ".named", actor, subject, title,
                    facts.getOrDefault("targetTitle", ""));
            if (!named.startsWith("!")) {
                return named;
            }
        }
        return Messages.get(locale, "history.kind." + kind, actor, subject);
    }
}
