package dk.ligevaerd.statement.collab;

import dk.ligevaerd.shared.DomainException;

/**
 * A change to the statement that cannot be accepted as sent. It carries a translation key (so the
 * browser that sent it can say plainly what was not saved) and, separately, a technical detail for
 * the log, because the user cannot act on "section 3 has a negative length" but a developer can.
 */
public class InvalidChange extends DomainException {

    /** The change is not in CodeMirror's change set format, or carries numbers it cannot mean. */
    public static final String MALFORMED = "statement.change.malformed";
    /** The change was made for a text of another length: {0} claimed, {1} actual. */
    public static final String WRONG_LENGTH = "statement.change.wrongLength";
    /** The inserted text holds a character that cannot be stored, such as a control character. */
    public static final String INVALID_CHARACTER = "statement.change.invalidCharacter";
    /** The client's version is newer than the server's: {0} sent, {1} known. */
    public static final String VERSION_FROM_FUTURE = "statement.version.future";
    /** The client is so far behind that the changes it misses are no longer kept: reload. */
    public static final String VERSION_TOO_OLD = "statement.version.tooOld";
    /** The change would make the text longer than the limit: {0} the limit, {1} the length. */
    public static final String TOO_LONG = "statement.tooLong";

    private final String detail;

    public InvalidChange(String messageKey, String detail, Object... arguments) {
        super(messageKey, arguments);
        this.detail = detail;
    }

    /** What exactly was wrong, in English, for the log; never shown to the user. */
    public String detail() {
        return detail;
    }

    @Override
    public String getMessage() {
        return super.getMessage() + ": " + detail;
    }
}
