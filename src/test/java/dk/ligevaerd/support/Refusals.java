package dk.ligevaerd.support;

import dk.ligevaerd.shared.DomainException;
import java.util.concurrent.Callable;

/** Asserts that a call is refused and returns the message key it was refused with. */
public final class Refusals {

    private Refusals() {
    }

    public static String keyOf(Callable<?> call) {
        try {
            call.call();
        } catch (DomainException e) {
            return e.messageKey();
        } catch (Exception e) {
            throw new AssertionError("refused with an unexpected exception", e);
        }
        throw new AssertionError("expected a refusal, but the call was accepted");
    }
}
