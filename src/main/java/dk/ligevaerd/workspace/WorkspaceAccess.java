package dk.ligevaerd.workspace;

import dk.ligevaerd.account.CurrentUser;
import dk.ligevaerd.shared.NotFoundOrNoAccessException;
import dk.ligevaerd.shared.NotPermittedException;
import dk.ligevaerd.workspace.domain.Membership;
import dk.ligevaerd.workspace.domain.MembershipRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one place that decides who may do what in a workspace. Every service of every feature
 * asks here before it reads or changes anything; a non-member learns nothing, not even whether
 * the workspace exists.
 */
@Component
public class WorkspaceAccess {

    private final MembershipRepository memberships;
    private final CurrentUser currentUser;

    WorkspaceAccess(MembershipRepository memberships, CurrentUser currentUser) {
        this.memberships = memberships;
        this.currentUser = currentUser;
    }

    /** The current user's membership; "not found or no access" for anyone else. */
    @Transactional(readOnly = true)
    public Member requireMember(long workspaceId) {
        long userId = currentUser.id();
        return memberships.findByWorkspaceIdAndUserId(workspaceId, userId)
                .map(WorkspaceAccess::toMember)
                .orElseThrow(NotFoundOrNoAccessException::new);
    }

    /** Participants and moderators: those who write, propose and vote. */
    @Transactional(readOnly = true)
    public Member requireContributor(long workspaceId) {
        Member member = requireMember(workspaceId);
        if (!member.canContribute()) {
            throw new NotPermittedException("error.permission.contributor");
        }
        return member;
    }

    @Transactional(readOnly = true)
    public Member requireModerator(long workspaceId) {
        Member member = requireMember(workspaceId);
        if (!member.isModerator()) {
            throw new NotPermittedException("error.permission.moderator");
        }
        return member;
    }

    @Transactional(readOnly = true)
    public Member requireOwner(long workspaceId) {
        Member member = requireMember(workspaceId);
        if (!member.owner()) {
            throw new NotPermittedException("error.permission.owner");
        }
        return member;
    }

    static Member toMember(Membership membership) {
        return new Member(membership.workspaceId(), membership.userId(), membership.sideId(), membership.role(),
                membership.owner());
    }
}
