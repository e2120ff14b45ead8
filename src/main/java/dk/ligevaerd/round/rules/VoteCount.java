package dk.ligevaerd.round.rules;

import java.util.Collection;

/**
 * How many ballots gave each answer, for one side or for everyone pooled.
 *
 * @param yes     yes votes
 * @param no      no votes
 * @param abstain abstentions
 * @param object  objections (only under {@link AdoptRule#CONSENT})
 */
public record VoteCount(int yes, int no, int abstain, int object) {

    public static final VoteCount NONE = new VoteCount(0, 0, 0, 0);

    public VoteCount {
        if (yes < 0 || no < 0 || abstain < 0 || object < 0) {
            throw new IllegalArgumentException("Counts cannot be negative");
        }
    }

    public static VoteCount of(Collection<AdoptBallot> ballots) {
        VoteCount count = NONE;
        for (AdoptBallot ballot : ballots) {
            count = count.plus(ballot.vote());
        }
        return count;
    }

    public static VoteCount sum(Collection<VoteCount> counts) {
        VoteCount total = NONE;
        for (VoteCount count : counts) {
            total = new VoteCount(total.yes + count.yes, total.no + count.no, total.abstain + count.abstain,
                    total.object + count.object);
        }
        return total;
    }

    public VoteCount plus(Vote vote) {
        return switch (vote) {
            case YES -> new VoteCount(yes + 1, no, abstain, object);
            case NO -> new VoteCount(yes, no + 1, abstain, object);
            case ABSTAIN -> new VoteCount(yes, no, abstain + 1, object);
            case OBJECT -> new VoteCount(yes, no, abstain, object + 1);
        };
    }

    /** Every ballot, abstentions included: what the quorum counts. */
    public int total() {
        return yes + no + abstain + object;
    }

    /**
     * SPEC.md's {@code yes / (yes + no)}; abstentions take no part. With no yes or no at all, 1/2:
     * a side that only abstains (or did not vote) neither pushes nor holds back.
     *
     * <p>An objection counts as a no here. Objections exist only under consent, where support
     * decides nothing and is shown for information; leaving them out would show a side whose only
     * ballot is an objection as a neutral 1/2, and turning an objection into a plain no would then
     * lower its support.
     */
    public Fraction support() {
        long against = (long) no + object;
        return yes + against == 0 ? Fraction.HALF : Fraction.of(yes, yes + against);
    }
}
