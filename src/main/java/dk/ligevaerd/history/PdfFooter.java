package dk.ligevaerd.history;

import java.awt.Color;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfWriter;

/**
 * The foot of every page of an export: what the document is on the left, "page X of Y" on the
 * right. Y is not known until the document closes, so it is a template drawn in then.
 */
public final class PdfFooter extends PdfPageEventHelper {

    /** Stands for the total in the page pattern while the page is drawn. */
    private static final String TOTAL = "\u0001";

    private final String left;
    private final PagePattern page;
    private final BaseFont font = PdfText.SMALL.getCalculatedBaseFont(false);
    private final float size = PdfText.SMALL.getCalculatedSize();
    /** Room for the total: four digits. */
    private final float totalWidth = font.getWidthPoint("0000", size);
    private @Nullable PdfTemplate total;

    /** "page {0} of {1}" in the reader's language, for a page number and the total's place. */
    @FunctionalInterface
    public interface PagePattern {
        String format(int page, String total);
    }

    /**
     * @param left what the document is, on every page
     * @param page the page pattern; the total is handed to it as a marker and drawn in at the end
     */
    public PdfFooter(String left, PagePattern page) {
        this.left = left;
        this.page = page;
    }

    @Override
    public void onOpenDocument(PdfWriter writer, Document document) {
        total = writer.getDirectContent().createTemplate(totalWidth, size * 1.5f);
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
        PdfContentByte canvas = writer.getDirectContent();
        float y = document.bottom() - 28;
        ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, new Phrase(left, PdfText.SMALL), document.left(), y, 0);
        String text = page.format(writer.getPageNumber(), TOTAL);
        int at = text.indexOf(TOTAL);
        String before = at < 0 ? text : text.substring(0, at);
        String after = at < 0 ? "" : text.substring(at + TOTAL.length());
        float afterWidth = font.getWidthPoint(after, size);
        float x = document.right() - afterWidth - (at < 0 ? 0 : totalWidth) - font.getWidthPoint(before, size);
        canvas.saveState();
        canvas.setColorFill(Color.DARK_GRAY);
        canvas.beginText();
        canvas.setFontAndSize(font, size);
        canvas.setTextMatrix(x, y);
        canvas.showText(before);
        canvas.endText();
        if (at >= 0) {
            canvas.addTemplate(Objects.requireNonNull(total), x + font.getWidthPoint(before, size), y);
        }
        if (!after.isEmpty()) {
            canvas.beginText();
            canvas.setFontAndSize(font, size);
            canvas.setTextMatrix(document.right() - afterWidth, y);
            canvas.showText(after);
            canvas.endText();
        }
        canvas.restoreState();
    }

    @Override
    public void onCloseDocument(PdfWriter writer, Document document) {
        PdfTemplate t = Objects.requireNonNull(total);
        t.beginText();
        t.setColorFill(Color.DARK_GRAY);
        t.setFontAndSize(font, size);
        t.setTextMatrix(0, 0);
        t.showText(String.valueOf(writer.getPageNumber() - 1));
        t.endText();
    }
}
