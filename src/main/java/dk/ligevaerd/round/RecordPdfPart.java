package dk.ligevaerd.round;

import dk.ligevaerd.history.PdfText;
import dk.ligevaerd.round.RecordView.SideResult;
import dk.ligevaerd.round.rules.Fraction;
import dk.ligevaerd.shared.Messages;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.openpdf.text.Document;
import org.openpdf.text.Font;
import org.openpdf.text.FontFactory;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;

/**
 * What every part of a decision record's PDF shares: the record, the reader's language, and the
 * way facts, headings, places and shares are written.
 */
abstract class RecordPdfPart {

    static final Font MONO = FontFactory.getFont(FontFactory.COURIER, "Cp1252", 8);
    static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");

    final RecordView r;
    final Locale locale;
    final Map<Long, String> sideNames;
    private final DateTimeFormatter when;

    RecordPdfPart(RecordView record, Locale locale) {
        this.r = record;
        this.locale = locale;
        this.when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .withZone(ZONE);
        this.sideNames = record.sides().stream().collect(Collectors.toMap(SideResult::sideId, SideResult::name));
    }

    /**
     * A date and time in the reader's language. English formats put a narrow no-break space before
     * "AM"/"PM", which the Cp1252 fonts lack; a plain no-break space keeps the two together.
     */
    String at(Instant instant) {
        return when.format(instant).replace('\u202F', '\u00A0');
    }

    String msg(String key, Object... arguments) {
        return Messages.get(locale, key, arguments);
    }

    void heading(Document pdf, String key, Object... arguments) {
        Paragraph heading = new Paragraph(msg(key, arguments), PdfText.HEADING);
        heading.setSpacingBefore(12);
        heading.setSpacingAfter(4);
        pdf.add(heading);
    }

    static PdfPTable facts() {
        PdfPTable table = new PdfPTable(new float[] {2, 5});
        table.setWidthPercentage(100);
        table.setSpacingBefore(4);
        table.setSpacingAfter(8);
        return table;
    }

    void fact(PdfPTable table, String labelKey, String value) {
        table.addCell(bold(msg(labelKey)));
        table.addCell(PdfText.cell(value));
    }

    static PdfPCell bold(String text) {
        PdfPCell cell = new PdfPCell(new Phrase(text, PdfText.BOLD));
        cell.setPadding(4);
        return cell;
    }

    static PdfPCell mono(String text) {
        PdfPCell cell = new PdfPCell(new Phrase(text, MONO));
        cell.setPadding(4);
        return cell;
    }

    static float[] floats(List<Float> values) {
        float[] result = new float[values.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = values.get(i);
        }
        return result;
    }

    static String place(int place, boolean tie) {
        return tie ? place + "=" : String.valueOf(place);
    }

    /** "1. Title", or "2= Title" for a shared place. */
    static String numbered(int place, boolean tie, String title) {
        return (tie ? place + "= " : place + ". ") + title;
    }

    /** A share as a percentage with one decimal, for reading; the record holds the exact fraction. */
    String percent(Fraction share) {
        NumberFormat format = NumberFormat.getPercentInstance(locale);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(share.toBigDecimal(4, RoundingMode.HALF_UP));
    }
}
