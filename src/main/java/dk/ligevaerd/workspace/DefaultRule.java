package dk.ligevaerd.workspace;

import java.util.Locale;

/**
 * The decision rule a new ADOPT round of the workspace starts from. Named here so the workspace
 * can keep it without knowing the round feature; the names match the round's rules.
 */
public enum DefaultRule {
    SIDE_PARITY,
    DOUBLE_MAJORITY,
    CONSENT;

    public String messageKey() {
        return "round.rule." + name().toLowerCase(Locale.ROOT);
    }
}
