package dk.ligevaerd.workspace;

import dk.ligevaerd.account.CurrentUser;
import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.shared.NotFoundOrNoAccessException;
import dk.ligevaerd.shared.NotPermittedException;
import dk.ligevaerd.workspace.domain.Membership;
import dk.ligevaerd.workspace.domain.MembershipRepository;
import dk.ligevaerd.workspace.domain.Side;
import dk.ligevaerd.workspace.domain.Workspace;
import dk.ligevaerd.workspace.domain.WorkspaceRepository;
import dk.ligevaerd.shared.WorkspaceEvent;
import dk.ligevaerd.shared.cluster.ClusterChannel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The one place that decides who may do what in a workspace. Every service of every feature
 * asks here before it reads or changes anything; a non-member learns nothing, not even whether
 * the workspace exists.
 *
 * <p>No single person governs a workspace: each side's own moderators decide who is in the side
 * and who moderates it ({@link #requireGovernorOf}); the owner stands in for a side only until it
 * has its first moderator, and while any side lacks one the workspace is forming
 * ({@link #requireFormed}).
 */
@Component
public class WorkspaceAccess {

    /** How long a membership read for live reads is trusted without a change being heard of. */
    static final Duration LIVE_HELD = Duration.ofSeconds(5);
    /** More members than this held for live reads, over all workspaces, and the copies start afresh. */
    static final int LIVE_KEPT = 20_000;

    private final MembershipRepository memberships;
    private final WorkspaceRepository workspaces;
    private final CurrentUser currentUser;
    /** Memberships read for live reads, by workspace and user; see {@link #requireMemberForLiveRead}. */
    private final Map<LiveKey, Held> held = new ConcurrentHashMap<>();
    /** Counts the changes to who is in a workspace committed on this node; a copy read before one is not used. */
    private final AtomicLong changes = new AtomicLong();
    /**
     * Whether other nodes share the database. Alone, this node commits every change to who is in
     * a workspace itself and hears of each through {@link #afterCommit}, so a copy holds until the
     * next change; only with other nodes does it also expire after {@link #LIVE_HELD}.
     */
    private final boolean otherNodes;
    private final LongSupplier nanoTime;

    private record LiveKey(long workspaceId, long userId) {
    }

    private record Held(Member member, long changesBefore, long readAtNanos) {
    }

    @Autowired
    WorkspaceAccess(MembershipRepository memberships, WorkspaceRepository workspaces, CurrentUser currentUser,
            ClusterChannel cluster) {
        this(memberships, workspaces, currentUser, cluster.spansNodes(), System::nanoTime);
    }

    /** With the nodes and the clock given: for tests of how long a held copy stands. */
    WorkspaceAccess(MembershipRepository memberships, WorkspaceRepository workspaces, CurrentUser currentUser,
            boolean otherNodes, LongSupplier nanoTime) {
        this.memberships = memberships;
        this.workspaces = workspaces;
        this.currentUser = currentUser;
        this.otherNodes = otherNodes;
        this.nanoTime = nanoTime;
    }

    /**
     * Holds the workspace's row until the transaction ends. A feature that counts rows against a cap
     * before adding one (priorities) takes it first, so that requests at the same moment count one
     * after the other and the cap is exact, on H2 and PostgreSQL alike.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void holdForCounting(long workspaceId) {
        workspaces.lockById(workspaceId).orElseThrow(NotFoundOrNoAccessException::new);
    }

    /**
     * A member's standing as stored now, for re-checking one given earlier (a live editor's seat);
     * empty once they are no longer a member. Says nothing to any caller: it runs for the node itself.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<Member> standing(long workspaceId, long userId) {
        return memberships.findByWorkspaceIdAndUserId(workspaceId, userId).map(WorkspaceAccess::toMember);
    }

    /** The current user's membership; "not found or no access" for anyone else. */
    @Transactional(readOnly = true)
    public Member requireMember(long workspaceId) {
        long userId = currentUser.id();
        return memberships.findByWorkspaceIdAndUserId(workspaceId, userId)
                .map(WorkspaceAccess::toMember)
                .orElseThrow(NotFoundOrNoAccessException::new);
    }

    /**
     * Checks that the current user is a member, as {@link #requireMember} does, for a read that every open page of
     * a workspace repeats after each live event (a round's counts after a ballot), so that a meeting's
     * burst of ballots does not cost a query per page and ballot. The membership read is kept and
     * used again while no change to the workspace's members, sides, roles or existence has been
     * committed on this node since it was read. With other nodes on the same database, also for at
     * most {@link #LIVE_HELD}: a change committed on another node is heard of through the page's own
     * live event, which makes the page read its frame afresh, and the limit bounds what a missed
     * announcement could leave. A node alone commits every change itself, so there it needs no
     * limit, and a ballot costs no membership query per open page however long ago the last one
     * was. Only for reads of
     * what every member may see, so it returns nothing a caller could decide by (a role held here may
     * be a few seconds old); anything that depends on the role or changes something asks
     * {@link #requireMember}. Every change to who is in a workspace publishes one of
     * {@link WorkspaceEvents}' events (a change published otherwise would not be heard of here).
     */
    public void requireMembershipForLiveRead(long workspaceId) {
        LiveKey key = new LiveKey(workspaceId, currentUser.id());
        long now = nanoTime.getAsLong();
        Held copy = held.get(key);
        if (copy != null && copy.changesBefore() == changes.get()
                && (!otherNodes || now - copy.readAtNanos() < LIVE_HELD.toNanos())) {
            return;
        }
        if (held.size() > LIVE_KEPT) {
            held.clear();
        }
        long changesBefore = changes.get();
        Member member = standing(workspaceId, key.userId()).orElseThrow(NotFoundOrNoAccessException::new);
        held.put(key, new Held(member, changesBefore, now));
    }

    /**
     * Who is in a workspace may have changed (members, sides, roles, ownership, the workspace itself):
     * memberships held for live reads are read again. Every such change is one of
     * {@link WorkspaceEvents}' events; presence is not a change of membership.
     */
    @TransactionalEventListener(fallbackExecution = true)
    void afterCommit(WorkspaceEvent event) {
        if (event.getClass().getEnclosingClass() == WorkspaceEvents.class
                && !(event instanceof WorkspaceEvents.PresenceChanged)) {
            changes.incrementAndGet();
            held.clear();
        }
    }

    /**
     * Refuses any change to an archived workspace: it is read-only until every side agrees to open it
     * again. Ask after the membership check, so that only members learn the workspace is archived.
     * Every {@code require...} below that stands for a change (contributor, moderator, owner,
     * governor) asks this itself; a service that changes something after {@link #requireMember} asks
     * it directly.
     */
    @Transactional(readOnly = true)
    public void requireWritable(long workspaceId) {
        // Gone (deleted under its retention rule since the caller's check): as if it never existed.
        workspaces.findById(workspaceId).orElseThrow(NotFoundOrNoAccessException::new).requireWritable();
    }

    /** Whether the workspace takes changes: not once it is archived (nor when it is gone). */
    @Transactional(readOnly = true)
    public boolean writable(long workspaceId) {
        return workspaces.findById(workspaceId).map(w -> !w.archived()).orElse(false);
    }

    /**
     * Whether the workspace lets its observers (members on no side) comment in the discussion: a rule
     * every side agreed to ({@link GovernanceService#proposeObserversMayComment}), off by default.
     */
    @Transactional(readOnly = true)
    public boolean observersMayComment(long workspaceId) {
        return workspaces.findById(workspaceId).map(Workspace::observersMayComment).orElse(false);
    }

    /** Participants and moderators: those who write, propose and vote. */
    @Transactional(readOnly = true)
    public Member requireContributor(long workspaceId) {
        Member member = requireMember(workspaceId);
        requireWritable(workspaceId);
        if (!member.canContribute()) {
            throw new NotPermittedException("error.permission.contributor");
        }
        return member;
    }

    @Transactional(readOnly = true)
    public Member requireModerator(long workspaceId) {
        Member member = requireMember(workspaceId);
        requireWritable(workspaceId);
        if (!member.isModerator()) {
            throw new NotPermittedException("error.permission.moderator");
        }
        return member;
    }

    @Transactional(readOnly = true)
    public Member requireOwner(long workspaceId) {
        Member member = requireMember(workspaceId);
        requireWritable(workspaceId);
        if (!member.owner()) {
            throw new NotPermittedException("error.permission.owner");
        }
        return member;
    }

    /** A moderator of any side, or the owner: those who may propose a change to the workspace. */
    @Transactional(readOnly = true)
    public Member requireModeratorOrOwner(long workspaceId) {
        Member member = requireModeratorOrOwnerEvenIfArchived(workspaceId);
        requireWritable(workspaceId);
        return member;
    }

    /**
     * A moderator or the owner, for what they may do in an archived workspace too: read the
     * invitation links, and propose to open it again.
     */
    @Transactional(readOnly = true)
    public Member requireModeratorOrOwnerEvenIfArchived(long workspaceId) {
        Member member = requireMember(workspaceId);
        if (!member.isModerator() && !member.owner()) {
            throw new NotPermittedException("error.permission.moderator");
        }
        return member;
    }

    /**
     * Someone who may decide who is in the side and what role they have: a moderator of that side,
     * or the owner while the side has no moderator yet.
     */
    @Transactional(readOnly = true)
    public Member requireGovernorOf(long workspaceId, long sideId) {
        Member member = requireMember(workspaceId);
        if (!governs(member, sideId, memberships.findByWorkspaceId(workspaceId))) {
            throw new NotPermittedException("error.permission.sideModerator", sideName(workspaceId, sideId));
        }
        requireWritable(workspaceId);
        return member;
    }

    /**
     * Refuses while the workspace is forming: until every side has a moderator no round can open,
     * since no decision could need every side.
     */
    @Transactional(readOnly = true)
    public void requireFormed(long workspaceId) {
        List<String> missing = sidesWithoutModerator(workspaceId);
        if (!missing.isEmpty()) {
            throw new DomainException("error.workspace.forming", String.join(", ", missing));
        }
    }

    /** The names of the sides that have no moderator yet, in order; empty once the workspace has formed. */
    @Transactional(readOnly = true)
    public List<String> sidesWithoutModerator(long workspaceId) {
        Workspace workspace = workspaces.findById(workspaceId).orElseThrow(NotFoundOrNoAccessException::new);
        List<Membership> all = memberships.findByWorkspaceId(workspaceId);
        return workspace.sides().stream()
                .filter(s -> !hasModerator(s.id(), all))
                .map(Side::name)
                .collect(Collectors.toList());
    }

    static boolean hasModerator(long sideId, List<Membership> all) {
        return all.stream().anyMatch(m -> m.role() == Role.MODERATOR && Objects.equals(m.sideId(), sideId));
    }

    static boolean governs(Member member, long sideId, List<Membership> all) {
        if (member.isModerator() && Objects.equals(member.sideId(), sideId)) {
            return true;
        }
        return member.owner() && !hasModerator(sideId, all);
    }

    private String sideName(long workspaceId, long sideId) {
        return workspaces.findById(workspaceId)
                .flatMap(w -> w.sides().stream().filter(s -> s.id() == sideId).findFirst())
                .map(Side::name)
                .orElseThrow(NotFoundOrNoAccessException::new);
    }

    static Member toMember(Membership membership) {
        return new Member(membership.workspaceId(), membership.userId(), membership.sideId(), membership.role(),
                membership.owner());
    }
}
