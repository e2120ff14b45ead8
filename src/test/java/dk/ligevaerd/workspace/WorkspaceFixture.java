package dk.ligevaerd.workspace;

import static dk.ligevaerd.support.Acting.as;

import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.account.UserSummary;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToLongFunction;

/**
 * A workspace with one member of every kind, plus an outsider and the owner of another workspace,
 * built through the real services. Usernames are unique per fixture so fixtures can share a database.
 */
public final class WorkspaceFixture {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    public final UserSummary owner;
    public final UserSummary otherModerator;
    public final UserSummary participant;
    public final UserSummary observer;
    public final UserSummary outsider;
    public final UserSummary otherWorkspaceOwner;
    public final long workspaceId;
    public final long otherWorkspaceId;
    public final long municipalSideId;
    public final long civilSideId;

    public WorkspaceFixture(AccountService accounts, WorkspaceService workspaces, InvitationService invitations) {
        String n = "f" + COUNTER.incrementAndGet() + "-" + System.nanoTime() % 100000;
        owner = accounts.register(n + "-owner", "Owner " + n, "bla-hest-tromme-7");
        otherModerator = accounts.register(n + "-mod", "Moderator " + n, "bla-hest-tromme-7");
        participant = accounts.register(n + "-part", "Participant " + n, "bla-hest-tromme-7");
        observer = accounts.register(n + "-obs", "Observer " + n, "bla-hest-tromme-7");
        outsider = accounts.register(n + "-out", "Outsider " + n, "bla-hest-tromme-7");
        otherWorkspaceOwner = accounts.register(n + "-other", "Other " + n, "bla-hest-tromme-7");
        workspaceId = as(owner, () -> workspaces.create("Workspace " + n, "", List.of("Kommune", "Civilsamfund"), 0));
        List<SideView> sides = as(owner, () -> workspaces.details(workspaceId).sides());
        municipalSideId = sides.get(0).id();
        civilSideId = sides.get(1).id();
        join(invitations, otherModerator, civilSideId, Role.MODERATOR);
        join(invitations, participant, municipalSideId, Role.PARTICIPANT);
        join(invitations, observer, null, Role.OBSERVER);
        otherWorkspaceId = as(otherWorkspaceOwner,
                () -> workspaces.create("Other " + n, "", List.of("A", "B"), 1));
    }

    /**
     * A change to the workspace both sides agreed to: the owner (moderator of Kommune) proposes, the
     * civil side's moderator confirms if it still waits.
     */
    public void agree(GovernanceService governance, ToLongFunction<GovernanceService> propose) {
        long id = as(owner, () -> propose.applyAsLong(governance));
        boolean waiting = as(otherModerator, () -> governance.pending(workspaceId)).stream().anyMatch(p -> p.id() == id);
        if (waiting) {
            as(otherModerator, () -> {
                governance.confirm(workspaceId, id);
                return null;
            });
        }
    }

    /** Adds a side with the agreement of both sides; its id. */
    public long addSide(GovernanceService governance, WorkspaceService workspaces, String name, String colour) {
        agree(governance, g -> g.proposeAddSide(workspaceId, name, colour));
        return as(owner, () -> workspaces.details(workspaceId).sides()).stream()
                .filter(s -> s.name().equals(name)).findFirst().orElseThrow().id();
    }

    /** Switches joint closing off with the agreement of both sides. */
    public void jointClosingOff(GovernanceService governance) {
        agree(governance, g -> g.proposeJointClosingOff(workspaceId));
    }

    /** Who may invite into a side of this workspace: its moderator, or the owner for a side still without one. */
    public UserSummary moderatorOf(long sideId) {
        return sideId == civilSideId ? otherModerator : owner;
    }

    private void join(InvitationService invitations, UserSummary user, Long sideId, Role role) {
        String token = as(owner, () -> invitations.create(workspaceId, sideId, role, Duration.ofDays(1)).token());
        as(user, () -> invitations.accept(token));
    }
}
