package dk.ligevaerd.round.rules;

/**
 * When an ADOPT round adopts, given every side's support {@code yes / (yes + no)}.
 *
 * <p>All three give every side the same weight whatever its headcount; they differ in how much
 * agreement they ask for. See {@link AdoptVoting#tally} for the exact conditions.
 */
public enum AdoptRule {
    /** The mean of the sides' support is above one half. The default. */
    SIDE_PARITY,
    /** Every side's support is above one half, so each side on its own can block. */
    DOUBLE_MAJORITY,
    /** Nobody objects; an objection must give a reason, which is shown with the objector's side. */
    CONSENT
}
