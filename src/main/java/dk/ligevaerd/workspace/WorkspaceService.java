package dk.ligevaerd.workspace;

import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.account.CurrentUser;
import dk.ligevaerd.account.UserSummary;
import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.shared.NotFoundOrNoAccessException;
import dk.ligevaerd.workspace.WorkspaceEvents.MemberChanged;
import dk.ligevaerd.workspace.WorkspaceEvents.MemberRemoved;
import dk.ligevaerd.workspace.WorkspaceEvents.SideAdded;
import dk.ligevaerd.workspace.WorkspaceEvents.SideChanged;
import dk.ligevaerd.workspace.WorkspaceEvents.SideRemoved;
import dk.ligevaerd.workspace.WorkspaceEvents.WorkspaceCreated;
import dk.ligevaerd.workspace.WorkspaceEvents.WorkspaceRenamed;
import dk.ligevaerd.workspace.domain.Invitation;
import dk.ligevaerd.workspace.domain.InvitationRepository;
import dk.ligevaerd.workspace.domain.Membership;
import dk.ligevaerd.workspace.domain.MembershipRepository;
import dk.ligevaerd.workspace.domain.Side;
import dk.ligevaerd.workspace.domain.Workspace;
import dk.ligevaerd.workspace.domain.WorkspaceRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Workspaces, their sides and their members. Thin: the aggregates keep the rules. */
@Service
public class WorkspaceService {

    /** The sides every new workspace starts with, in the workspace's language. */
    public static final List<String> DEFAULT_SIDE_KEYS = List.of("side.default.municipality", "side.default.civil");

    private final WorkspaceRepository workspaces;
    private final MembershipRepository memberships;
    private final InvitationRepository invitations;
    private final WorkspaceAccess access;
    private final CurrentUser currentUser;
    private final AccountService accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WorkspaceService(WorkspaceRepository workspaces, MembershipRepository memberships, InvitationRepository invitations,
            WorkspaceAccess access, CurrentUser currentUser, AccountService accounts, ApplicationEventPublisher events,
            Clock clock) {
        this.workspaces = workspaces;
        this.memberships = memberships;
        this.invitations = invitations;
        this.access = access;
        this.currentUser = currentUser;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Creates a workspace with the given sides; the creator becomes its owner and the moderator of
     * the side at {@code creatorSideIndex}.
     */
    @Transactional
    public long create(String name, String description, List<String> sideNames, int creatorSideIndex) {
        long userId = currentUser.id();
        Workspace workspace = new Workspace(name, description, sideNames, userId, clock.instant());
        workspaces.saveAndFlush(workspace);
        if (creatorSideIndex < 0 || creatorSideIndex >= workspace.sides().size()) {
            throw new DomainException("error.member.sideRequired");
        }
        long sideId = workspace.sides().get(creatorSideIndex).id();
        memberships.save(new Membership(workspace.id(), userId, sideId, Role.MODERATOR, true, clock.instant()));
        events.publishEvent(new WorkspaceCreated(workspace.id(), userId, sideId, workspace.name()));
        return workspace.id();
    }

    @Transactional(readOnly = true)
    public List<WorkspaceSummary> mine() {
        long userId = currentUser.id();
        Map<Long, Membership> mine = memberships.findByUserId(userId).stream()
                .collect(Collectors.toMap(Membership::workspaceId, Function.identity()));
        return workspaces.findByIdInOrderByNameAsc(mine.keySet()).stream().map(w -> {
            Membership m = mine.get(w.id());
            List<Membership> all = memberships.findByWorkspaceId(w.id());
            return new WorkspaceSummary(w.id(), w.name(), w.description(), sideViews(w, all), m.sideId(), m.role(),
                    m.owner(), all.size());
        }).toList();
    }

    /**
     * For a feature closing a decision round, inside its transaction (which decided who may close,
     * or is a round's closing time with nobody logged in): the user ids of each side's members who
     * may vote now.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public Map<Long, java.util.Set<Long>> votersBySide(long workspaceId) {
        Map<Long, java.util.Set<Long>> voters = new java.util.HashMap<>();
        for (Membership m : memberships.findByWorkspaceId(workspaceId)) {
            if (m.sideId() != null && m.role().canContribute()) {
                voters.computeIfAbsent(m.sideId(), side -> new java.util.HashSet<>()).add(m.userId());
            }
        }
        return voters;
    }

    /**
     * For another feature, inside its transaction (which has checked the caller, or runs with nobody
     * logged in, as a round's closing time does): the workspace's sides and members as they are now.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public Roster roster(long workspaceId) {
        Workspace workspace = load(workspaceId);
        Map<Long, Member> members = new java.util.HashMap<>();
        for (Membership m : memberships.findByWorkspaceId(workspaceId)) {
            members.put(m.userId(), WorkspaceAccess.toMember(m));
        }
        return new Roster(workspace.sides().stream().map(Side::id).collect(Collectors.toSet()), members);
    }

    @Transactional(readOnly = true)
    public WorkspaceDetails details(long workspaceId) {
        Member me = access.requireMember(workspaceId);
        Workspace workspace = load(workspaceId);
        List<Membership> all = memberships.findByWorkspaceId(workspaceId);
        Map<Long, UserSummary> users = accounts.summaries(all.stream().map(Membership::userId).toList());
        List<MemberView> members = all.stream()
                .map(m -> {
                    UserSummary u = users.get(m.userId());
                    return new MemberView(m.userId(), u.username(), u.displayName(), m.sideId(), m.role(), m.owner(),
                            m.joinedAt());
                })
                .sorted(Comparator.comparing(MemberView::displayName, String.CASE_INSENSITIVE_ORDER))
                .toList();
        return new WorkspaceDetails(workspace.id(), workspace.name(), workspace.description(),
                workspace.jointClosing(), workspace.createdAt(), sideViews(workspace, all), members, me);
    }

    /**
     * The owner's choice whether a round closes only when a moderator of every side has confirmed
     * (the default). Rounds already open keep the setting they opened with.
     */
    @Transactional
    public void setJointClosing(long workspaceId, boolean on) {
        Member owner = access.requireOwner(workspaceId);
        Workspace workspace = load(workspaceId);
        if (workspace.jointClosing() != on) {
            workspace.setJointClosing(on);
            events.publishEvent(new WorkspaceEvents.JointClosingChanged(workspaceId, owner.userId(), owner.sideId(), on));
        }
    }

    @Transactional
    public void rename(long workspaceId, String name, String description) {
        Member owner = access.requireOwner(workspaceId);
        Workspace workspace = load(workspaceId);
        workspace.rename(name);
        workspace.describe(description);
        events.publishEvent(new WorkspaceRenamed(workspaceId, owner.userId(), owner.sideId(), workspace.name()));
    }

    @Transactional
    public long addSide(long workspaceId, String name, String colour) {
        Member owner = access.requireOwner(workspaceId);
        Workspace workspace = load(workspaceId);
        Side side = workspace.addSide(name, colour);
        // A flush, not save(): save() would merge and leave `side` as a detached copy without an id.
        workspaces.flush();
        events.publishEvent(new SideAdded(workspaceId, owner.userId(), owner.sideId(), side.id(), side.name()));
        return side.id();
    }

    @Transactional
    public void changeSide(long workspaceId, long sideId, String name, String colour) {
        Member owner = access.requireOwner(workspaceId);
        Workspace workspace = load(workspaceId);
        workspace.renameSide(sideId, name);
        workspace.recolourSide(sideId, colour);
        Side side = workspace.side(sideId);
        events.publishEvent(new SideChanged(workspaceId, owner.userId(), owner.sideId(), sideId, side.name(),
                side.colour()));
    }

    /** Removes an empty side; its pending invitations are revoked with it. */
    @Transactional
    public void removeSide(long workspaceId, long sideId) {
        Member owner = access.requireOwner(workspaceId);
        Workspace workspace = load(workspaceId);
        Side removed = workspace.removeSide(sideId, memberships.countByWorkspaceIdAndSideId(workspaceId, sideId));
        Instant now = clock.instant();
        for (Invitation invitation : invitations.findByWorkspaceIdAndSideId(workspaceId, sideId)) {
            if (invitation.status(now) == InvitationStatus.PENDING) {
                invitation.revoke(now);
            }
        }
        workspaces.flush();
        events.publishEvent(new SideRemoved(workspaceId, owner.userId(), owner.sideId(), sideId, removed.name()));
    }

    /** Gives a member a new role and side (observers have none). */
    @Transactional
    public void assign(long workspaceId, long userId, Role role, @Nullable Long sideId) {
        Member owner = access.requireOwner(workspaceId);
        Workspace workspace = load(workspaceId);
        if (sideId != null) {
            workspace.side(sideId);
        }
        Membership membership = memberships.findByWorkspaceIdAndUserId(workspaceId, userId)
                .orElseThrow(NotFoundOrNoAccessException::new);
        Long oldSide = membership.sideId();
        Role oldRole = membership.role();
        membership.assign(role, sideId);
        events.publishEvent(new MemberChanged(workspaceId, owner.userId(), owner.sideId(), userId, oldSide, oldRole,
                membership.sideId(), membership.role()));
    }

    @Transactional
    public void remove(long workspaceId, long userId) {
        Member owner = access.requireOwner(workspaceId);
        Membership membership = memberships.findByWorkspaceIdAndUserId(workspaceId, userId)
                .orElseThrow(NotFoundOrNoAccessException::new);
        if (membership.owner()) {
            throw new DomainException("error.member.ownerCannotBeRemoved");
        }
        memberships.delete(membership);
        events.publishEvent(new MemberRemoved(workspaceId, owner.userId(), owner.sideId(), userId,
                membership.sideId(), membership.role()));
    }

    private Workspace load(long workspaceId) {
        return workspaces.findById(workspaceId).orElseThrow(NotFoundOrNoAccessException::new);
    }

    private static List<SideView> sideViews(Workspace workspace, List<Membership> members) {
        Map<Long, Long> counts = members.stream().filter(m -> m.sideId() != null)
                .collect(Collectors.groupingBy(Membership::sideId, Collectors.counting()));
        return workspace.sides().stream()
                .map(s -> new SideView(s.id(), s.name(), s.colour(), s.position(), counts.getOrDefault(s.id(), 0L)))
                .toList();
    }
}
