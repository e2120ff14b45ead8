package dk.ligevaerd.shared;

/**
 * Thrown when something does not exist or the current user may not see it. The two cases are
 * deliberately indistinguishable so that probing URLs reveals nothing.
 */
public class NotFoundOrNoAccessException extends DomainException {

    public NotFoundOrNoAccessException() {
        super("error.notFoundOrNoAccess");
    }
}
