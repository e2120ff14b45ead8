package dk.ligevaerd.shared;

/** A member tried something their role in the workspace does not allow. */
public class NotPermittedException extends DomainException {

    public NotPermittedException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
