package dk.ligevaerd.history;

import java.awt.Color;
import org.openpdf.text.Font;
import org.openpdf.text.FontFactory;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;

/**
 * The type styles and table helpers every PDF export uses, so a record exported by the rounds
 * feature looks like the history it sits in. Helvetica with Cp1252 covers Danish letters.
 */
public final class PdfText {

    public static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, "Cp1252", 20);
    public static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, "Cp1252", 13);
    public static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, "Cp1252", 10);
    public static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, "Cp1252", 10);
    public static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA, "Cp1252", 8, Font.NORMAL, Color.DARK_GRAY);

    private PdfText() {
    }

    /** A full-width table with a header row repeated on every page. */
    public static PdfPTable table(float[] widths, String... headers) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setSpacingBefore(6);
        table.setSpacingAfter(12);
        table.setHeaderRows(1);
        for (String header : headers) {
            PdfPCell cell = new PdfPCell(new Phrase(header, BOLD));
            cell.setBackgroundColor(new Color(230, 230, 230));
            cell.setPadding(4);
            table.addCell(cell);
        }
        return table;
    }

    public static PdfPCell cell(String text) {
        PdfPCell cell = new PdfPCell(new Phrase(text, BODY));
        cell.setPadding(4);
        return cell;
    }
}
