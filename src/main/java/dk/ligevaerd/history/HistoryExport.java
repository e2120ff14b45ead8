package dk.ligevaerd.history;

import java.util.Locale;
import org.openpdf.text.Document;
import tools.jackson.core.JsonGenerator;

/**
 * A feature's part of a workspace's history export (priorities, rounds and records, statement
 * versions and changes). Contributors are Spring beans; the history feature calls them in
 * {@link #order()} after its own timeline, inside one read-only transaction, after it has checked
 * that the caller may read the workspace.
 */
public interface HistoryExport {

    int order();

    /** The JSON property this part is written under. */
    String section();

    /** Writes the value of {@link #section()}: an array or object, streamed. */
    void writeJson(long workspaceId, JsonGenerator json);

    /** Adds this part to the PDF, in the reader's language. */
    void writePdf(long workspaceId, Document pdf, Locale locale);
}
