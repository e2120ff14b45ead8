package dk.ligevaerd.priority.domain;

import dk.ligevaerd.priority.PriorityState;
import dk.ligevaerd.priority.ValueLens;
import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.shared.NotPermittedException;
import dk.ligevaerd.shared.Text;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A candidate focus of the initiative. Its proposers may change or withdraw it until a decision
 * round takes it up; after that only the round's outcome changes it.
 */
@Entity
@Table(name = "priority")
public class Priority {

    public static final int TITLE_MAX_LENGTH = 200;
    public static final int DESCRIPTION_MAX_LENGTH = 2000;
    /**
     * The most priorities one workspace holds, withdrawn and merged ones included (they stay in
     * the history): far more than a negotiation can weigh, and a bound on what one member can store.
     */
    public static final int MAX_PER_WORKSPACE = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "workspace_id", nullable = false)
    private long workspaceId;

    @Column(nullable = false, length = TITLE_MAX_LENGTH)
    private String title;

    @Column(nullable = false, length = DESCRIPTION_MAX_LENGTH)
    private String description;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "priority_lens", joinColumns = @JoinColumn(name = "priority_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "lens", nullable = false, length = 30)
    private Set<ValueLens> lenses = EnumSet.noneOf(ValueLens.class);

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "priority_proposer", joinColumns = @JoinColumn(name = "priority_id"))
    @OrderColumn(name = "position")
    private List<Proposer> proposers = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private PriorityState state;

    /** Set once a decision round includes this priority; from then on it is no longer editable. */
    @Column(name = "in_round", nullable = false)
    private boolean inRound;

    @Column(name = "merged_into")
    private @Nullable Long mergedInto;

    @Column(name = "proposed_at", nullable = false)
    private Instant proposedAt;

    @Version
    private long version;

    protected Priority() {
        this.title = "";
        this.description = "";
        this.state = PriorityState.PROPOSED;
        this.proposedAt = Instant.EPOCH;
    }

    public Priority(long workspaceId, Proposer proposer, String title, String description,
            Collection<ValueLens> lenses, Instant proposedAt) {
        this.workspaceId = workspaceId;
        this.proposers.add(proposer);
        this.state = PriorityState.PROPOSED;
        this.proposedAt = proposedAt;
        change(title, description, lenses);
    }

    private void change(String newTitle, String newDescription, Collection<ValueLens> newLenses) {
        String checkedTitle = Text.required(newTitle, TITLE_MAX_LENGTH, "field.priorityTitle");
        String checkedDescription = Text.optional(newDescription, DESCRIPTION_MAX_LENGTH, "field.priorityDescription");
        if (newLenses.isEmpty()) {
            throw new DomainException("error.priority.lensRequired");
        }
        this.title = checkedTitle;
        this.description = checkedDescription;
        this.lenses = EnumSet.copyOf(newLenses);
    }

    /** Only a proposer may edit, and only while no round has taken the priority up. */
    public void edit(long userId, String newTitle, String newDescription, Collection<ValueLens> newLenses) {
        requireOpenForProposer(userId);
        change(newTitle, newDescription, newLenses);
    }

    public void withdraw(long userId) {
        requireOpenForProposer(userId);
        this.state = PriorityState.WITHDRAWN;
    }

    /** Folds this priority into {@code target}, which keeps its text and gains this one's proposers. */
    public void mergeInto(Priority target) {
        if (target == this || target.workspaceId != workspaceId) {
            throw new DomainException("error.priority.mergeSelf");
        }
        requireOpen();
        target.requireOpen();
        for (Proposer p : proposers) {
            if (target.proposers.stream().noneMatch(q -> q.userId() == p.userId())) {
                target.proposers.add(p);
            }
        }
        target.lenses.addAll(lenses);
        this.state = PriorityState.MERGED;
        this.mergedInto = target.id();
    }

    /** A round takes the priority up: it must still be proposed. */
    public void includeInRound() {
        if (state != PriorityState.PROPOSED && state != PriorityState.ADOPTED && state != PriorityState.NOT_ADOPTED) {
            throw new DomainException("error.priority.notAvailable", title);
        }
        this.inRound = true;
    }

    public void decide(boolean adopted) {
        this.state = adopted ? PriorityState.ADOPTED : PriorityState.NOT_ADOPTED;
        this.inRound = false;
    }

    /** The round that took it up ended without deciding it: it may be edited and withdrawn again. */
    public void release() {
        this.inRound = false;
    }

    private void requireOpenForProposer(long userId) {
        if (proposers.stream().noneMatch(p -> p.userId() == userId)) {
            throw new NotPermittedException("error.priority.notProposer");
        }
        requireOpen();
    }

    private void requireOpen() {
        if (state != PriorityState.PROPOSED) {
            throw new DomainException("error.priority.notProposed");
        }
        if (inRound) {
            throw new DomainException("error.priority.inRound");
        }
    }

    public long id() {
        if (id == null) {
            throw new IllegalStateException("not saved yet");
        }
        return id;
    }

    public long workspaceId() {
        return workspaceId;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public Set<ValueLens> lenses() {
        return EnumSet.copyOf(lenses);
    }

    public List<Proposer> proposers() {
        return List.copyOf(proposers);
    }

    public PriorityState state() {
        return state;
    }

    public boolean inRound() {
        return inRound;
    }

    public @Nullable Long mergedInto() {
        return mergedInto;
    }

    public Instant proposedAt() {
        return proposedAt;
    }
}
