package dk.ligevaerd.round;

import java.util.Locale;

/** What a decision round decides. */
public enum RoundKind {
    /** Ranks priorities, by dot voting or by ranking. */
    PRIORITIZE,
    /** Adopts or rejects one saved version of the purpose statement. */
    ADOPT;

    public String messageKey() {
        return "round.kind." + name().toLowerCase(Locale.ROOT);
    }
}
