package dk.ligevaerd.round.rules;

/** A voter's answer in an ADOPT round. */
public enum Vote {
    YES,
    NO,
    /** Takes part, which counts for the quorum, but leaves the support of the side unchanged. */
    ABSTAIN,
    /**
     * "I cannot live with this", with a reason. Only under {@link AdoptRule#CONSENT}; the other
     * rules have no veto, so an objection there would look stronger than the no it counts as.
     */
    OBJECT
}
