package dk.ligevaerd.round;

import dk.ligevaerd.round.RecordView.NamedBallot;
import dk.ligevaerd.round.RecordView.OptionResult;
import dk.ligevaerd.round.RecordView.SideResult;
import dk.ligevaerd.round.rules.PrioritizeMethod;
import dk.ligevaerd.shared.Messages;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The ballots of a named round's record as CSV, for a spreadsheet: RFC 4180 (commas, CRLF, fields
 * quoted when they hold a comma, quote or line break), UTF-8 with a byte order mark so that Excel
 * reads Danish letters, and every cell that a spreadsheet would take for a formula defused with a
 * leading apostrophe. Columns: docs/export-format.md.
 */
final class BallotsCsv {

    /** Excel, LibreOffice and Google Sheets evaluate a cell that starts with one of these. */
    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final DateTimeFormatter CAST_AT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Europe/Copenhagen"));

    private BallotsCsv() {
    }

    static void write(RecordView record, Locale locale, OutputStream out) throws IOException {
        Writer csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        csv.write('\uFEFF');
        List<OptionResult> options = record.prioritize() == null ? List.of() : record.prioritize().options();
        List<String> header = new ArrayList<>(List.of(Messages.get(locale, "recordExport.label.seq"),
                Messages.get(locale, "recordExport.label.round"), Messages.get(locale, "recordExport.label.voter"),
                Messages.get(locale, "recordExport.label.side")));
        if (record.kind() == RoundKind.ADOPT) {
            header.add(Messages.get(locale, "recordExport.label.vote"));
            header.add(Messages.get(locale, "recordExport.label.reason"));
        } else {
            header.addAll(optionHeaders(options));
        }
        header.add(Messages.get(locale, "recordExport.label.castAtLocal"));
        row(csv, header);

        Map<Long, String> sides = record.sides().stream().collect(Collectors.toMap(SideResult::sideId,
                SideResult::name));
        for (NamedBallot b : record.ballots()) {
            List<String> cells = new ArrayList<>(List.of(String.valueOf(record.seq()), record.title(),
                    b.voter().name(), sides.getOrDefault(b.sideId(), "")));
            BallotView ballot = b.ballot();
            if (record.kind() == RoundKind.ADOPT) {
                cells.add(ballot.vote() == null ? ""
                        : Messages.get(locale, "round.vote." + ballot.vote().name().toLowerCase(Locale.ROOT)));
                cells.add(Objects.requireNonNullElse(ballot.reason(), ""));
            } else if (record.method() == PrioritizeMethod.DOTS) {
                for (OptionResult o : options) {
                    cells.add(String.valueOf(ballot.points().getOrDefault(o.id(), 0)));
                }
            } else {
                Map<Long, Integer> places = new HashMap<>();
                for (int i = 0; i < ballot.order().size(); i++) {
                    places.put(ballot.order().get(i), i + 1);
                }
                for (OptionResult o : options) {
                    Integer place = places.get(o.id());
                    cells.add(place == null ? "" : String.valueOf(place));
                }
            }
            cells.add(CAST_AT.format(ballot.castAt()));
            row(csv, cells);
        }
        csv.flush();
    }

    /** Option titles, best first; a title two options share gets the option's number, so columns stay apart. */
    private static List<String> optionHeaders(List<OptionResult> options) {
        Map<String, Long> counts = options.stream().collect(Collectors.groupingBy(OptionResult::title,
                Collectors.counting()));
        return options.stream().map(o -> counts.get(o.title()) > 1 ? o.title() + " (#" + o.id() + ")" : o.title())
                .toList();
    }

    private static void row(Writer csv, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.write(',');
            }
            csv.write(field(cells.get(i)));
        }
        csv.write("\r\n");
    }

    /** One field: defused if a spreadsheet would run it, then quoted as RFC 4180 requires. */
    static String field(String value) {
        String safe = !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0
                || safe.indexOf('\r') >= 0;
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }
}
