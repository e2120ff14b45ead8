package dk.ligevaerd.mail;

import dk.ligevaerd.shared.DomainException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One mail to one recipient, ready for the outbox.
 *
 * @param headers extra header lines, such as {@code List-Unsubscribe}; names are plain tokens and
 *        values carry no line breaks, so nothing can be smuggled into the header block
 */
public record OutgoingMail(String to, String subject, MailBody body, Map<String, String> headers) {

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

    public OutgoingMail {
        Map<String, String> checked = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            if (!HEADER_NAME.matcher(name).matches() || value.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("not a header line: " + name);
            }
            checked.put(name, value);
        });
        headers = java.util.Collections.unmodifiableMap(checked);
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
