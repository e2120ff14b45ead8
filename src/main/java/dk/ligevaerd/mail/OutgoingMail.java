package dk.ligevaerd.mail;

import dk.ligevaerd.shared.DomainException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One mail to one recipient, ready for the outbox.
 *
 * @param headers extra header lines, such as {@code List-Unsubscribe}; names are plain tokens and
 *        values carry no line breaks, so nothing can be smuggled into the header block
 * @param workspaceId the workspace the mail concerns, for its outbox page; null for none
 * @param kind what kind of mail it is ({@code INVITATION}, a notification kind, ...), for that page
 */
public record OutgoingMail(String to, String subject, MailBody body, Map<String, String> headers,
        @Nullable Long workspaceId, @Nullable String kind) {

    /** The longest {@link #kind}. */
    public static final int KIND_MAX_LENGTH = 40;

    /** RFC 5321's limit for a forward path. */
    public static final int ADDRESS_MAX_LENGTH = 254;
    public static final int SUBJECT_MAX_LENGTH = 300;
    // Deliberately plain: one @, no spaces or control characters, a dot in the domain. The mail
    // server is the judge of the rest; this only keeps typos and header injection out.
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s\\p{Cntrl}<>,;\"]+@[^@\\s\\p{Cntrl}<>,;\"]+\\.[^@\\s\\p{Cntrl}<>,;\".]+");

    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,60}");

    public OutgoingMail(String to, String subject, MailBody body) {
        this(to, subject, body, Map.of());
    }

    public OutgoingMail(String to, String subject, MailBody body, Map<String, String> headers) {
        this(to, subject, body, headers, null, null);
    }

    /** The same mail, marked as concerning this workspace and being of this kind. */
    public OutgoingMail about(long workspace, String ofKind) {
        return new OutgoingMail(to, subject, body, headers, workspace, ofKind);
    }

    public OutgoingMail {
        Map<String, String> checked = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            if (!HEADER_NAME.matcher(name).matches() || value.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("not a header line: " + name);
            }
            checked.put(name, value);
        });
        headers = java.util.Collections.unmodifiableMap(checked);
        if (kind != null && (kind.length() > KIND_MAX_LENGTH || !HEADER_NAME.matcher(kind.replace('_', '-')).matches())) {
            throw new IllegalArgumentException("not a kind of mail: " + kind);
        }
        to = address(to);
        subject = subject.replaceAll("\\p{Cntrl}", " ").strip();
        if (subject.length() > SUBJECT_MAX_LENGTH) {
            subject = subject.substring(0, SUBJECT_MAX_LENGTH);
        }
    }

    /** The address trimmed, or {@code error.mail.address} for something that cannot be an address. */
    public static String address(String value) {
        String trimmed = value.strip();
        if (trimmed.length() > ADDRESS_MAX_LENGTH || !ADDRESS.matcher(trimmed).matches()) {
            throw new DomainException("error.mail.address");
        }
        return trimmed;
    }
}
