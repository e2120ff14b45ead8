package dk.ligevaerd.round;

import dk.ligevaerd.round.rules.AdoptRule;
import java.util.Locale;

/**
 * How a round turns ballots into a decision; every rule weighs the sides equally. A PRIORITIZE
 * round always ranks by side parity; ADOPT rounds may also ask for a double majority or consent.
 */
public enum DecisionRule {
    SIDE_PARITY(AdoptRule.SIDE_PARITY),
    DOUBLE_MAJORITY(AdoptRule.DOUBLE_MAJORITY),
    CONSENT(AdoptRule.CONSENT);

    private final AdoptRule adoptRule;

    DecisionRule(AdoptRule adoptRule) {
        this.adoptRule = adoptRule;
    }

    public AdoptRule adoptRule() {
        return adoptRule;
    }

    public String messageKey() {
        return "round.rule." + name().toLowerCase(Locale.ROOT);
    }
}
