package dk.ligevaerd.round;

import java.util.Locale;

/** DRAFT → OPEN → CLOSED, or DRAFT/OPEN → CANCELLED. A round is never reopened. */
public enum RoundState {
    DRAFT, OPEN, CLOSED, CANCELLED;

    public String messageKey() {
        return "round.state." + name().toLowerCase(Locale.ROOT);
    }
}
