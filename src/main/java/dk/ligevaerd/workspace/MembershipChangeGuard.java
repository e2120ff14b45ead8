package dk.ligevaerd.workspace;

/**
 * Asked before a member's place in a workspace changes, by features that must keep it fixed for a
 * while: the round feature refuses side changes while a round is open, and the removal or demotion
 * of anyone who has voted or confirmed in one. A Spring bean in the contributing feature; each
 * method throws a translated {@link dk.ligevaerd.shared.DomainException} to refuse and returns to allow.
 */
public interface MembershipChangeGuard {

    /** Before any member of the workspace changes side (including to or from having none). */
    void beforeSideChange(long workspaceId, long userId);

    /** Before a member is removed or given a lesser role. */
    void beforeRemovalOrDemotion(long workspaceId, long userId);

    /**
     * Before a side is removed or the workspace is deleted: asked when the change is proposed and
     * again, in the applying transaction, when the last key arrives.
     */
    void beforeSideRemovalOrDeletion(long workspaceId);
}
