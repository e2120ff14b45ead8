package dk.ligevaerd.workspace;

import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.account.UserSummary;
import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.shared.NotFoundOrNoAccessException;
import dk.ligevaerd.shared.NotPermittedException;
import dk.ligevaerd.workspace.WorkspaceEvents.JointClosingChanged;
import dk.ligevaerd.workspace.WorkspaceEvents.MemberChanged;
import dk.ligevaerd.workspace.WorkspaceEvents.ProposalAdopted;
import dk.ligevaerd.workspace.WorkspaceEvents.ProposalConfirmed;
import dk.ligevaerd.workspace.WorkspaceEvents.ProposalMade;
import dk.ligevaerd.workspace.WorkspaceEvents.ProposalWithdrawn;
import dk.ligevaerd.workspace.WorkspaceEvents.SideAdded;
import dk.ligevaerd.workspace.WorkspaceEvents.SideChanged;
import dk.ligevaerd.workspace.WorkspaceEvents.SideRemoved;
import dk.ligevaerd.workspace.domain.Invitation;
import dk.ligevaerd.workspace.domain.InvitationRepository;
import dk.ligevaerd.workspace.domain.Membership;
import dk.ligevaerd.workspace.domain.MembershipRepository;
import dk.ligevaerd.workspace.domain.Proposal;
import dk.ligevaerd.workspace.domain.ProposalConfirmation;
import dk.ligevaerd.workspace.domain.ProposalRepository;
import dk.ligevaerd.workspace.domain.Side;
import dk.ligevaerd.workspace.domain.Workspace;
import dk.ligevaerd.workspace.domain.WorkspaceRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes that no single person, and no single side, may make alone. A change to the workspace
 * itself waits for a moderator of every side that has one, and so does removing an observer or
 * seating one on a side (an observer is on no side, so every side governs them together); moving a
 * member between sides waits for a moderator of both. Each proposal, confirmation and outcome is a history entry.
 *
 * <p>A confirmation counts only while its giver still moderates the side it was given for: the
 * check runs against the current memberships when the last key arrives, inside the transaction
 * that applies the change. Nobody confirms for two sides of one proposal (the database holds one
 * confirmation per person and proposal), so moving between sides cannot make one person two keys.
 */
@Service
public class GovernanceService {

    private final ProposalRepository proposals;
    private final WorkspaceRepository workspaces;
    private final MembershipRepository memberships;
    private final InvitationRepository invitations;
    private final WorkspaceAccess access;
    private final AccountService accounts;
    private final List<MembershipChangeGuard> guards;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    GovernanceService(ProposalRepository proposals, WorkspaceRepository workspaces, MembershipRepository memberships,
            InvitationRepository invitations, WorkspaceAccess access, AccountService accounts,
            List<MembershipChangeGuard> guards, ApplicationEventPublisher events, Clock clock) {
        this.proposals = proposals;
        this.workspaces = workspaces;
        this.memberships = memberships;
        this.invitations = invitations;
        this.access = access;
        this.accounts = accounts;
        this.guards = guards;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public long proposeJointClosingOff(long workspaceId) {
        Member me = access.requireModeratorOrOwner(workspaceId);
        if (!load(workspaceId).jointClosing()) {
            throw new DomainException("error.proposal.nothingToChange");
        }
        return propose(me, ProposalKind.JOINT_CLOSING_OFF, null, null, null, null, null, null, "");
    }

    /**
     * Proposes that suggested changes to the statement need a moderator of every other side
     * ({@code byModerators}), or again any participant of it.
     */
    @Transactional
    public long proposeSuggestionsByModerators(long workspaceId, boolean byModerators) {
        Member me = access.requireModeratorOrOwner(workspaceId);
        if (load(workspaceId).suggestionsByModerators() == byModerators) {
            throw new DomainException("error.proposal.nothingToChange");
        }
        ProposalKind kind = byModerators ? ProposalKind.SUGGESTIONS_BY_MODERATORS : ProposalKind.SUGGESTIONS_BY_PARTICIPANTS;
        return propose(me, kind, null, null, null, null, null, null, "byModerators=" + byModerators);
    }

    /**
     * Proposes that observers (members on no side) may comment in the discussion ({@code allowed}),
     * or no longer may. An observer speaks for no side, but what is said in the discussion shapes
     * every side's negotiation, so this, too, is for every side to agree, not for the owner alone.
     */
    @Transactional
    public long proposeObserversMayComment(long workspaceId, boolean allowed) {
        Member me = access.requireModeratorOrOwner(workspaceId);
        if (load(workspaceId).observersMayComment() == allowed) {
            throw new DomainException("error.proposal.nothingToChange");
        }
        ProposalKind kind = allowed ? ProposalKind.OBSERVERS_MAY_COMMENT : ProposalKind.OBSERVERS_MAY_NOT_COMMENT;
        return propose(me, kind, null, null, null, null, null, null, "allowed=" + allowed);
    }

    @Transactional
    public long proposeAddSide(long workspaceId, String name, String colour) {
        Member me = access.requireModeratorOrOwner(workspaceId);
        load(workspaceId).checkNewSide(name, colour);
        String trimmed = name.strip();
        return propose(me, ProposalKind.ADD_SIDE, null, null, null, null, trimmed, colour, "name=" + trimmed);
    }

    @Transactional
    public long proposeRenameSide(long workspaceId, long sideId, String name) {
        Member me = access.requireModeratorOrOwner(workspaceId);
        Workspace workspace = load(workspaceId);
        workspace.checkSideName(sideId, name);
        if (workspace.side(sideId).name().equals(name.strip())) {
            throw new DomainException("error.proposal.nothingToChange");
        }
        String trimmed = name.strip();
        return propose(me, ProposalKind.RENAME_SIDE, sideId, null, null, null, trimmed, null,
                "side=" + sideId + "\nname=" + trimmed);
    }

    @Transactional
    public long proposeRemoveSide(long workspaceId, long sideId) {
        Member me = access.requireModeratorOrOwner(workspaceId);
        load(workspaceId).checkRemovable(sideId, memberships.countByWorkspaceIdAndSideId(workspaceId, sideId));
        checkNoRoundUnderWay(workspaceId);
        return propose(me, ProposalKind.REMOVE_SIDE, sideId, null, null, null, null, null, "side=" + sideId);
    }

    @Transactional
    public long proposeDefaultRule(long workspaceId, DefaultRule rule) {
        Member me = access.requireModeratorOrOwner(workspaceId);
        if (load(workspaceId).defaultRule() == rule) {
            throw new DomainException("error.proposal.nothingToChange");
        }
        return propose(me, ProposalKind.DEFAULT_RULE, null, null, null, null, rule.name(), null, "rule=" + rule);
    }

    /** Ownership to another member; only the owner may propose giving it away. */
    @Transactional
    public long proposeHandOver(long workspaceId, long toUserId) {
        Member me = access.requireOwner(workspaceId);
        Membership to = memberships.findByWorkspaceIdAndUserId(workspaceId, toUserId)
                .orElseThrow(NotFoundOrNoAccessException::new);
        if (to.owner()) {
            throw new DomainException("error.proposal.nothingToChange");
        }
        return propose(me, ProposalKind.HAND_OVER, null, null, toUserId, null, null, null, "to=" + toUserId);
    }

    @Transactional
    public long proposeDelete(long workspaceId) {
        Member me = access.requireModeratorOrOwner(workspaceId);
        checkNoRoundUnderWay(workspaceId);
        return propose(me, ProposalKind.DELETE_WORKSPACE, null, null, null, null, null, null, "");
    }

    /**
     * How long the workspace is kept: archived (read-only) after months without activity or on a
     * day, then deleted months after that. Takes effect when every side has confirmed; the
     * {@link WorkspaceRetention} worker then applies it.
     */
    @Transactional
    public long proposeRetention(long workspaceId, RetentionRule rule) {
        Member me = access.requireModeratorOrOwner(workspaceId);
        rule.checkFuture(clock.instant());
        if (load(workspaceId).retention().equals(rule)) {
            throw new DomainException("error.proposal.nothingToChange");
        }
        String text = rule.toText();
        return propose(me, ProposalKind.RETENTION, null, null, null, null, text, null, "retention=" + text);
    }

    /**
     * Opens an archived workspace again, when every side has confirmed. The one proposal an archived
     * workspace takes: reopening is a change to every side's record, so no side does it alone.
     */
    @Transactional
    public long proposeUnarchive(long workspaceId) {
        Member me = access.requireModeratorOrOwnerEvenIfArchived(workspaceId);
        if (!load(workspaceId).archived()) {
            throw new DomainException("error.workspace.notArchived");
        }
        return propose(me, ProposalKind.UNARCHIVE, null, null, null, null, null, null, "");
    }

    /**
     * A member's move from one side to another, asked for by a moderator of either side. Applies at
     * once only when the caller governs both sides (the owner, for a side that has no moderator yet);
     * otherwise it waits for the other side.
     *
     * @return the proposal's id, or empty when the move was made at once
     */
    @Transactional
    public java.util.Optional<Long> proposeMove(long workspaceId, long userId, Role role, long toSideId) {
        Member me = access.requireMember(workspaceId);
        access.requireWritable(workspaceId);
        Workspace workspace = load(workspaceId);
        workspace.side(toSideId);
        Membership subject = memberships.findByWorkspaceIdAndUserId(workspaceId, userId)
                .orElseThrow(NotFoundOrNoAccessException::new);
        Long fromSideId = subject.sideId();
        if (fromSideId == null || fromSideId == toSideId || !role.needsSide()) {
            throw new IllegalArgumentException("not a move between two sides");
        }
        List<Membership> all = memberships.findByWorkspaceId(workspaceId);
        boolean governsFrom = WorkspaceAccess.governs(me, fromSideId, all);
        boolean governsTo = WorkspaceAccess.governs(me, toSideId, all);
        if (!governsFrom && !governsTo) {
            throw new NotPermittedException("error.permission.sideModerator", workspace.side(fromSideId).name());
        }
        checkMove(workspaceId, subject, fromSideId, all);
        if (governsFrom && governsTo) {
            applyMove(me, subject, role, toSideId);
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(propose(me, ProposalKind.MOVE_MEMBER, fromSideId, toSideId, userId, role, null,
                null, "member=" + userId + "\nfrom=" + fromSideId + "\nto=" + toSideId + "\nrole=" + role));
    }

    /**
     * An observer's removal from the workspace, asked for by a moderator of any side or the owner.
     * An observer is on no side, so no side governs them alone: the removal waits for a moderator of
     * every side, as a change to the workspace does (one side could otherwise send away the reader
     * another side brought in). It applies at once only when no other side has a moderator to ask.
     *
     * @return the proposal's id, or empty when the observer was removed at once
     */
    @Transactional
    public java.util.Optional<Long> proposeRemoveObserver(long workspaceId, long userId) {
        Member me = access.requireModeratorOrOwner(workspaceId);
        Membership subject = observer(workspaceId, userId);
        if (subject.sideId() != null) {
            throw new IllegalArgumentException("not an observer");
        }
        checkObserverRemovable(subject);
        return pendingOrDone(propose(me, ProposalKind.REMOVE_OBSERVER, null, null, userId, null, null, null,
                "member=" + userId));
    }

    /**
     * An observer's seat on a side, as participant or moderator, asked for by a moderator of any side
     * or the owner. Like a removal it waits for a moderator of every side: an observer belongs to no
     * side, and a side that could take one in alone could then also remove them alone, as its member.
     *
     * @return the proposal's id, or empty when the observer joined the side at once
     */
    @Transactional
    public java.util.Optional<Long> proposeObserverJoins(long workspaceId, long userId, Role role, long sideId) {
        Member me = access.requireModeratorOrOwner(workspaceId);
        load(workspaceId).side(sideId);
        Membership subject = observer(workspaceId, userId);
        if (subject.sideId() != null || !role.needsSide()) {
            throw new IllegalArgumentException("not an observer joining a side");
        }
        guards.forEach(g -> g.beforeSideChange(workspaceId, userId));
        return pendingOrDone(propose(me, ProposalKind.OBSERVER_JOINS_SIDE, null, sideId, userId, role, null, null,
                "member=" + userId + "\nto=" + sideId + "\nrole=" + role));
    }

    private Membership observer(long workspaceId, long userId) {
        return memberships.findByWorkspaceIdAndUserId(workspaceId, userId).orElseThrow(NotFoundOrNoAccessException::new);
    }

    /** The owner stays, and so does anyone a round under way forbids to remove. */
    private void checkObserverRemovable(Membership subject) {
        if (subject.owner()) {
            throw new DomainException("error.member.ownerCannotBeRemoved");
        }
        guards.forEach(g -> g.beforeRemovalOrDemotion(subject.workspaceId(), subject.userId()));
    }

    /** Empty when the proposal took effect as it was made (no other side had a moderator to ask). */
    private java.util.Optional<Long> pendingOrDone(long proposalId) {
        boolean pending = proposals.findById(proposalId).map(p -> p.state() == Proposal.State.PENDING)
                .orElse(false);
        return pending ? java.util.Optional.of(proposalId) : java.util.Optional.empty();
    }

    /** Confirms a pending proposal for the caller's side; the last key needed applies it. */
    @Transactional
    public void confirm(long workspaceId, long proposalId) {
        Member me = access.requireMember(workspaceId);
        Proposal proposal = lock(workspaceId, proposalId);
        requireWritableFor(proposal);
        List<Membership> all = memberships.findByWorkspaceId(workspaceId);
        Long side = sideToConfirmFor(me, proposal, all);
        if (side == null) {
            throw new NotPermittedException("error.proposal.notYourSide");
        }
        confirmFor(me, proposal, side, all);
        decideIfComplete(me, proposal);
    }

    /** In an archived workspace only a proposal to reopen it may be confirmed or withdrawn. */
    private void requireWritableFor(Proposal proposal) {
        if (proposal.kind() != ProposalKind.UNARCHIVE) {
            access.requireWritable(proposal.workspaceId());
        }
    }

    /**
     * The side the caller confirms for: their own, when they moderate it and the proposal needs it;
     * otherwise a side the owner stands in for (one without a moderator, which only a move can need).
     */
    private @Nullable Long sideToConfirmFor(Member me, Proposal proposal, List<Membership> all) {
        Set<Long> required = requiredSides(proposal, all);
        if (me.isModerator() && me.sideId() != null && required.contains(me.sideId())) {
            return me.sideId();
        }
        return required.stream().filter(side -> WorkspaceAccess.governs(me, side, all)).findFirst().orElse(null);
    }

    /** Ends a pending proposal: its proposer withdraws it, or a moderator of a side concerned declines it. */
    @Transactional
    public void withdraw(long workspaceId, long proposalId) {
        Member me = access.requireMember(workspaceId);
        Proposal proposal = lock(workspaceId, proposalId);
        requireWritableFor(proposal);
        List<Membership> all = memberships.findByWorkspaceId(workspaceId);
        if (!mayWithdraw(me, proposal, all)) {
            throw new NotPermittedException("error.proposal.notYourSide");
        }
        proposal.withdraw(me.userId(), clock.instant());
        events.publishEvent(new ProposalWithdrawn(workspaceId, me.userId(), me.sideId(), proposalId, proposal.kind()));
    }

    @Transactional(readOnly = true)
    public List<ProposalView> pending(long workspaceId) {
        Member me = access.requireMember(workspaceId);
        List<Proposal> open = proposals.findByWorkspaceIdAndStateOrderByProposedAtAscIdAsc(workspaceId,
                Proposal.State.PENDING);
        if (open.isEmpty()) {
            return List.of();
        }
        List<Membership> all = memberships.findByWorkspaceId(workspaceId);
        boolean archived = load(workspaceId).archived();
        Set<Long> userIds = new HashSet<>();
        for (Proposal p : open) {
            userIds.add(p.proposedBy());
            if (p.subjectUserId() != null) {
                userIds.add(p.subjectUserId());
            }
            p.confirmations().forEach(c -> userIds.add(c.userId()));
        }
        Map<Long, UserSummary> users = accounts.summaries(List.copyOf(userIds));
        List<ProposalView> views = new ArrayList<>();
        for (Proposal p : open) {
            Set<Long> required = requiredSides(p, all);
            Map<Long, String> confirmedBy = new LinkedHashMap<>();
            List<Long> waiting = new ArrayList<>();
            for (long side : required) {
                var counted = counted(p, side, all);
                if (counted == null) {
                    waiting.add(side);
                } else {
                    confirmedBy.put(side, name(users, counted.userId()));
                }
            }
            Long mySide = sideToConfirmFor(me, p, all);
            boolean actionable = !archived || p.kind() == ProposalKind.UNARCHIVE;
            boolean canConfirm = actionable && mySide != null && waiting.contains(mySide)
                    && p.confirmations().stream().noneMatch(c -> c.userId() == me.userId());
            views.add(new ProposalView(p.id(), p.kind(), p.proposedBy(), name(users, p.proposedBy()), p.proposedSide(),
                    p.proposedAt(), p.sideId(), p.targetSideId(), p.subjectUserId(),
                    p.subjectUserId() == null ? null : name(users, p.subjectUserId()), p.role(), p.text(), p.colour(),
                    confirmedBy, waiting, canConfirm, actionable && mayWithdraw(me, p, all)));
        }
        return views;
    }

    private static String name(Map<Long, UserSummary> users, long userId) {
        UserSummary user = users.get(userId);
        return user == null ? "" : user.displayName();
    }

    private long propose(Member me, ProposalKind kind, @Nullable Long sideId, @Nullable Long targetSideId,
            @Nullable Long subjectUserId, @Nullable Role role, @Nullable String text, @Nullable String colour,
            String facts) {
        Proposal proposal = proposals.saveAndFlush(new Proposal(me.workspaceId(), kind, sideId, targetSideId,
                subjectUserId, role, text, colour, me.userId(), me.sideId(), clock.instant()));
        events.publishEvent(new ProposalMade(me.workspaceId(), me.userId(), me.sideId(), proposal.id(), kind, facts));
        List<Membership> all = memberships.findByWorkspaceId(me.workspaceId());
        Set<Long> required = requiredSides(proposal, all);
        // The proposer speaks for their own side when they moderate it.
        if (me.isModerator() && me.sideId() != null && required.contains(me.sideId())) {
            confirmFor(me, proposal, me.sideId(), all);
        }
        decideIfComplete(me, proposal);
        if (proposal.state() == Proposal.State.PENDING) {
            List<Membership> now = memberships.findByWorkspaceId(me.workspaceId());
            Set<Long> waiting = new LinkedHashSet<>();
            for (long side : requiredSides(proposal, now)) {
                if (counted(proposal, side, now) == null) {
                    waiting.add(side);
                }
            }
            if (!waiting.isEmpty()) {
                events.publishEvent(new ProposalAwaitingSides(me.workspaceId(), me.userId(), proposal.id(),
                        proposal.kind(), sideId, targetSideId, subjectUserId, role, text, waiting));
            }
        }
        return proposal.id();
    }

    private void confirmFor(Member me, Proposal proposal, long sideId, List<Membership> all) {
        boolean existingCounts = counted(proposal, sideId, all) != null;
        proposal.confirm(sideId, me.userId(), clock.instant(), existingCounts);
        events.publishEvent(new ProposalConfirmed(me.workspaceId(), me.userId(), me.sideId(), proposal.id(),
                proposal.kind(), sideId));
    }

    private void decideIfComplete(Member me, Proposal proposal) {
        List<Membership> all = memberships.findByWorkspaceId(proposal.workspaceId());
        Set<Long> required = requiredSides(proposal, all);
        if (required.isEmpty() || required.stream().anyMatch(side -> counted(proposal, side, all) == null)) {
            return;
        }
        if (proposal.kind() == ProposalKind.REMOVE_SIDE || proposal.kind() == ProposalKind.DELETE_WORKSPACE) {
            // A round may have opened since the proposal: refusing here rolls the last key back too,
            // so the proposal stays pending until the round has ended.
            checkNoRoundUnderWay(proposal.workspaceId());
        }
        apply(me, proposal);
        proposal.adopt(me.userId(), clock.instant());
        events.publishEvent(new ProposalAdopted(proposal.workspaceId(), me.userId(), me.sideId(), proposal.id(),
                proposal.kind()));
    }

    /**
     * The side's confirmation, if its giver still governs that side: still its moderator (or, for a
     * side that has none, still the owner standing in for it).
     */
    private static @Nullable ProposalConfirmation counted(Proposal proposal, long sideId, List<Membership> all) {
        return proposal.confirmation(sideId)
                .filter(c -> all.stream().filter(m -> m.userId() == c.userId()).findFirst()
                        .map(WorkspaceAccess::toMember)
                        .map(giver -> WorkspaceAccess.governs(giver, sideId, all))
                        .orElse(false))
                .orElse(null);
    }

    /**
     * The sides whose moderator must confirm: both sides of a move; for a change to the workspace,
     * every side that has a moderator (a side still forming has nobody to ask, and the workspace
     * cannot open a round until it has); for an observer's seat on a side, those and that side.
     */
    private Set<Long> requiredSides(Proposal proposal, List<Membership> all) {
        if (proposal.kind() == ProposalKind.MOVE_MEMBER) {
            return new LinkedHashSet<>(List.of(Objects.requireNonNull(proposal.sideId()),
                    Objects.requireNonNull(proposal.targetSideId())));
        }
        Set<Long> required = new LinkedHashSet<>();
        for (Side side : load(proposal.workspaceId()).sides()) {
            boolean removed = proposal.kind() == ProposalKind.REMOVE_SIDE && Objects.equals(side.id(), proposal.sideId());
            if (WorkspaceAccess.hasModerator(side.id(), all) && !removed) {
                required.add(side.id());
            }
        }
        if (proposal.kind() == ProposalKind.OBSERVER_JOINS_SIDE) {
            // The side the observer would join decides too, even before it has a moderator (then
            // the owner stands in for it, as for its first invitations).
            required.add(Objects.requireNonNull(proposal.targetSideId()));
        }
        return required;
    }

    private boolean mayWithdraw(Member me, Proposal proposal, List<Membership> all) {
        return proposal.proposedBy() == me.userId() || sideToConfirmFor(me, proposal, all) != null;
    }

    private void apply(Member me, Proposal p) {
        long workspaceId = p.workspaceId();
        Workspace workspace = load(workspaceId);
        Instant now = clock.instant();
        switch (p.kind()) {
            case JOINT_CLOSING_OFF -> {
                workspace.setJointClosing(false);
                events.publishEvent(new JointClosingChanged(workspaceId, me.userId(), me.sideId(), false));
            }
            case SUGGESTIONS_BY_MODERATORS, SUGGESTIONS_BY_PARTICIPANTS -> {
                boolean byModerators = p.kind() == ProposalKind.SUGGESTIONS_BY_MODERATORS;
                workspace.setSuggestionsByModerators(byModerators);
                events.publishEvent(new WorkspaceEvents.SuggestionKeysChanged(workspaceId, me.userId(), me.sideId(),
                        byModerators));
            }
            case OBSERVERS_MAY_COMMENT, OBSERVERS_MAY_NOT_COMMENT -> {
                boolean allowed = p.kind() == ProposalKind.OBSERVERS_MAY_COMMENT;
                workspace.setObserversMayComment(allowed);
                events.publishEvent(new WorkspaceEvents.ObserverCommentingChanged(workspaceId, me.userId(),
                        me.sideId(), allowed));
            }
            case ADD_SIDE -> {
                Side side = workspace.addSide(Objects.requireNonNull(p.text()), Objects.requireNonNull(p.colour()));
                workspaces.flush();
                events.publishEvent(new SideAdded(workspaceId, me.userId(), me.sideId(), side.id(), side.name()));
            }
            case RENAME_SIDE -> {
                long sideId = Objects.requireNonNull(p.sideId());
                workspace.renameSide(sideId, Objects.requireNonNull(p.text()));
                Side side = workspace.side(sideId);
                events.publishEvent(new SideChanged(workspaceId, me.userId(), me.sideId(), sideId, side.name(),
                        side.colour()));
            }
            case REMOVE_SIDE -> {
                long sideId = Objects.requireNonNull(p.sideId());
                Side removed = workspace.removeSide(sideId, memberships.countByWorkspaceIdAndSideId(workspaceId, sideId));
                for (Invitation invitation : invitations.findByWorkspaceIdAndSideId(workspaceId, sideId)) {
                    if (invitation.status(now) == InvitationStatus.PENDING) {
                        invitation.revoke(now);
                    }
                }
                workspaces.flush();
                events.publishEvent(new SideRemoved(workspaceId, me.userId(), me.sideId(), sideId, removed.name()));
            }
            case DEFAULT_RULE -> {
                DefaultRule rule = DefaultRule.valueOf(Objects.requireNonNull(p.text()));
                workspace.setDefaultRule(rule);
                events.publishEvent(new WorkspaceEvents.DefaultRuleChanged(workspaceId, me.userId(), me.sideId(), rule));
            }
            case HAND_OVER -> {
                long to = Objects.requireNonNull(p.subjectUserId());
                Membership next = memberships.findByWorkspaceIdAndUserId(workspaceId, to)
                        .orElseThrow(() -> new DomainException("error.proposal.outdated"));
                Membership previous = memberships.findByWorkspaceId(workspaceId).stream().filter(Membership::owner)
                        .findFirst().orElseThrow(() -> new DomainException("error.proposal.outdated"));
                previous.setOwner(false);
                next.setOwner(true);
                events.publishEvent(new WorkspaceEvents.OwnershipHandedOver(workspaceId, me.userId(), me.sideId(),
                        previous.userId(), to));
            }
            case DELETE_WORKSPACE -> {
                workspace.markDeleted(now);
                for (Invitation invitation : invitations.findByWorkspaceIdOrderByCreatedAtDescIdDesc(workspaceId)) {
                    if (invitation.status(now) == InvitationStatus.PENDING) {
                        invitation.revoke(now);
                    }
                }
                events.publishEvent(new WorkspaceEvents.WorkspaceDeleted(workspaceId, me.userId(), me.sideId()));
                // The rows stay for the record; without memberships nobody can open them.
                memberships.deleteAll(memberships.findByWorkspaceId(workspaceId));
            }
            case RETENTION -> {
                RetentionRule rule = RetentionRule.parse(p.text());
                // An archiving day may have come while the proposal waited: it would archive at once.
                rule.checkFuture(now);
                workspace.setRetention(rule);
                events.publishEvent(new WorkspaceEvents.RetentionRuleChanged(workspaceId, me.userId(), me.sideId(),
                        rule.toText()));
            }
            case UNARCHIVE -> {
                workspace.unarchive(now);
                events.publishEvent(new WorkspaceEvents.WorkspaceUnarchived(workspaceId, me.userId(), me.sideId()));
            }
            case REMOVE_OBSERVER -> {
                Membership subject = stillObserver(workspaceId, p);
                checkObserverRemovable(subject);
                memberships.delete(subject);
                events.publishEvent(new WorkspaceEvents.MemberRemoved(workspaceId, me.userId(), me.sideId(),
                        subject.userId(), null, subject.role()));
            }
            case OBSERVER_JOINS_SIDE -> {
                Membership subject = stillObserver(workspaceId, p);
                long sideId = Objects.requireNonNull(p.targetSideId());
                if (workspace.sides().stream().noneMatch(s -> s.id() == sideId)) {
                    throw new DomainException("error.proposal.outdated");
                }
                guards.forEach(g -> g.beforeSideChange(workspaceId, subject.userId()));
                applyMove(me, subject, Objects.requireNonNull(p.role()), sideId);
            }
            case MOVE_MEMBER -> {
                Membership subject = memberships.findByWorkspaceIdAndUserId(workspaceId,
                        Objects.requireNonNull(p.subjectUserId()))
                        .orElseThrow(() -> new DomainException("error.proposal.outdated"));
                if (!Objects.equals(subject.sideId(), p.sideId())) {
                    throw new DomainException("error.proposal.outdated");
                }
                checkMove(workspaceId, subject, Objects.requireNonNull(p.sideId()),
                        memberships.findByWorkspaceId(workspaceId));
                applyMove(me, subject, Objects.requireNonNull(p.role()), Objects.requireNonNull(p.targetSideId()));
            }
        }
    }

    /** The proposal's observer, if they are still in the workspace on no side. */
    private Membership stillObserver(long workspaceId, Proposal p) {
        return memberships.findByWorkspaceIdAndUserId(workspaceId, Objects.requireNonNull(p.subjectUserId()))
                .filter(m -> m.sideId() == null)
                .orElseThrow(() -> new DomainException("error.proposal.outdated"));
    }

    /** Refuses a move that would leave a side without its last moderator or that an open round forbids. */
    void checkMove(long workspaceId, Membership subject, long fromSideId, List<Membership> all) {
        for (MembershipChangeGuard guard : guards) {
            guard.beforeSideChange(workspaceId, subject.userId());
        }
        checkNotLastModerator(subject, fromSideId, all);
    }

    private void checkNoRoundUnderWay(long workspaceId) {
        for (MembershipChangeGuard guard : guards) {
            guard.beforeSideRemovalOrDeletion(workspaceId);
        }
    }

    void checkNotLastModerator(Membership subject, long sideId, List<Membership> all) {
        if (subject.role() != Role.MODERATOR || !Objects.equals(subject.sideId(), sideId)) {
            return;
        }
        boolean another = all.stream().anyMatch(m -> m.userId() != subject.userId() && m.role() == Role.MODERATOR
                && Objects.equals(m.sideId(), sideId));
        if (!another) {
            throw new DomainException("error.member.lastModerator", load(subject.workspaceId()).side(sideId).name());
        }
    }

    private void applyMove(Member me, Membership subject, Role role, long toSideId) {
        Long oldSide = subject.sideId();
        Role oldRole = subject.role();
        subject.assign(role, toSideId);
        events.publishEvent(new MemberChanged(subject.workspaceId(), me.userId(), me.sideId(), subject.userId(),
                oldSide, oldRole, subject.sideId(), subject.role()));
    }

    List<MembershipChangeGuard> guards() {
        return guards;
    }

    private Proposal lock(long workspaceId, long proposalId) {
        return proposals.lockById(proposalId).filter(p -> p.workspaceId() == workspaceId)
                .orElseThrow(NotFoundOrNoAccessException::new);
    }

    private Workspace load(long workspaceId) {
        return workspaces.findById(workspaceId).orElseThrow(NotFoundOrNoAccessException::new);
    }
}
