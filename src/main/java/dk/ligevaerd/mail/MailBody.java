package dk.ligevaerd.mail;

import dk.ligevaerd.shared.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * A mail's content, built once and rendered twice: as plain text and as HTML. Every piece of text
 * is escaped in the HTML part, so a name or note a user typed can never become markup there.
 */
public final class MailBody {

    private sealed interface Part permits Paragraph, Quote, Link {
    }

    private record Paragraph(String text) implements Part {
    }

    private record Quote(String heading, String text) implements Part {
    }

    private record Link(String label, String url) implements Part {
    }

    private final List<Part> parts = new ArrayList<>();

    public MailBody paragraph(String text) {
        parts.add(new Paragraph(text));
        return this;
    }

    /** Someone's own words, set apart under a heading. */
    public MailBody quote(String heading, String text) {
        parts.add(new Quote(heading, text));
        return this;
    }

    /** A link the reader follows; only http and https addresses are accepted. */
    public MailBody link(String label, String url) {
        if (!url.startsWith("https://") && !url.startsWith("http://")) {
            throw new IllegalArgumentException("not a web address: " + url);
        }
        parts.add(new Link(label, url));
        return this;
    }

    public String text() {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            switch (part) {
                case Paragraph p -> out.append(p.text());
                case Quote q -> {
                    out.append(q.heading()).append('\n');
                    q.text().lines().forEach(line -> out.append("> ").append(line).append('\n'));
                    out.setLength(out.length() - 1);
                }
                case Link l -> out.append(l.label()).append(":\n").append(l.url());
            }
            out.append("\n\n");
        }
        return out.toString().stripTrailing() + "\n";
    }

    public String html() {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head>"
                + "<body style=\"font-family: sans-serif; line-height: 1.5\">\n");
        for (Part part : parts) {
            switch (part) {
                case Paragraph p -> out.append("<p>").append(lines(p.text())).append("</p>\n");
                case Quote q -> out.append("<p>").append(escape(q.heading())).append("</p>\n")
                        .append("<blockquote style=\"border-left: 3px solid #888; margin-left: 0; padding-left: 1em\">")
                        .append(lines(q.text())).append("</blockquote>\n");
                case Link l -> out.append("<p><a href=\"").append(escape(l.url())).append("\">")
                        .append(escape(l.label())).append("</a></p>\n");
            }
        }
        return out.append("</body></html>\n").toString();
    }

    private static String lines(String text) {
        return escape(text).replace("\r\n", "\n").replace("\n", "<br>\n");
    }

    private static String escape(String text) {
        return Text.escapeHtml(text);
    }
}
