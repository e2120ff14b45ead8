package dk.ligevaerd.notify;

import java.util.Locale;

/** The kinds of notification a person can switch on or off, each on its own. */
public enum NotificationKind {
    /** A round opened that the person can vote in; the mail says when it closes. */
    ROUND_OPENED,
    /** Voting in a round the person can vote in ends within a day, and they have not voted. */
    VOTING_ENDS_SOON,
    /** The person's side must still confirm closing a round (to that side's moderators). */
    CONFIRMATION_AWAITED,
    /** A round closed, with its outcome. */
    ROUND_CLOSED,
    /** A workspace change awaits the person's side's confirmation (to that side's moderators). */
    PROPOSAL_AWAITED,
    /** Someone replied in a comment thread the person wrote in before. */
    REPLY,
    /** Someone mentioned the person ({@code @} and their name) in a comment. */
    MENTION;

    public String messageKey() {
        return "notify.kind." + name().toLowerCase(Locale.ROOT);
    }
}
