package dk.ligevaerd.deliberation;

import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.account.UserSummary;
import dk.ligevaerd.deliberation.DeliberationEvents.CommentDeleted;
import dk.ligevaerd.deliberation.DeliberationEvents.CommentEdited;
import dk.ligevaerd.deliberation.DeliberationEvents.CommentReplied;
import dk.ligevaerd.deliberation.DeliberationEvents.Target;
import dk.ligevaerd.deliberation.DeliberationEvents.ThreadReopened;
import dk.ligevaerd.deliberation.DeliberationEvents.ThreadResolved;
import dk.ligevaerd.deliberation.DeliberationEvents.ThreadStarted;
import dk.ligevaerd.deliberation.domain.Comment;
import dk.ligevaerd.deliberation.domain.CommentRepository;
import dk.ligevaerd.deliberation.domain.CommentThread;
import dk.ligevaerd.deliberation.domain.CarriedAnchors;
import dk.ligevaerd.deliberation.domain.CommentThreadRepository;
import dk.ligevaerd.priority.PriorityService;
import dk.ligevaerd.priority.PriorityView;
import dk.ligevaerd.round.RoundService;
import dk.ligevaerd.round.RoundView;
import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.shared.NotFoundOrNoAccessException;
import dk.ligevaerd.shared.NotPermittedException;
import dk.ligevaerd.statement.CollabService;
import dk.ligevaerd.statement.collab.Passage;
import dk.ligevaerd.workspace.Member;
import dk.ligevaerd.workspace.WorkspaceAccess;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Comment threads: on a passage of the purpose statement, on a priority, on a decision round or on
 * its record. Every member reads them. Participants and moderators comment; observers only where
 * every side has agreed that they may (a workspace rule, changed by a governance proposal:
 * {@link dk.ligevaerd.workspace.GovernanceService#proposeObserversMayComment}). Anyone who may comment may resolve and reopen a thread; only a
 * comment's author edits or deletes it, and a deleted comment leaves a marker in its thread and in
 * the history. Nothing is stored when a call is refused.
 */
@Service
public class CommentService {

    /** The most threads one workspace holds: far more than a negotiation reads, and a bound on storage. */
    public static final int MAX_THREADS_PER_WORKSPACE = 2000;
    /** The most comments in one thread. */
    public static final int MAX_COMMENTS_PER_THREAD = 500;

    private final CommentThreadRepository threads;
    private final CommentRepository comments;
    private final WorkspaceAccess access;
    private final AccountService accounts;
    private final CollabService collab;
    private final PriorityService priorities;
    private final RoundService rounds;
    private final AnchorMapper anchors;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final MentionedMembers mentions;
    private final CarriedAnchors carriedAnchors;

    CommentService(CommentThreadRepository threads, CommentRepository comments, WorkspaceAccess access,
            AccountService accounts, CollabService collab, PriorityService priorities,
            RoundService rounds, AnchorMapper anchors, ApplicationEventPublisher events, Clock clock,
            MentionedMembers mentions, CarriedAnchors carriedAnchors) {
        this.mentions = mentions;
        this.carriedAnchors = carriedAnchors;
        this.threads = threads;
        this.comments = comments;
        this.access = access;
        this.accounts = accounts;
        this.collab = collab;
        this.priorities = priorities;
        this.rounds = rounds;
        this.anchors = anchors;
        this.events = events;
        this.clock = clock;
    }

    // ---- reading --------------------------------------------------------------------------------

    /**
     * Every thread of the workspace, oldest first, with passages carried to the current text.
     * Read-write, because carrying passages forward writes them back (see {@link AnchorMapper}).
     */
    @Transactional
    public List<ThreadView> threads(long workspaceId) {
        Member me = access.requireMember(workspaceId);
        List<CommentThread> all = threads.findByWorkspaceIdOrderByStartedAtAscIdAsc(workspaceId);
        Map<Long, List<Comment>> byThread = comments.findByWorkspaceIdOrderByWrittenAtAscIdAsc(workspaceId).stream()
                .collect(Collectors.groupingBy(Comment::threadId));
        return views(me, all, byThread);
    }

    /** One thread, as {@link #threads} shows it: for redrawing the thread a live event names. */
    @Transactional
    public ThreadView thread(long workspaceId, long threadId) {
        Member me = access.requireMember(workspaceId);
        CommentThread thread = load(workspaceId, threadId);
        return views(me, List.of(thread), Map.of(threadId, comments.findByThreadIdOrderByWrittenAtAscIdAsc(threadId)))
                .getFirst();
    }

    /** Whether the caller may start threads, reply, resolve and reopen. */
    @Transactional(readOnly = true)
    public boolean mayComment(long workspaceId) {
        Member me = access.requireMember(workspaceId);
        return access.writable(workspaceId) && (me.canContribute() || observersAllowed(workspaceId));
    }

    // ---- writing --------------------------------------------------------------------------------

    /**
     * Starts a thread on the passage {@code from}–{@code to} of the statement as it stood at
     * {@code statementVersion} (the version the commenter's editor showed); the passage is carried
     * through the changes accepted since.
     */
    @Transactional
    public long startOnPassage(long workspaceId, int statementVersion, int from, int to, String body) {
        Member me = requireCommenter(workspaceId);
        String checked = Comment.checked(body);
        int current = collab.snapshot(workspaceId).version();
        if (statementVersion < 0 || statementVersion > current) {
            throw new DomainException("error.comment.versionUnknown");
        }
        if (from >= to) {
            throw new DomainException("error.comment.passageEmpty");
        }
        String text = anchors.textAt(workspaceId, statementVersion);
        if (from < 0 || to > text.length()) {
            throw new DomainException("error.comment.passageOutside");
        }
        if (text.substring(from, to).isBlank()) {
            throw new DomainException("error.comment.passageEmpty");
        }
        requireRoomForThread(workspaceId);
        Passage passage = Passage.of(text, from, to);
        CommentThread thread = threads.saveAndFlush(CommentThread.onPassage(workspaceId, passage, statementVersion,
                me.userId(), me.sideId(), clock.instant()));
        Comment first = comments.saveAndFlush(new Comment(thread.id(), workspaceId, me.userId(), me.sideId(), checked,
                clock.instant()));
        events.publishEvent(new ThreadStarted(workspaceId, me.userId(), me.sideId(), thread.id(), first.id(),
                new Target(TargetKind.STATEMENT, null, passage.wording()), mentions.in(workspaceId, checked)));
        return thread.id();
    }

    /** Starts a thread on a priority, a round or a closed round's record. */
    @Transactional
    public long startOn(long workspaceId, TargetKind kind, long targetId, String body) {
        Member me = requireCommenter(workspaceId);
        String checked = Comment.checked(body);
        if (kind == TargetKind.STATEMENT) {
            throw new DomainException("error.comment.passageEmpty");
        }
        Target target = target(workspaceId, kind, targetId);
        requireRoomForThread(workspaceId);
        CommentThread thread = threads.saveAndFlush(CommentThread.onItem(workspaceId, kind, targetId, me.userId(),
                me.sideId(), clock.instant()));
        Comment first = comments.saveAndFlush(new Comment(thread.id(), workspaceId, me.userId(), me.sideId(), checked,
                clock.instant()));
        events.publishEvent(new ThreadStarted(workspaceId, me.userId(), me.sideId(), thread.id(), first.id(), target,
                mentions.in(workspaceId, checked)));
        return thread.id();
    }

    /** Replies in an open thread; in a resolved one it is refused, and the thread must be reopened first. */
    @Transactional
    public long reply(long workspaceId, long threadId, String body) {
        Member me = requireCommenter(workspaceId);
        String checked = Comment.checked(body);
        CommentThread thread = load(workspaceId, threadId);
        if (thread.resolved()) {
            throw new DomainException("error.comment.resolved");
        }
        if (comments.findByThreadIdOrderByWrittenAtAscIdAsc(threadId).size() >= MAX_COMMENTS_PER_THREAD) {
            throw new DomainException("error.comment.tooManyReplies", MAX_COMMENTS_PER_THREAD);
        }
        Comment reply = comments.saveAndFlush(new Comment(threadId, workspaceId, me.userId(), me.sideId(), checked,
                clock.instant()));
        events.publishEvent(new CommentReplied(workspaceId, me.userId(), me.sideId(), threadId, reply.id(),
                target(thread), mentions.in(workspaceId, checked)));
        return reply.id();
    }

    @Transactional
    public void resolve(long workspaceId, long threadId) {
        Member me = requireCommenter(workspaceId);
        CommentThread thread = load(workspaceId, threadId);
        thread.resolve(me.userId(), clock.instant());
        events.publishEvent(new ThreadResolved(workspaceId, me.userId(), me.sideId(), threadId, target(thread)));
    }

    @Transactional
    public void reopen(long workspaceId, long threadId) {
        Member me = requireCommenter(workspaceId);
        CommentThread thread = load(workspaceId, threadId);
        thread.reopen();
        events.publishEvent(new ThreadReopened(workspaceId, me.userId(), me.sideId(), threadId, target(thread)));
    }

    /** Only the author changes their comment; the history keeps that it was edited. */
    @Transactional
    public void edit(long workspaceId, long commentId, String body) {
        Member me = access.requireMember(workspaceId);
        access.requireWritable(workspaceId);
        Comment comment = loadComment(workspaceId, commentId);
        String before = Objects.requireNonNullElse(comment.body(), "");
        comment.edit(me.userId(), body, clock.instant());
        // Only who is mentioned now and was not before is told again.
        List<Long> earlier = mentions.in(workspaceId, before);
        List<Long> added = mentions.in(workspaceId, Objects.requireNonNullElse(comment.body(), "")).stream()
                .filter(id -> !earlier.contains(id)).toList();
        events.publishEvent(new CommentEdited(workspaceId, me.userId(), me.sideId(), comment.threadId(), commentId,
                target(load(workspaceId, comment.threadId())), added));
    }

    /** Only the author deletes their comment; its place in the thread and the history stays, marked deleted. */
    @Transactional
    public void delete(long workspaceId, long commentId) {
        Member me = access.requireMember(workspaceId);
        access.requireWritable(workspaceId);
        Comment comment = loadComment(workspaceId, commentId);
        comment.delete(me.userId(), clock.instant());
        events.publishEvent(new CommentDeleted(workspaceId, me.userId(), me.sideId(), comment.threadId(), commentId,
                target(load(workspaceId, comment.threadId()))));
    }

    // ---- inside ---------------------------------------------------------------------------------

    private Member requireCommenter(long workspaceId) {
        Member me = access.requireMember(workspaceId);
        access.requireWritable(workspaceId);
        if (!me.canContribute() && !observersAllowed(workspaceId)) {
            throw new NotPermittedException("error.comment.observer");
        }
        return me;
    }

    private boolean observersAllowed(long workspaceId) {
        return access.observersMayComment(workspaceId);
    }

    private void requireRoomForThread(long workspaceId) {
        // Without the hold, threads started at the same moment would each count one below the cap.
        access.holdForCounting(workspaceId);
        if (threads.countByWorkspaceId(workspaceId) >= MAX_THREADS_PER_WORKSPACE) {
            throw new DomainException("error.comment.tooManyThreads", MAX_THREADS_PER_WORKSPACE);
        }
    }

    private CommentThread load(long workspaceId, long threadId) {
        return threads.findByIdAndWorkspaceId(threadId, workspaceId).orElseThrow(NotFoundOrNoAccessException::new);
    }

    private Comment loadComment(long workspaceId, long commentId) {
        return comments.findByIdAndWorkspaceId(commentId, workspaceId).orElseThrow(NotFoundOrNoAccessException::new);
    }

    /** The thing a new thread is to be about, which must be in this workspace. */
    private Target target(long workspaceId, TargetKind kind, long targetId) {
        return switch (kind) {
            case STATEMENT -> throw new IllegalArgumentException("a passage is no item");
            case PRIORITY -> priorities.list(workspaceId).stream().filter(p -> p.id() == targetId).findFirst()
                    .map(p -> new Target(kind, targetId, p.title())).orElseThrow(NotFoundOrNoAccessException::new);
            case ROUND -> new Target(kind, targetId, round(workspaceId, targetId).title());
            case RECORD -> rounds.record(workspaceId, targetId).map(r -> new Target(kind, targetId, r.title()))
                    .orElseThrow(() -> new DomainException("error.comment.noRecord"));
        };
    }

    private RoundView round(long workspaceId, long roundId) {
        try {
            return rounds.get(workspaceId, roundId);
        } catch (DomainException notThere) {
            throw new NotFoundOrNoAccessException();
        }
    }

    /** An existing thread's target for its history lines: the title as it stands. */
    private Target target(CommentThread thread) {
        if (thread.targetKind() == TargetKind.STATEMENT) {
            Passage anchor = thread.anchor();
            return new Target(TargetKind.STATEMENT, null, anchor == null ? "" : anchor.wording());
        }
        long id = Objects.requireNonNull(thread.targetId());
        try {
            return target(thread.workspaceId(), thread.targetKind(), id);
        } catch (DomainException gone) {
            return new Target(thread.targetKind(), id, "");
        }
    }

    private List<ThreadView> views(Member me, List<CommentThread> list, Map<Long, List<Comment>> byThread) {
        long workspaceId = me.workspaceId();
        List<CommentThread> onStatement = list.stream().filter(t -> t.targetKind() == TargetKind.STATEMENT).toList();
        AnchorMapper.Carried carried = onStatement.isEmpty() ? null : anchors.carry(workspaceId, onStatement);
        if (carried != null) {
            Map<Long, Passage> moved = new java.util.HashMap<>();
            for (CommentThread t : onStatement) {
                Passage p = carried.passages().get(t.id());
                if (p != null && carried.version() > t.anchorVersion()) {
                    moved.put(t.id(), p);
                }
            }
            carriedAnchors.write(moved, carried.version());
        }
        Map<Long, String> priorityTitles = list.stream().anyMatch(t -> t.targetKind() == TargetKind.PRIORITY)
                ? priorities.list(workspaceId).stream().collect(Collectors.toMap(PriorityView::id, PriorityView::title))
                : Map.of();
        Map<Long, String> roundTitles = list.stream().anyMatch(t -> t.targetKind() == TargetKind.ROUND
                || t.targetKind() == TargetKind.RECORD)
                ? rounds.list(workspaceId).stream().collect(Collectors.toMap(RoundView::id, RoundView::title))
                : Map.of();
        Set<Long> people = new HashSet<>();
        byThread.values().forEach(cs -> cs.forEach(c -> people.add(c.authorId())));
        Map<Long, UserSummary> names = people.isEmpty() ? Map.of() : accounts.summaries(people);
        // Whom the comments mention is read against every member's name (longest first), but only
        // when some comment holds an @ at all.
        boolean anyAt = byThread.values().stream().flatMap(List::stream)
                .anyMatch(c -> c.body() != null && c.body().indexOf('@') >= 0);
        Map<Long, String> members = anyAt ? mentions.names(workspaceId) : Map.of();
        List<ThreadView> views = new ArrayList<>(list.size());
        for (CommentThread t : list) {
            PassageView passage = null;
            String title;
            if (t.targetKind() == TargetKind.STATEMENT) {
                Passage p = carried == null ? null : carried.passages().get(t.id());
                Passage shown = p != null ? p : Objects.requireNonNull(t.anchor());
                int version = p != null ? carried.version() : t.anchorVersion();
                passage = new PassageView(shown.from(), shown.to(), shown.wording(), shown.removed(), version);
                title = shown.wording();
            } else {
                Map<Long, String> titles = t.targetKind() == TargetKind.PRIORITY ? priorityTitles : roundTitles;
                title = titles.getOrDefault(t.targetId(), "");
            }
            List<CommentView> cs = byThread.getOrDefault(t.id(), List.of()).stream()
                    .map(c -> view(c, names, me.userId(), members)).toList();
            views.add(new ThreadView(t.id(), t.targetKind(), t.targetId(), title, passage, t.startedBy(),
                    t.startedSideId(), t.startedAt(), t.resolvedAt(), t.resolvedBy(), cs));
        }
        return views;
    }

    private static CommentView view(Comment c, Map<Long, UserSummary> names, long viewer, Map<Long, String> members) {
        UserSummary author = names.get(c.authorId());
        String body = c.body();
        boolean mentionsMe = body != null && body.indexOf('@') >= 0 && c.authorId() != viewer
                && Mentions.find(body, members).contains(viewer);
        return new CommentView(c.id(), c.authorId(), author == null ? "" : author.displayName(), c.authorSideId(),
                body, c.writtenAt(), c.editedAt(), c.deletedAt(), c.authorId() == viewer, mentionsMe);
    }
}
