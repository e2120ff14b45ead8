package dk.ligevaerd.mail;

import dk.ligevaerd.shared.DomainException;
import java.util.regex.Pattern;

/** One mail to one recipient, ready for the outbox. */
public record OutgoingMail(String to, String subject, MailBody body) {

    /** RFC 5321's limit for a forward path. */
    public static final int ADDRESS_MAX_LENGTH = 254;
    public static final int SUBJECT_MAX_LENGTH = 300;
    // Deliberately plain: one @, no spaces or control characters, a dot in the domain. The mail
    // server is the judge of the rest; this only keeps typos and header injection out.
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s\\p{Cntrl}<>,;\"]+@[^@\\s\\p{Cntrl}<>,;\"]+\\.[^@\\s\\p{Cntrl}<>,;\".]+");

    public OutgoingMail {
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
