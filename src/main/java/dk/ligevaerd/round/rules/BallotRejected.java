package dk.ligevaerd.round.rules;

import java.util.Arrays;

/**
 * A ballot the rules refuse, told as a translation key and its arguments rather than a finished
 * sentence, so that every voter reads the reason in their own language.
 *
 * <p>Its shape ({@link #messageKey()}, {@link #arguments()}) matches
 * {@code dk.ligevaerd.shared.DomainException}; this package does not extend that class only
 * because it depends on nothing outside the JDK, so the round service hands it on as
 * {@code new DomainException(e.messageKey(), e.arguments())}. The arguments are numbers a voter
 * can act on (a budget, a limit), never internal ids.
 */
public final class BallotRejected extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    public BallotRejected(String messageKey, Object... arguments) {
        super(messageKey + (arguments.length == 0 ? "" : " " + Arrays.toString(arguments)));
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
