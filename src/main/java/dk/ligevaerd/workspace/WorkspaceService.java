package dk.ligevaerd.workspace;

import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.account.CurrentUser;
import dk.ligevaerd.account.UserSummary;
import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.shared.NotFoundOrNoAccessException;
import dk.ligevaerd.shared.NotPermittedException;
import dk.ligevaerd.workspace.WorkspaceEvents.MemberChanged;
import dk.ligevaerd.workspace.WorkspaceEvents.MemberRemoved;
import dk.ligevaerd.workspace.WorkspaceEvents.SideChanged;
import dk.ligevaerd.workspace.WorkspaceEvents.WorkspaceCreated;
import dk.ligevaerd.workspace.WorkspaceEvents.WorkspaceRenamed;
import dk.ligevaerd.workspace.domain.Membership;
import dk.ligevaerd.workspace.domain.MembershipRepository;
import dk.ligevaerd.workspace.domain.Side;
import dk.ligevaerd.workspace.domain.Workspace;
import dk.ligevaerd.workspace.domain.WorkspaceRepository;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import java.util.Objects;
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
    private final WorkspaceAccess access;
    private final CurrentUser currentUser;
    private final AccountService accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final GovernanceService governance;
    /**
     * The last list of members read for each workspace. Every open page of a workspace keeps the
     * workspace's details; while nobody joins, leaves or changes, they all keep this one list
     * rather than a copy each (a meeting's 80 pages, 230 members).
     */
    private final Map<Long, List<MemberView>> lastMembers = new ConcurrentHashMap<>();

    WorkspaceService(WorkspaceRepository workspaces, MembershipRepository memberships, WorkspaceAccess access, CurrentUser currentUser, AccountService accounts, ApplicationEventPublisher events,
            Clock clock, GovernanceService governance) {
        this.governance = governance;
        this.workspaces = workspaces;
        this.memberships = memberships;
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
                    m.owner(), all.size(), w.archived());
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
        return new Roster(workspace.sides().stream().map(Side::id).collect(Collectors.toSet()), members,
                workspace.suggestionsByModerators());
    }

    /**
     * For a feature mailing members, inside its own transaction (which decided whom to tell): the
     * workspace's name, language and side names.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public WorkspaceFacts facts(long workspaceId) {
        Workspace workspace = load(workspaceId);
        Map<Long, String> sides = new java.util.LinkedHashMap<>();
        workspace.sides().forEach(side -> sides.put(side.id(), side.name()));
        return new WorkspaceFacts(workspace.id(), workspace.name(), workspace.language(), sides);
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
        if (lastMembers.size() > 10_000) {
            lastMembers.clear();
        }
        members = lastMembers.merge(workspaceId, members, (last, read) -> last.equals(read) ? last : read);
        List<String> withoutModerator = workspace.sides().stream()
                .filter(s -> !WorkspaceAccess.hasModerator(s.id(), all)).map(Side::name).toList();
        return new WorkspaceDetails(workspace.id(), workspace.name(), workspace.description(),
                workspace.jointClosing(), workspace.createdAt(), sideViews(workspace, all), members, me,
                workspace.language(), workspace.defaultRule(), withoutModerator,
                workspace.suggestionsByModerators(), workspace.observersMayComment(), workspace.retention(),
                workspace.archivedAt());
    }

    /**
     * Switches joint closing back on: it harms no side, so the owner or any moderator may. Switching
     * it off is a proposal every side must confirm ({@link GovernanceService#proposeJointClosingOff}).
     * Rounds already open keep the setting they opened with.
     */
    @Transactional
    public void switchJointClosingOn(long workspaceId) {
        Member me = access.requireModeratorOrOwner(workspaceId);
        Workspace workspace = load(workspaceId);
        if (!workspace.jointClosing()) {
            workspace.setJointClosing(true);
            events.publishEvent(new WorkspaceEvents.JointClosingChanged(workspaceId, me.userId(), me.sideId(), true));
        }
    }

    /** Name and description harm no side: the owner keeps them. */
    @Transactional
    public void rename(long workspaceId, String name, String description) {
        Member owner = access.requireOwner(workspaceId);
        Workspace workspace = load(workspaceId);
        workspace.rename(name);
        workspace.describe(description);
        events.publishEvent(new WorkspaceRenamed(workspaceId, owner.userId(), owner.sideId(), workspace.name()));
    }

    /** The workspace's language ("da" or "en"), used for its exports and e-mails; the owner's to set. */
    @Transactional
    public void setLanguage(long workspaceId, String language) {
        Member owner = access.requireOwner(workspaceId);
        Workspace workspace = load(workspaceId);
        if (!workspace.language().equals(language)) {
            workspace.setLanguage(language);
            events.publishEvent(new WorkspaceEvents.LanguageChanged(workspaceId, owner.userId(), owner.sideId(),
                    language));
        }
    }

    /** A side's colour harms no side: the owner keeps it. Renaming a side is a proposal. */
    @Transactional
    public void recolourSide(long workspaceId, long sideId, String colour) {
        Member owner = access.requireOwner(workspaceId);
        Workspace workspace = load(workspaceId);
        workspace.recolourSide(sideId, colour);
        Side side = workspace.side(sideId);
        events.publishEvent(new SideChanged(workspaceId, owner.userId(), owner.sideId(), sideId, side.name(),
                side.colour()));
    }

    /**
     * Gives a member a new role, inside their side or from it to having none (observers). Needs a
     * moderator of the side concerned. A move between two sides needs both sides: it becomes a
     * proposal unless the caller governs both (see {@link GovernanceService#proposeMove}). An
     * observer is on no side, so seating one on a side is for every side to agree: a proposal
     * ({@link GovernanceService#proposeObserverJoins}).
     *
     * @return true when the change was made now, false when it waits for another side
     */
    @Transactional
    public boolean assign(long workspaceId, long userId, Role role, @Nullable Long sideId) {
        Member me = access.requireMember(workspaceId);
        access.requireWritable(workspaceId);
        Workspace workspace = load(workspaceId);
        Long newSide = role.needsSide() ? sideId : null;
        if (role.needsSide() && newSide == null) {
            throw new DomainException("error.member.sideRequired");
        }
        if (newSide != null) {
            workspace.side(newSide);
        }
        Membership membership = memberships.findByWorkspaceIdAndUserId(workspaceId, userId)
                .orElseThrow(NotFoundOrNoAccessException::new);
        Long oldSide = membership.sideId();
        Role oldRole = membership.role();
        if (oldSide != null && newSide != null && !oldSide.equals(newSide)) {
            return governance.proposeMove(workspaceId, userId, role, newSide).isEmpty();
        }
        if (oldSide == null && newSide != null) {
            return governance.proposeObserverJoins(workspaceId, userId, role, newSide).isEmpty();
        }
        List<Membership> all = memberships.findByWorkspaceId(workspaceId);
        if (oldSide != null) {
            access.requireGovernorOf(workspaceId, oldSide);
        } else if (!me.isModerator() && !me.owner()) {
            throw new NotPermittedException("error.permission.moderator");
        }
        if (Objects.equals(oldSide, newSide) && oldRole == role) {
            return true;
        }
        if (!Objects.equals(oldSide, newSide)) {
            governance.guards().forEach(g -> g.beforeSideChange(workspaceId, userId));
        }
        if (rank(role) < rank(oldRole)) {
            governance.guards().forEach(g -> g.beforeRemovalOrDemotion(workspaceId, userId));
        }
        if (oldSide != null && role != Role.MODERATOR) {
            governance.checkNotLastModerator(membership, oldSide, all);
        }
        membership.assign(role, newSide);
        events.publishEvent(new MemberChanged(workspaceId, me.userId(), me.sideId(), userId, oldSide, oldRole,
                membership.sideId(), membership.role()));
        return true;
    }

    private static int rank(Role role) {
        return switch (role) {
            case OBSERVER -> 0;
            case PARTICIPANT -> 1;
            case MODERATOR -> 2;
        };
    }

    /**
     * Removes a member: needs a moderator of their side. An observer is on no side, so their removal
     * is for every side to agree: any moderator or the owner proposes it
     * ({@link GovernanceService#proposeRemoveObserver}). The owner and a side's last moderator stay;
     * so does anyone who has voted or confirmed in an open round.
     *
     * @return true when the member was removed now, false when an observer's removal waits for
     *         another side
     */
    @Transactional
    public boolean remove(long workspaceId, long userId) {
        Member me = access.requireMember(workspaceId);
        access.requireWritable(workspaceId);
        Membership membership = memberships.findByWorkspaceIdAndUserId(workspaceId, userId)
                .orElseThrow(NotFoundOrNoAccessException::new);
        if (membership.sideId() == null) {
            return governance.proposeRemoveObserver(workspaceId, userId).isEmpty();
        }
        access.requireGovernorOf(workspaceId, membership.sideId());
        if (membership.owner()) {
            throw new DomainException("error.member.ownerCannotBeRemoved");
        }
        governance.checkNotLastModerator(membership, membership.sideId(), memberships.findByWorkspaceId(workspaceId));
        governance.guards().forEach(g -> g.beforeRemovalOrDemotion(workspaceId, userId));
        memberships.delete(membership);
        events.publishEvent(new MemberRemoved(workspaceId, me.userId(), me.sideId(), userId,
                membership.sideId(), membership.role()));
        return true;
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
