package dk.ligevaerd.suggestion;

import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.shared.NotFoundOrNoAccessException;
import dk.ligevaerd.shared.NotPermittedException;
import dk.ligevaerd.shared.Text;
import dk.ligevaerd.statement.Amendment;
import dk.ligevaerd.statement.CollabService;
import dk.ligevaerd.statement.Followed;
import dk.ligevaerd.statement.PassageAt;
import dk.ligevaerd.statement.collab.Authority;
import dk.ligevaerd.statement.collab.ChangeSet;
import dk.ligevaerd.statement.collab.Passage;
import dk.ligevaerd.suggestion.SuggestionEvents.SuggestionAccepted;
import dk.ligevaerd.suggestion.SuggestionEvents.SuggestionApplied;
import dk.ligevaerd.suggestion.SuggestionEvents.SuggestionDeclined;
import dk.ligevaerd.suggestion.SuggestionEvents.SuggestionMade;
import dk.ligevaerd.suggestion.SuggestionEvents.SuggestionRebased;
import dk.ligevaerd.suggestion.SuggestionEvents.SuggestionWithdrawn;
import dk.ligevaerd.suggestion.domain.Acceptance;
import dk.ligevaerd.suggestion.domain.Suggestion;
import dk.ligevaerd.suggestion.domain.SuggestionRepository;
import dk.ligevaerd.workspace.Member;
import dk.ligevaerd.workspace.Roster;
import dk.ligevaerd.workspace.WorkspaceAccess;
import dk.ligevaerd.workspace.WorkspaceService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiPredicate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Suggested changes to the purpose statement, which go in only when every other side has accepted.
 *
 * <p>Acceptance, and the change it completes, run inside {@link CollabService#amend}: under the
 * statement's lock (in memory and on its row) and the suggestion's row lock, in one transaction.
 * Two sides accepting at the same instant therefore take turns; the second sees the first's key,
 * finds the keys complete and applies the change, and a third call finds the suggestion applied.
 * The change is applied exactly once, goes to every open editor as it commits, and enters the
 * change log written by the proposer, for their side. {@link #rebase} goes the same way, since it
 * reads the current text; the other transitions only touch the suggestion's row.
 *
 * <p>A key counts while its giver is still a participant or moderator of the side it was given
 * for; the proposer's own side needs none.
 */
@Service
public class SuggestionService {

    private final SuggestionRepository suggestions;
    private final WorkspaceAccess access;
    private final WorkspaceService workspaces;
    private final CollabService collab;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate readTx;

    SuggestionService(SuggestionRepository suggestions, WorkspaceAccess access, WorkspaceService workspaces,
            CollabService collab, ApplicationEventPublisher events, Clock clock,
            PlatformTransactionManager transactions) {
        this.readTx = new TransactionTemplate(transactions);
        this.readTx.setReadOnly(true);
        this.suggestions = suggestions;
        this.access = access;
        this.workspaces = workspaces;
        this.collab = collab;
        this.events = events;
        this.clock = clock;
    }

    /** Every suggestion of the workspace, oldest first, with how its passage stands now. Any member. */
    public List<SuggestionView> list(long workspaceId) {
        access.requireMember(workspaceId);
        // Not one read-only transaction: following the passages may load the statement on this node
        // for the first time, which creates its row when nothing has been written yet.
        List<Suggestion> all = suggestions.findByWorkspaceIdOrderByIdAsc(workspaceId);
        List<Suggestion> pending = all.stream().filter(s -> s.state() == SuggestionState.PENDING).toList();
        Followed followed = collab.follow(workspaceId, pending.stream().map(SuggestionService::passageAt).toList());
        Roster roster = Objects.requireNonNull(readTx.execute(status -> workspaces.roster(workspaceId)));
        List<SuggestionView> views = new ArrayList<>();
        int p = 0;
        for (Suggestion s : all) {
            Passage now = s.state() == SuggestionState.PENDING ? followed.passages().get(p++) : null;
            views.add(view(s, now, roster, followed.version()));
        }
        return views;
    }

    /**
     * Suggests replacing {@code from..to} of the statement as it stood at {@code version} (what the
     * person was looking at) with {@code newText}; {@code from == to} suggests an insertion there.
     * The passage is carried to the current text first. Participants and moderators only.
     *
     * @return the new suggestion's id
     */
    @Transactional
    public long suggest(long workspaceId, int version, int from, int to, String newText, String reason) {
        Member me = access.requireContributor(workspaceId);
        long sideId = Objects.requireNonNull(me.sideId(), "a contributor has a side");
        String why = Text.required(reason, Suggestion.REASON_MAX_LENGTH, "field.suggestionReason");
        if (newText.length() > Suggestion.TEXT_MAX_LENGTH) {
            throw new DomainException("error.length", dk.ligevaerd.shared.Messages.key("field.suggestionText"), 0,
                    Suggestion.TEXT_MAX_LENGTH);
        }
        if (newText.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            throw new DomainException("error.controlCharacters", dk.ligevaerd.shared.Messages.key("field.suggestionText"));
        }
        Text.requireNoForbiddenCharacter(newText, "field.suggestionText");
        if (from < 0 || to < from) {
            throw new DomainException("error.suggestion.passage");
        }
        Followed followed;
        try {
            followed = collab.follow(workspaceId, List.of(new PassageAt(version, new Passage(from, to, "", false))));
        } catch (IllegalArgumentException outside) {
            throw new DomainException("error.suggestion.passage");
        }
        Passage now = followed.passages().getFirst();
        if (now.removed()) {
            throw new DomainException("error.suggestion.passageGone");
        }
        Passage base = Passage.of(followed.text(), now.from(), now.to());
        if (base.wording().equals(newText)) {
            throw new DomainException("error.suggestion.noChange");
        }
        if (followed.text().length() - base.wording().length() + newText.length() > Authority.MAX_LENGTH) {
            throw new DomainException("error.suggestion.tooLong", Authority.MAX_LENGTH);
        }
        Suggestion saved = suggestions.save(new Suggestion(workspaceId, me.userId(), sideId, clock.instant(),
                followed.version(), base.from(), base.to(), base.wording(), newText, why));
        events.publishEvent(new SuggestionMade(workspaceId, me.userId(), sideId, saved.id(), base.wording(), newText,
                why));
        return saved.id();
    }

    /**
     * Gives the key of the current user's side. When it completes the keys of every side but the
     * proposer's, the change goes into the statement in the same transaction, written by the
     * proposer. Participants and moderators of another side than the proposer's only.
     *
     * @return whether this acceptance applied the change
     */
    public boolean accept(long workspaceId, long suggestionId) {
        Member me = access.requireContributor(workspaceId);
        long sideId = Objects.requireNonNull(me.sideId(), "a contributor has a side");
        // Runs its own transaction: see the class comment.
        return collab.amend(workspaceId, current -> {
            Suggestion s = lock(workspaceId, suggestionId);
            Roster roster = workspaces.roster(workspaceId);
            BiPredicate<Long, Long> counts = roster::mayAnswerSuggestionFor;
            requireMayAnswer(roster, me.userId(), sideId);
            if (s.state() != SuggestionState.PENDING) {
                throw new DomainException("error.suggestion.closed");
            }
            if (s.proposedSide() == sideId) {
                throw new DomainException("error.suggestion.ownSide");
            }
            Passage now = current.follow(storedPassage(s), s.baseVersion());
            if (outdated(s, now)) {
                throw new DomainException("error.suggestion.outdated");
            }
            s.accept(sideId, me.userId(), clock.instant(), counts);
            events.publishEvent(new SuggestionAccepted(workspaceId, me.userId(), sideId, suggestionId));
            if (!s.keysComplete(roster.sideIds(), counts)) {
                return Amendment.none(false);
            }
            ChangeSet change = ChangeSet.replace(current.text().length(), now.from(), now.to(), s.newText());
            s.applied(current.version() + 1, clock.instant());
            events.publishEvent(new SuggestionApplied(workspaceId, me.userId(), sideId, suggestionId, s.proposedBy(),
                    s.proposedSide(), current.version() + 1));
            return new Amendment<>(s.proposedBy(), s.proposedSide(), change, true);
        });
    }

    /** Declines for the current user's side, with a reason; the suggestion will never be applied. */
    @Transactional
    public void decline(long workspaceId, long suggestionId, String reason) {
        Member me = access.requireContributor(workspaceId);
        long sideId = Objects.requireNonNull(me.sideId(), "a contributor has a side");
        String why = Text.required(reason, Suggestion.REASON_MAX_LENGTH, "field.declineReason");
        requireMayAnswer(workspaces.roster(workspaceId), me.userId(), sideId);
        Suggestion s = lock(workspaceId, suggestionId);
        s.decline(me.userId(), sideId, why, clock.instant());
        events.publishEvent(new SuggestionDeclined(workspaceId, me.userId(), sideId, suggestionId, why));
    }

    /** Takes back the current user's own pending suggestion. */
    @Transactional
    public void withdraw(long workspaceId, long suggestionId) {
        Member me = access.requireContributor(workspaceId);
        Suggestion s = lock(workspaceId, suggestionId);
        s.withdraw(me.userId(), clock.instant());
        events.publishEvent(new SuggestionWithdrawn(workspaceId, me.userId(), me.sideId(), suggestionId));
    }

    /**
     * Points the current user's own outdated suggestion at its passage as it reads now (at the
     * point where it was, when all of it is gone); the keys given so far are dropped, since the
     * sides agreed to replace other words.
     */
    public void rebase(long workspaceId, long suggestionId) {
        Member me = access.requireContributor(workspaceId);
        collab.amend(workspaceId, current -> {
            Suggestion s = lock(workspaceId, suggestionId);
            if (s.proposedBy() != me.userId()) {
                throw new DomainException("error.suggestion.notAuthor");
            }
            if (s.state() != SuggestionState.PENDING) {
                throw new DomainException("error.suggestion.closed");
            }
            Passage now = current.follow(storedPassage(s), s.baseVersion());
            if (!outdated(s, now)) {
                throw new DomainException("error.suggestion.notOutdated");
            }
            String old = s.baseWording();
            Passage base = Passage.of(current.text(), now.from(), now.removed() ? now.from() : now.to());
            if (base.wording().equals(s.newText())) {
                throw new DomainException("error.suggestion.noChange");
            }
            s.rebase(me.userId(), current.version(), base.from(), base.to(), base.wording());
            events.publishEvent(new SuggestionRebased(workspaceId, me.userId(), me.sideId(), suggestionId, old));
            return Amendment.none(null);
        });
    }

    /**
     * The workspace may ask for a moderator of each side to answer suggestions (a rule only a
     * governance proposal changes); otherwise any participant answers for their side.
     */
    private static void requireMayAnswer(Roster roster, long userId, long sideId) {
        if (roster.mayAnswerSuggestionFor(userId, sideId)) {
            return;
        }
        if (roster.isVoterOf(userId, sideId)) {
            throw new NotPermittedException("error.suggestion.moderatorsOnly");
        }
        throw new NotFoundOrNoAccessException();
    }

    private Suggestion lock(long workspaceId, long suggestionId) {
        return suggestions.lockById(suggestionId).filter(s -> s.workspaceId() == workspaceId)
                .orElseThrow(NotFoundOrNoAccessException::new);
    }

    private static Passage storedPassage(Suggestion s) {
        return new Passage(s.baseFrom(), s.baseTo(), s.baseWording(), false);
    }

    private static PassageAt passageAt(Suggestion s) {
        return new PassageAt(s.baseVersion(), storedPassage(s));
    }

    /** An insertion point only moves; a passage is outdated once it reads otherwise or is gone. */
    static boolean outdated(Suggestion s, Passage now) {
        if (s.isInsertion()) {
            return false;
        }
        return now.removed() || !now.wording().equals(s.baseWording());
    }

    private static SuggestionView view(Suggestion s, @org.jspecify.annotations.Nullable Passage now, Roster roster,
            int version) {
        List<Long> accepted = new ArrayList<>();
        List<Long> awaiting = new ArrayList<>();
        roster.sideIds().stream().sorted().filter(side -> side != s.proposedSide()).forEach(side -> {
            boolean counts = s.acceptanceOf(side).map(Acceptance::userId)
                    .filter(user -> s.state() != SuggestionState.PENDING || roster.mayAnswerSuggestionFor(user, side))
                    .isPresent();
            (counts ? accepted : awaiting).add(side);
        });
        boolean outdated = now != null && outdated(s, now);
        boolean removed = now != null && now.removed() && !s.isInsertion();
        String currentWording = now == null || removed ? "" : now.wording();
        return new SuggestionView(s.id(), s.proposedBy(), s.proposedSide(), s.proposedAt(), s.baseWording(),
                s.newText(), s.reason(), s.state(), s.isInsertion(), outdated, removed, currentWording, accepted,
                awaiting, s.decidedBy(), s.decidedSide(), s.declineReason(), s.decidedAt(),
                now == null ? 0 : now.from(), now == null ? 0 : now.to(), version);
    }
}
