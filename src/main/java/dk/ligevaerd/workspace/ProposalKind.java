package dk.ligevaerd.workspace;

import java.util.Locale;

/**
 * What a governance proposal would change. Each takes effect only when a moderator of every side
 * concerned has confirmed: both sides for a move, every side with a moderator for the rest (an
 * observer's seat among them: an observer is on no side, so no side decides about them alone).
 */
public enum ProposalKind {
    JOINT_CLOSING_OFF,
    ADD_SIDE,
    RENAME_SIDE,
    REMOVE_SIDE,
    DEFAULT_RULE,
    HAND_OVER,
    DELETE_WORKSPACE,
    MOVE_MEMBER,
    /** Removes an observer (a member on no side) from the workspace. */
    REMOVE_OBSERVER,
    /** Gives an observer a role in a side: they leave the seat on no side for one on that side. */
    OBSERVER_JOINS_SIDE,
    /** Suggested changes to the statement need a moderator of every other side. */
    SUGGESTIONS_BY_MODERATORS,
    /** Suggested changes to the statement need a participant of every other side (the default). */
    SUGGESTIONS_BY_PARTICIPANTS,
    /** Observers (members on no side) may comment in the discussion. */
    OBSERVERS_MAY_COMMENT,
    /** Observers read the discussion but do not comment (the default). */
    OBSERVERS_MAY_NOT_COMMENT,
    /** Sets the workspace's retention rule (archive, then delete). */
    RETENTION,
    /** Opens an archived workspace again; the only proposal an archived workspace takes. */
    UNARCHIVE;

    /** The proposal in words, with its particulars as arguments (the side's name, the rule, …). */
    public String messageKey() {
        return "proposal.kind." + name().toLowerCase(Locale.ROOT);
    }

    /**
     * What kind of proposal this is, in words that need no arguments: for where only the kind is
     * known, such as a history entry about confirming or withdrawing a proposal.
     */
    public String nameKey() {
        return "proposal.name." + name().toLowerCase(Locale.ROOT);
    }

    /** Whether this changes the workspace (as opposed to moving one member between two sides). */
    public boolean concernsEverySide() {
        return this != MOVE_MEMBER;
    }
}
