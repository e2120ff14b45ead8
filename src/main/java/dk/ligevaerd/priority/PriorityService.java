package dk.ligevaerd.priority;

import dk.ligevaerd.priority.PriorityEvents.PrioritiesDecided;
import dk.ligevaerd.priority.PriorityEvents.PrioritiesMerged;
import dk.ligevaerd.priority.PriorityEvents.PriorityEdited;
import dk.ligevaerd.priority.PriorityEvents.PriorityProposed;
import dk.ligevaerd.priority.PriorityEvents.PriorityWithdrawn;
import dk.ligevaerd.priority.domain.Priority;
import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.priority.domain.PriorityRepository;
import dk.ligevaerd.priority.domain.Proposer;
import dk.ligevaerd.shared.NotFoundOrNoAccessException;
import dk.ligevaerd.workspace.Member;
import dk.ligevaerd.workspace.WorkspaceAccess;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Proposing, editing, withdrawing and merging priorities. */
@Service
public class PriorityService {

    private final PriorityRepository priorities;
    private final WorkspaceAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PriorityService(PriorityRepository priorities, WorkspaceAccess access, ApplicationEventPublisher events,
            Clock clock) {
        this.priorities = priorities;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<PriorityView> list(long workspaceId) {
        access.requireMember(workspaceId);
        return priorities.findByWorkspaceIdOrderByProposedAtAscIdAsc(workspaceId).stream()
                .map(PriorityService::view).toList();
    }

    @Transactional
    public long propose(long workspaceId, String title, String description, Set<ValueLens> lenses) {
        Member me = access.requireContributor(workspaceId);
        // Without the hold, proposals at the same moment would each count 199 and all be stored.
        access.holdForCounting(workspaceId);
        if (priorities.countByWorkspaceId(workspaceId) >= Priority.MAX_PER_WORKSPACE) {
            throw new DomainException("error.priority.tooMany", Priority.MAX_PER_WORKSPACE);
        }
        Priority priority = priorities.saveAndFlush(new Priority(workspaceId, new Proposer(me.userId(), me.sideId()),
                title, description, lenses, clock.instant()));
        events.publishEvent(new PriorityProposed(workspaceId, me.userId(), me.sideId(), priority.id(),
                priority.title()));
        return priority.id();
    }

    @Transactional
    public void edit(long workspaceId, long priorityId, String title, String description, Set<ValueLens> lenses) {
        Member me = access.requireContributor(workspaceId);
        Priority priority = load(workspaceId, priorityId);
        priority.edit(me.userId(), title, description, lenses);
        events.publishEvent(new PriorityEdited(workspaceId, me.userId(), me.sideId(), priorityId, priority.title()));
    }

    @Transactional
    public void withdraw(long workspaceId, long priorityId) {
        Member me = access.requireContributor(workspaceId);
        Priority priority = load(workspaceId, priorityId);
        priority.withdraw(me.userId());
        events.publishEvent(new PriorityWithdrawn(workspaceId, me.userId(), me.sideId(), priorityId,
                priority.title()));
    }

    /** A moderator folds a duplicate into another priority, which keeps both proposers. */
    @Transactional
    public void merge(long workspaceId, long duplicateId, long keptId) {
        Member me = access.requireModerator(workspaceId);
        Priority duplicate = load(workspaceId, duplicateId);
        Priority kept = load(workspaceId, keptId);
        duplicate.mergeInto(kept);
        events.publishEvent(new PrioritiesMerged(workspaceId, me.userId(), me.sideId(), duplicateId, keptId,
                duplicate.title(), kept.title()));
    }

    /**
     * For the decision-round feature, inside its own authorized transaction: takes the priorities
     * up in a round, refusing any that are withdrawn, merged or from another workspace.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<PriorityView> includeInRound(long workspaceId, Collection<Long> priorityIds) {
        Map<Long, Priority> found = priorities.findAllById(priorityIds).stream()
                .filter(p -> p.workspaceId() == workspaceId)
                .collect(Collectors.toMap(Priority::id, Function.identity()));
        if (found.size() != Set.copyOf(priorityIds).size()) {
            throw new NotFoundOrNoAccessException();
        }
        found.values().forEach(Priority::includeInRound);
        return priorityIds.stream().map(found::get).map(PriorityService::view).toList();
    }

    /** For the decision-round feature: records a closed round's outcome on its priorities. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void decide(long workspaceId, Collection<Long> adopted, Collection<Long> notAdopted) {
        for (Priority p : priorities.findAllById(adopted)) {
            if (p.workspaceId() == workspaceId) {
                p.decide(true);
            }
        }
        for (Priority p : priorities.findAllById(notAdopted)) {
            if (p.workspaceId() == workspaceId) {
                p.decide(false);
            }
        }
        events.publishEvent(new PrioritiesDecided(workspaceId));
    }

    /**
     * For the decision-round feature, inside its transaction: the priorities were in a round that
     * ended without a decision (cancelled, or closed without quorum) and in no other open round,
     * so their proposers may edit or withdraw them again.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void release(long workspaceId, Collection<Long> priorityIds) {
        for (Priority p : priorities.findAllById(priorityIds)) {
            if (p.workspaceId() == workspaceId) {
                p.release();
            }
        }
        events.publishEvent(new PrioritiesDecided(workspaceId));
    }

    private Priority load(long workspaceId, long priorityId) {
        return priorities.findById(priorityId).filter(p -> p.workspaceId() == workspaceId)
                .orElseThrow(NotFoundOrNoAccessException::new);
    }

    static PriorityView view(Priority p) {
        return new PriorityView(p.id(), p.title(), p.description(), p.lenses(),
                p.proposers().stream().map(q -> new PriorityView.ProposerView(q.userId(), q.sideId())).toList(),
                p.state(), p.inRound(), p.mergedInto(), p.proposedAt());
    }
}
