package dk.ligevaerd.mail;

import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A message as the test SMTP server received it, taken apart into what a reader sees. */
public record ReceivedMail(List<String> to, String subject, String text, String html, String messageId) {

    private static final Pattern INVITE_LINK = Pattern.compile("https?://\\S+/invite/([A-Za-z0-9_-]{43})");

    public static ReceivedMail of(MimeMessage message) {
        try {
            StringBuilder text = new StringBuilder();
            StringBuilder html = new StringBuilder();
            collect(message, text, html);
            return new ReceivedMail(Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .map(a -> ((InternetAddress) a).getAddress()).toList(), message.getSubject(),
                    // Lines travel as CRLF; compared as the application wrote them.
                    text.toString().replace("\r\n", "\n"), html.toString().replace("\r\n", "\n"),
                    message.getMessageID());
        } catch (Exception e) {
            throw new IllegalStateException("cannot read received message", e);
        }
    }

    private static void collect(Part part, StringBuilder text, StringBuilder html) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), text, html);
            }
        } else if (part.isMimeType("text/plain")) {
            text.append((String) part.getContent());
        } else if (part.isMimeType("text/html")) {
            html.append((String) part.getContent());
        }
    }

    /** The invitation link in the plain-text part. */
    public String inviteLink() {
        Matcher m = INVITE_LINK.matcher(text);
        if (!m.find()) {
            throw new AssertionError("no invitation link in:\n" + text);
        }
        return m.group();
    }

    /** The token of the invitation link. */
    public String inviteToken() {
        Matcher m = INVITE_LINK.matcher(text);
        if (!m.find()) {
            throw new AssertionError("no invitation link in:\n" + text);
        }
        return m.group(1);
    }
}
