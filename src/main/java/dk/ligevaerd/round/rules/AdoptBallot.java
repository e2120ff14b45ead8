package dk.ligevaerd.round.rules;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One voter's ballot in an ADOPT round.
 *
 * <p>Only an objection has a reason: the others see it with the objector's side, so that they
 * can work out what would have to change. Whether the reason is present and short enough, and
 * whether an objection is allowed at all, is checked by {@link AdoptVoting#validate(AdoptBallot)},
 * which answers with a message the voter can read.
 *
 * @param vote   the answer
 * @param reason for an objection, stripped of surrounding white space; {@code null} otherwise
 */
public record AdoptBallot(Vote vote, @Nullable String reason) {

    /** The longest reason an objection may give, in characters; the form uses it as its limit. */
    public static final int REASON_MAX_LENGTH = 2_000;

    /**
     * @throws IllegalArgumentException if a vote other than {@link Vote#OBJECT} carries a reason:
     *                                  a form that lets that happen would lose the text silently
     */
    public AdoptBallot {
        Objects.requireNonNull(vote, "vote");
        if (reason != null && vote != Vote.OBJECT) {
            throw new IllegalArgumentException("Only an objection carries a reason, not " + vote);
        }
        if (reason != null) {
            reason = reason.strip();
        }
    }

    public static AdoptBallot yes() {
        return new AdoptBallot(Vote.YES, null);
    }

    public static AdoptBallot no() {
        return new AdoptBallot(Vote.NO, null);
    }

    public static AdoptBallot abstain() {
        return new AdoptBallot(Vote.ABSTAIN, null);
    }

    public static AdoptBallot object(@Nullable String reason) {
        return new AdoptBallot(Vote.OBJECT, reason);
    }
}
