package dk.ligevaerd.workspace;

/** What a member may do in a workspace. Ownership is separate: the owner also has one of these. */
public enum Role {
    /** Writes, proposes priorities, votes. */
    PARTICIPANT,
    /** A participant who also runs decision rounds and curates the priority list. */
    MODERATOR,
    /** Reads everything, votes on nothing; belongs to no side. */
    OBSERVER;

    public boolean needsSide() {
        return this != OBSERVER;
    }

    public boolean canContribute() {
        return this != OBSERVER;
    }

    public String messageKey() {
        return "role." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
