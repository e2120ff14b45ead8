package dk.ligevaerd.round;

import dk.ligevaerd.history.HistoryExportService;
import dk.ligevaerd.round.domain.DecisionRecord;
import dk.ligevaerd.round.domain.DecisionRecordRepository;
import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.shared.NotFoundOrNoAccessException;
import dk.ligevaerd.workspace.WorkspaceAccess;
import dk.ligevaerd.workspace.WorkspaceService;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * One decision record as a file: PDF for the municipal case file, JSON for machines (with the
 * stored content byte for byte, so its hash can be checked; docs/export-format.md), and the
 * ballots of a named round as CSV. Any member may export, observers included; a secret round's
 * ballots are never exported, because its record does not hold them.
 *
 * <p>Every method checks membership first, also when called again from a download request, and
 * treats a round of another workspace and a round without a record (not closed) alike: not found.
 */
@Service
public class RecordExportService {

    public static final String JSON_FORMAT = "ligevaerd-decision-record";
    public static final int JSON_FORMAT_VERSION = 1;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DecisionRecordRepository records;
    private final WorkspaceAccess access;
    private final WorkspaceService workspaces;
    private final Clock clock;
    private final RecordNames names;

    RecordExportService(DecisionRecordRepository records, WorkspaceAccess access, WorkspaceService workspaces,
            Clock clock, RecordNames names) {
        this.records = records;
        this.names = names;
        this.access = access;
        this.workspaces = workspaces;
        this.clock = clock;
    }

    /**
     * A file name such as "besoegsvenner-i-vestbyen-beslutningsprotokol-3.pdf" or, in English,
     * "besoegsvenner-i-vestbyen-decision-record-3.pdf"; for "csv" the ballots are named as such
     * ("…-beslutningsprotokol-3-stemmer.csv").
     */
    @Transactional(readOnly = true)
    public String fileName(long workspaceId, long roundId, Locale locale, String extension) {
        access.requireMember(workspaceId);
        DecisionRecord record = stored(workspaceId, roundId);
        String name = HistoryExportService.slug(workspaces.details(workspaceId).name()) + "-"
                + Messages.get(locale, "recordExport.fileWord") + "-" + record.seq();
        if (extension.equals("csv")) {
            name += "-" + Messages.get(locale, "recordExport.ballotsWord");
        }
        return name + "." + extension;
    }

    /** The record for the case file, in the reader's language (Danish or English), with page numbers. */
    @Transactional(readOnly = true)
    public void writePdf(long workspaceId, long roundId, Locale locale, OutputStream out) {
        access.requireMember(workspaceId);
        RecordView record = names.view(stored(workspaceId, roundId));
        new RecordPdf(record, workspaces.details(workspaceId).name(), Messages.supported(locale), clock.instant())
                .write(out);
    }

    /**
     * The record as JSON: a small envelope and, under {@code content}, the stored canonical content
     * written raw, the exact text its hash is the SHA-256 of. The same shape as each entry of
     * {@code decisionRecords} in the history export.
     */
    @Transactional(readOnly = true)
    public void writeJson(long workspaceId, long roundId, OutputStream out) {
        access.requireMember(workspaceId);
        DecisionRecord r = stored(workspaceId, roundId);
        String workspaceName = workspaces.details(workspaceId).name();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringProperty("format", JSON_FORMAT);
            json.writeNumberProperty("formatVersion", JSON_FORMAT_VERSION);
            json.writeStringProperty("exportedAt", clock.instant().toString());
            json.writeName("workspace");
            json.writeStartObject();
            json.writeNumberProperty("id", workspaceId);
            json.writeStringProperty("name", workspaceName);
            json.writeEndObject();
            RecordJson.writeFields(json, r);
            json.writeEndObject();
        }
    }

    /** Whether the round's ballots may be exported: only a named round's record holds them. */
    @Transactional(readOnly = true)
    public boolean ballotsExportable(long workspaceId, long roundId) {
        access.requireMember(workspaceId);
        return !RecordContent.read(stored(workspaceId, roundId)).secret();
    }

    /**
     * A named round's ballots as CSV (RFC 4180, UTF-8 with a byte order mark, one row per counted
     * ballot; docs/export-format.md), with the header row in the reader's language.
     *
     * @throws DomainException {@code error.recordExport.secretBallots} for a secret round, before
     *                         anything is written
     */
    @Transactional(readOnly = true)
    public void writeBallotsCsv(long workspaceId, long roundId, Locale locale, OutputStream out) {
        access.requireMember(workspaceId);
        RecordView record = names.view(stored(workspaceId, roundId));
        if (record.secret()) {
            throw new DomainException("error.recordExport.secretBallots");
        }
        try {
            BallotsCsv.write(record, Messages.supported(locale), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private DecisionRecord stored(long workspaceId, long roundId) {
        return records.findByRoundId(roundId).filter(r -> r.workspaceId() == workspaceId)
                .orElseThrow(NotFoundOrNoAccessException::new);
    }
}
