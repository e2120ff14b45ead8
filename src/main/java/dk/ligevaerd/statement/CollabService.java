package dk.ligevaerd.statement;

import dk.ligevaerd.shared.LiveEventBus;
import dk.ligevaerd.shared.NotFoundOrNoAccessException;
import dk.ligevaerd.shared.NotPermittedException;
import dk.ligevaerd.shared.RemoteChange;
import dk.ligevaerd.shared.WorkspaceEvent;
import dk.ligevaerd.shared.cluster.ClusterChannel;
import dk.ligevaerd.statement.collab.AcceptedUpdate;
import dk.ligevaerd.statement.collab.Author;
import dk.ligevaerd.statement.collab.Authority;
import dk.ligevaerd.statement.collab.Authorship;
import dk.ligevaerd.statement.collab.ChangeSet;
import dk.ligevaerd.statement.collab.InvalidChange;
import dk.ligevaerd.statement.collab.Receipt;
import dk.ligevaerd.statement.collab.Update;
import dk.ligevaerd.statement.domain.Statement;
import dk.ligevaerd.statement.domain.StatementChangeLog;
import dk.ligevaerd.statement.domain.StatementRepository;
import dk.ligevaerd.workspace.Member;
import dk.ligevaerd.workspace.WorkspaceAccess;
import dk.ligevaerd.workspace.WorkspaceEvents;
import dk.ligevaerd.workspace.WorkspaceEvents.MemberChanged;
import dk.ligevaerd.workspace.WorkspaceEvents.MemberRemoved;
import dk.ligevaerd.workspace.WorkspaceEvents.SideRemoved;
import dk.ligevaerd.workspace.WorkspaceEvents.WorkspaceDeleted;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Queue;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.statement.collab.Passage;

/**
 * Live co-writing of the purpose statement: the server side of {@code @codemirror/collab}.
 *
 * <p>Each statement has one {@link Authority} in memory (with the {@link Authorship} beside it),
 * rebuilt from the stored changes the first time anyone needs it. A batch of changes is taken in
 * this order, all under one lock per statement: authorize, lock the statement row, propose to the
 * authority (which changes nothing yet), insert the accepted changes and advance the row, commit,
 * and only then make the changes current in memory and hand them to the listeners (the open
 * editors). So nothing is acknowledged or shown that is not committed, and a failed write leaves
 * nothing to undo.
 *
 * <p>The lock in memory orders the writers of this node; the row lock and the primary key of
 * {@code statement_change} order writers across nodes. When the row shows a version this node has
 * not seen (another node wrote), the authority first follows the changes stored since, and hands
 * them to this node's listeners, before proposing. Nodes also tell each other the versions they
 * accept ({@link StatementRelay}), so a node follows another's changes as soon as they commit
 * rather than at its own next change: every listener receives every accepted change once, in
 * order of version, whichever node accepted it.
 *
 * <p>Transactions are run by hand ({@link TransactionTemplate}) rather than by annotation because
 * the lock in memory must be held around the whole transaction, including its commit.
 */
@Service
public class CollabService {

    private static final Logger log = LoggerFactory.getLogger(CollabService.class);
    /** Passages a statement keeps followed between calls (pending suggestions, comment anchors). */
    private static final int FOLLOWED_MAX = 2_000;

    private final StatementRepository statements;
    private final StatementChangeLog changes;
    private final WorkspaceAccess access;
    private final TransactionTemplate tx;
    private final TransactionTemplate readTx;
    private final Clock clock;
    private final Map<Long, Room> rooms = new ConcurrentHashMap<>();
    private final Map<Long, Set<Seat>> seats = new ConcurrentHashMap<>();
    private final StatementRelay relay;
    private final LiveEventBus bus;
    /** Per workspace with seats on this node: the end of its subscription to the bus. Guarded by itself. */
    private final Map<Long, Runnable> watches = new HashMap<>();

    CollabService(StatementRepository statements, StatementChangeLog changes, WorkspaceAccess access,
            PlatformTransactionManager transactions, Clock clock, ClusterChannel cluster, LiveEventBus bus) {
        this.statements = statements;
        this.changes = changes;
        this.access = access;
        this.tx = new TransactionTemplate(transactions);
        this.readTx = new TransactionTemplate(transactions);
        this.readTx.setReadOnly(true);
        this.clock = clock;
        this.relay = new StatementRelay(cluster, this::followOtherNode, this::followAllListened);
        this.bus = bus;
    }

    @PreDestroy
    void stop() {
        relay.close();
        synchronized (watches) {
            watches.values().forEach(Runnable::run);
            watches.clear();
        }
    }

    /** The statement as a member's editor starts from it. */
    public LiveSnapshot snapshot(long workspaceId) {
        return snapshot(access.requireMember(workspaceId));
    }

    /** The statement as the editor holding {@code seat} starts from it. */
    public LiveSnapshot snapshot(Seat seat) {
        return snapshot(seated(seat));
    }

    private LiveSnapshot snapshot(Member me) {
        long workspaceId = me.workspaceId();
        Room room = room(workspaceId);
        room.lock.lock();
        try {
            room.ensureCurrent();
            List<LiveSnapshot.AuthorSpan> spans = room.authorship.spans().stream()
                    .map(s -> new LiveSnapshot.AuthorSpan(s.from(), s.to(), s.author().userId(), s.author().sideId()))
                    .toList();
            return new LiveSnapshot(workspaceId, room.authority.version(), room.authority.text(), spans,
                    room.authorship.shares(), me.canContribute());
        } finally {
            room.lock.unlock();
        }
    }

    /**
     * Takes a batch of changes that the member's editor made on {@code clientVersion}: all of them,
     * or none. A batch made on an older version is moved over the changes accepted since (as
     * {@code @codemirror/collab}'s {@code rebaseUpdates}), so the editor need not send it again.
     *
     * @throws dk.ligevaerd.shared.NotFoundOrNoAccessException for a non-member
     * @throws NotPermittedException for an observer
     */
    public PushOutcome push(long workspaceId, int clientVersion, List<LiveChange> batch) {
        return push(access.requireContributor(workspaceId), clientVersion, batch);
    }

    /**
     * {@link #push(long, int, List)} for the editor holding {@code seat}: the standing checked when
     * the seat was given stands until it is taken back.
     *
     * @throws dk.ligevaerd.shared.NotFoundOrNoAccessException for a seat taken back
     * @throws NotPermittedException for an observer's seat
     */
    public PushOutcome push(Seat seat, int clientVersion, List<LiveChange> batch) {
        Member me = seated(seat);
        if (!me.canContribute()) {
            throw new NotPermittedException("error.permission.contributor");
        }
        // The seat proves the standing, not that the workspace still takes changes: that is read in
        // the transaction that stores the batch (acceptWaiting), once for all the batches it takes.
        return push(me, clientVersion, batch);
    }

    private PushOutcome push(Member me, int clientVersion, List<LiveChange> batch) {
        long workspaceId = me.workspaceId();
        Long sideId = me.sideId();
        if (sideId == null) {
            // A contributor always has a side (Role.needsSide); without one, authorship would be lost.
            throw new NotPermittedException("error.permission.contributor");
        }
        if (batch.isEmpty()) {
            return refused(workspaceId, me, new InvalidChange(InvalidChange.MALFORMED, "an empty batch"));
        }
        Author author = new Author(me.userId(), sideId);
        List<Update> updates = batch.stream().map(c -> new Update(c.clientId(), author, c.changes())).toList();
        for (Update update : updates) {
            if (update.changes().toJsonString().length() > StatementChangeLog.CHANGES_MAX_LENGTH) {
                return refused(workspaceId, me, new InvalidChange(InvalidChange.MALFORMED,
                        "a change is longer than " + StatementChangeLog.CHANGES_MAX_LENGTH + " characters of JSON"));
            }
        }
        Room room = room(workspaceId);
        Pending mine = new Pending(me, clientVersion, updates);
        room.waiting.add(mine);
        room.lock.lock();
        try {
            // Whoever holds the lock takes every batch that waits for it, in one transaction: under
            // load one commit serves many editors (group commit), and a batch may find itself
            // already taken by the one before.
            if (mine.outcome == null) {
                acceptWaiting(room);
            }
        } finally {
            room.lock.unlock();
        }
        PushOutcome outcome = mine.outcome;
        if (outcome == null) {
            if (mine.failure instanceof DomainException refused) {
                // Taken by another editor's push and refused for all: the workspace was archived or is gone.
                throw refused;
            }
            throw new IllegalStateException("the transaction that took this batch failed", mine.failure);
        }
        return outcome;
    }

    /**
     * Takes the waiting batches in the order they came, each one moved over the batches before it,
     * stores all that were accepted in one transaction, and only after its commit hands them to the
     * listeners and answers each batch. Under the lock.
     */
    private void acceptWaiting(Room room) {
        List<Pending> group = new ArrayList<>();
        for (Pending p; (p = room.waiting.poll()) != null; ) {
            group.add(p);
        }
        if (group.isEmpty()) {
            return;
        }
        long workspaceId = room.workspaceId;
        if (!room.loaded) {
            room.load();
        }
        List<AcceptedUpdate> stored = new ArrayList<>();
        Receipt[] receipts = new Receipt[group.size()];
        boolean[] wasEmpty = {false};
        try {
            tx.executeWithoutResult(status -> {
                // Read here, once per group and in the transaction that stores it, rather than once
                // per batch: an archiving on another node takes no seat back on this one.
                access.requireWritable(workspaceId);
                Statement statement = statements.lockByWorkspaceId(workspaceId).orElseThrow();
                room.catchUp(statement);
                wasEmpty[0] = room.authority.text().isBlank();
                int before = room.authority.version();
                for (int i = 0; i < group.size(); i++) {
                    Pending p = group.get(i);
                    // A batch made on an older version is moved over the newer changes rather than
                    // sent back (docs/decisions/statement-collab-central-authority.md, "Revisited").
                    receipts[i] = room.authority.proposeRebased(p.clientVersion, p.updates);
                    if (receipts[i] instanceof Receipt.Accepted accepted && !accepted.updates().isEmpty()) {
                        // Made current at once so that the next batch of the group builds on it; if
                        // the transaction fails, the statement is loaded anew below.
                        room.authority.commit(accepted);
                        stored.addAll(accepted.updates());
                    }
                }
                if (!stored.isEmpty()) {
                    changes.append(statement.id(), stored, clock.instant());
                    statement.advance(room.authority.text(), before, room.authority.version());
                }
            });
        } catch (DataIntegrityViolationException anotherNodeWroteFirst) {
            log.info("Statement of workspace {} changed on another node during a push; catching up", workspaceId);
            room.loaded = false;
            room.load();
            group.forEach(p -> p.outcome = new PushOutcome.Behind(room.authority.version()));
            return;
        } catch (RuntimeException e) {
            room.loaded = false;
            group.forEach(p -> p.failure = e);
            throw e;
        }
        if (!stored.isEmpty()) {
            stored.forEach(room.authorship::apply);
            room.tell(stored);
            relay.accepted(workspaceId, room.authority.version());
            boolean empty = room.authority.text().isBlank();
            if (empty != wasEmpty[0]) {
                bus.publish(new StatementEvents.TextEmptinessChanged(workspaceId, empty));
            }
        }
        for (int i = 0; i < group.size(); i++) {
            Pending p = group.get(i);
            p.outcome = switch (receipts[i]) {
                case Receipt.Accepted accepted -> new PushOutcome.Accepted(accepted.version());
                case Receipt.Behind behind -> new PushOutcome.Behind(behind.version());
                case Receipt.Refused refused -> refused(workspaceId, p.member, refused.reason());
                case null -> throw new IllegalStateException("no receipt");
            };
        }
    }

    /** A batch waiting for its statement's lock, and, once taken, its outcome. */
    private static final class Pending {
        final Member member;
        final int clientVersion;
        final List<Update> updates;
        volatile @Nullable PushOutcome outcome;
        volatile @Nullable RuntimeException failure;

        Pending(Member member, int clientVersion, List<Update> updates) {
            this.member = member;
            this.clientVersion = clientVersion;
            this.updates = updates;
        }
    }

    /**
     * The accepted changes after {@code version}, oldest first, for an editor catching up.
     *
     * @throws InvalidChange for a version the server never had
     */
    public List<AcceptedUpdate> updatesSince(long workspaceId, int version) {
        access.requireMember(workspaceId);
        return updatesSince(room(workspaceId), version);
    }

    /** {@link #updatesSince(long, int)} for the editor holding {@code seat}. */
    public List<AcceptedUpdate> updatesSince(Seat seat, int version) {
        return updatesSince(room(seated(seat).workspaceId()), version);
    }

    private List<AcceptedUpdate> updatesSince(Room room, int version) {
        room.lock.lock();
        try {
            room.ensureCurrent();
            return room.authority.updatesSince(version);
        } finally {
            room.lock.unlock();
        }
    }

    /**
     * Replaces {@code from}–{@code to} of the current text with {@code insert} through the same path
     * as a browser's change: for demo content and tests, which have no editor to rebase with, so a
     * change that finds others' changes first is simply made again on the newer text.
     */
    public PushOutcome edit(long workspaceId, String clientId, int from, int to, String insert) {
        for (int attempt = 0; ; attempt++) {
            LiveSnapshot current = snapshot(workspaceId);
            int length = current.text().length();
            if (from < 0 || from > to || to > length) {
                throw new IllegalArgumentException("Range " + from + "–" + to + " outside a text of length " + length);
            }
            PushOutcome outcome = push(workspaceId, current.version(),
                    List.of(new LiveChange(clientId, ChangeSet.replace(length, from, to, insert))));
            if (!(outcome instanceof PushOutcome.Behind) || attempt == 100) {
                return outcome;
            }
        }
    }

    /**
     * Where each passage, taken from the statement at its version, stands now: carried through every
     * change accepted since, in one pass over the change log. Any member.
     *
     * @throws IllegalArgumentException for a version the statement never had or a passage outside
     *         the text at its version
     */
    public Followed follow(long workspaceId, List<PassageAt> passages) {
        access.requireMember(workspaceId);
        Room room = room(workspaceId);
        room.lock.lock();
        try {
            room.ensureCurrent();
            Amendment.Current now = room.current();
            return new Followed(now.version(), now.text(), room.followAll(passages));
        } finally {
            room.lock.unlock();
        }
    }

    /**
     * Makes a change on someone's behalf (an accepted suggestion) through the same path as an
     * editor's change, so every open editor receives it at once and the change log records it as
     * written by {@link Amendment#authorId()}. {@code decide} runs inside the transaction that
     * stores the change, while this node's lock and the statement's row lock are held: whatever it
     * reads or writes (a suggestion's state, its acceptances, history entries) commits together
     * with the change or not at all, and no other change to the statement can come between what
     * it saw and what it changes. A refusal it throws stores nothing. The caller authorizes what
     * {@code decide} stands for; here the current user must be a contributor.
     *
     * @throws IllegalStateException when called inside a transaction: the change must be committed
     *         before the editors are told, so this method runs its own
     */
    public <T> T amend(long workspaceId, Function<Amendment.Current, Amendment<T>> decide) {
        access.requireContributor(workspaceId);
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("CollabService.amend runs its own transaction; call it outside one");
        }
        Room room = room(workspaceId);
        room.lock.lock();
        try {
            if (!room.loaded) {
                room.load();
            }
            List<AcceptedUpdate> stored = new ArrayList<>();
            boolean[] wasEmpty = {false};
            T result;
            try {
                result = tx.execute(status -> {
                    Statement statement = statements.lockByWorkspaceId(workspaceId).orElseThrow();
                    room.catchUp(statement);
                    wasEmpty[0] = room.authority.text().isBlank();
                    int before = room.authority.version();
                    Amendment<T> amendment = decide.apply(room.current());
                    ChangeSet change = amendment.change();
                    if (change != null && !change.isEmpty()) {
                        Update update = new Update("server-" + UUID.randomUUID(),
                                new Author(amendment.authorId(), amendment.authorSideId()), change);
                        Receipt receipt = room.authority.propose(before, List.of(update));
                        if (receipt instanceof Receipt.Refused refused) {
                            throw new DomainException(refused.reason().messageKey(), refused.reason().arguments());
                        }
                        if (!(receipt instanceof Receipt.Accepted accepted)) {
                            throw new IllegalStateException("An amendment made on version " + before
                                    + " was not accepted: " + receipt);
                        }
                        room.authority.commit(accepted);
                        stored.addAll(accepted.updates());
                        changes.append(statement.id(), stored, clock.instant());
                        statement.advance(room.authority.text(), before, room.authority.version());
                    }
                    return amendment.result();
                });
            } catch (RuntimeException e) {
                if (!stored.isEmpty() || !(e instanceof DomainException)) {
                    // The authority may hold a change that was rolled back: read it anew.
                    room.loaded = false;
                }
                throw e;
            }
            if (!stored.isEmpty()) {
                stored.forEach(room.authorship::apply);
                room.tell(stored);
                relay.accepted(workspaceId, room.authority.version());
                boolean empty = room.authority.text().isBlank();
                if (empty != wasEmpty[0]) {
                    bus.publish(new StatementEvents.TextEmptinessChanged(workspaceId, empty));
                }
            }
            return result;
        } finally {
            room.lock.unlock();
        }
    }

    /**
     * Calls {@code listener} with every batch of changes accepted from now on, in order, right
     * after it is committed: on this node, or on another node (then as soon as this node hears of
     * it, or at the latest when it next reads the statement). Each change comes once, and in order
     * of version. The listener runs under the statement's lock and must only hand the changes on
     * (say, to a queue), never block. Returns the action that ends the subscription.
     */
    public Runnable listen(long workspaceId, Consumer<List<AcceptedUpdate>> listener) {
        access.requireMember(workspaceId);
        Room room = room(workspaceId);
        room.listeners.add(listener);
        return () -> room.listeners.remove(listener);
    }

    /** Checks that the current user is a member, as a live connection's handshake does. */
    public Member member(long workspaceId) {
        return access.requireMember(workspaceId);
    }

    /**
     * A seat at the workspace's live editor for the current user, who must be a member;
     * {@code onRevoked} runs once when it is taken back (see {@link Seat}). Give it back with
     * {@link #leave} when the editor goes.
     */
    public Seat seat(long workspaceId, Consumer<Seat.Ending> onRevoked) {
        Seat seat = new Seat(access.requireMember(workspaceId), onRevoked);
        synchronized (watches) {
            seats.computeIfAbsent(workspaceId, id -> ConcurrentHashMap.newKeySet()).add(seat);
            watches.computeIfAbsent(workspaceId, id -> bus.subscribe(id, this::onWorkspaceEvent));
        }
        // A change of standing committed while the seat was being given found no seat to take
        // back; reading again after registering closes that gap.
        try {
            if (!access.requireMember(workspaceId).equals(seat.member())) {
                revoke(workspaceId, seat::equals, Seat.Ending.CHANGED);
            }
        } catch (NotFoundOrNoAccessException removedMeanwhile) {
            revoke(workspaceId, seat::equals, Seat.Ending.REMOVED);
        }
        return seat;
    }

    public void leave(Seat seat) {
        Set<Seat> taken = seats.get(seat.workspaceId());
        if (taken != null) {
            taken.remove(seat);
        }
        unwatchIfEmpty(seat.workspaceId());
    }

    private void unwatchIfEmpty(long workspaceId) {
        synchronized (watches) {
            Set<Seat> taken = seats.get(workspaceId);
            if (taken == null || taken.isEmpty()) {
                Runnable unsubscribe = watches.remove(workspaceId);
                if (unsubscribe != null) {
                    unsubscribe.run();
                }
            }
        }
    }

    /**
     * A change of standing made on another node (a member removed, moved or given another role, a
     * side removed, the workspace deleted) reaches this node as a {@link RemoteChange} of that kind,
     * after it committed there: every seat in the workspace is checked against the stored
     * memberships and taken back where they no longer match. The local events above do the same on
     * the node where the change was made. A change that stands for anything (the node may have
     * missed messages) is checked the same way.
     */
    private void onWorkspaceEvent(WorkspaceEvent event) {
        if (event instanceof RemoteChange change && (change.anything() || STANDING_KINDS.contains(change.kind()))) {
            recheckSeats(change.workspaceId());
        }
    }

    private static final Set<String> STANDING_KINDS = Set.of(MemberRemoved.class.getSimpleName(),
            MemberChanged.class.getSimpleName(), SideRemoved.class.getSimpleName(),
            WorkspaceDeleted.class.getSimpleName());

    private void recheckSeats(long workspaceId) {
        Set<Seat> taken = seats.get(workspaceId);
        if (taken == null) {
            return;
        }
        for (Seat seat : List.copyOf(taken)) {
            try {
                var now = access.standing(workspaceId, seat.member().userId());
                if (now.isEmpty()) {
                    revoke(workspaceId, seat::equals, Seat.Ending.REMOVED);
                } else if (!Objects.equals(now.get().sideId(), seat.member().sideId())
                        || now.get().role() != seat.member().role()) {
                    revoke(workspaceId, seat::equals, Seat.Ending.CHANGED);
                }
            } catch (RuntimeException e) {
                log.warn("Could not re-check the live seat of user {} in workspace {} after a change on another node",
                        seat.member().userId(), workspaceId, e);
            }
        }
    }

    /** An archived workspace takes no edits: every editor gets a new, read-only seat. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(WorkspaceEvents.WorkspaceArchived archived) {
        revoke(archived.workspaceId(), seat -> true, Seat.Ending.CHANGED);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(WorkspaceEvents.WorkspaceErased erased) {
        revoke(erased.workspaceId(), seat -> true, Seat.Ending.REMOVED);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(WorkspaceEvents.WorkspaceUnarchived reopened) {
        revoke(reopened.workspaceId(), seat -> true, Seat.Ending.CHANGED);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(MemberRemoved removed) {
        revoke(removed.workspaceId(), seat -> seat.member().userId() == removed.userId(), Seat.Ending.REMOVED);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(MemberChanged changed) {
        revoke(changed.workspaceId(), seat -> seat.member().userId() == changed.userId(), Seat.Ending.CHANGED);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(SideRemoved removed) {
        revoke(removed.workspaceId(), seat -> Objects.equals(seat.member().sideId(), removed.sideId()),
                Seat.Ending.CHANGED);
    }

    /** A deleted workspace has no members left: every seat in it ends. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(WorkspaceDeleted deleted) {
        revoke(deleted.workspaceId(), seat -> true, Seat.Ending.REMOVED);
    }

    private void revoke(long workspaceId, Predicate<Seat> which, Seat.Ending ending) {
        Set<Seat> taken = seats.get(workspaceId);
        if (taken == null) {
            return;
        }
        for (Seat seat : List.copyOf(taken)) {
            if (which.test(seat)) {
                taken.remove(seat);
                seat.revoke(ending);
            }
        }
        unwatchIfEmpty(workspaceId);
    }

    private static Member seated(Seat seat) {
        if (seat.revoked()) {
            throw new NotFoundOrNoAccessException();
        }
        return seat.member();
    }

    private PushOutcome refused(long workspaceId, Member me, InvalidChange reason) {
        log.warn("Refused a change by user {} to the statement of workspace {}: {}", me.userId(), workspaceId,
                reason.detail());
        return new PushOutcome.Refused(reason.messageKey(), reason.arguments(), reason.detail());
    }

    private Room room(long workspaceId) {
        return rooms.computeIfAbsent(workspaceId, Room::new);
    }

    /**
     * Another node accepted changes up to {@code version}: a statement that this node has loaded
     * and someone here listens to follows them now. Others follow when next used.
     */
    void followOtherNode(long workspaceId, int version) {
        Room room = rooms.get(workspaceId);
        if (room == null) {
            return;
        }
        room.lock.lock();
        try {
            if (room.loaded && !room.listeners.isEmpty() && room.authority.version() < version) {
                room.ensureCurrent();
            }
        } finally {
            room.lock.unlock();
        }
    }

    /** After this node may have missed messages: every statement listened to here reads what it missed. */
    private void followAllListened() {
        rooms.forEach((workspaceId, room) -> {
            if (room.loaded && !room.listeners.isEmpty()) {
                relay.schedule(workspaceId, Integer.MAX_VALUE);
            }
        });
    }

    /** The authority of one statement, with its authorship and the editors listening to it. */
    private final class Room {

        final long workspaceId;
        final ReentrantLock lock = new ReentrantLock();
        final List<Consumer<List<AcceptedUpdate>>> listeners = new CopyOnWriteArrayList<>();
        /** Batches waiting for the lock; whoever holds it takes them all. */
        final Queue<Pending> waiting = new ConcurrentLinkedQueue<>();
        boolean loaded;
        long statementId;
        Authority authority = Authority.create();
        Authorship authorship = Authorship.empty();
        /** Passages followed before, as they stand at {@link #followedAt}, on {@link #followedText}; -1: none. */
        int followedAt = -1;
        String followedText = "";
        final Map<PassageAt, Passage> followed = new HashMap<>();

        Room(long workspaceId) {
            this.workspaceId = workspaceId;
        }

        /**
         * Loads the statement on first use, and follows the database when it has moved on without
         * this node (another node accepted changes). Under the lock.
         */
        void ensureCurrent() {
            if (!loaded) {
                load();
                return;
            }
            readTx.executeWithoutResult(status -> statements.findByWorkspaceId(workspaceId).ifPresent(this::catchUp));
        }

        /**
         * Follows the stored statement: the changes stored after this node's version are taken over
         * and handed to the listeners. A stored history that does not continue this node's (only a
         * database put back under the running node makes one) is loaded anew as before, without
         * telling the listeners: there is nothing consistent to tell them. Inside a transaction,
         * under the lock.
         */
        void catchUp(Statement statement) {
            if (!loaded) {
                rebuild(statement);
                return;
            }
            int mine = authority.version();
            if (statement.version() == mine) {
                return;
            }
            if (statement.version() > mine) {
                List<AcceptedUpdate> missed = changes.between(statement.id(), mine, statement.version());
                try {
                    authority.follow(missed);
                    missed.forEach(authorship::apply);
                } catch (IllegalStateException e) {
                    log.warn("The stored changes of the statement of workspace {} do not continue version {} here: {}",
                            workspaceId, mine, e.getMessage());
                    rebuild(statement);
                    return;
                }
                if (authority.text().equals(statement.text())) {
                    tell(missed);
                    return;
                }
            }
            log.warn("The statement of workspace {} is stored at version {}, this node was at {} with other text; "
                    + "loading it anew", workspaceId, statement.version(), mine);
            rebuild(statement);
        }

        void load() {
            try {
                tx.executeWithoutResult(status -> rebuild(statementOf()));
            } catch (DataIntegrityViolationException createdElsewhereAtTheSameTime) {
                tx.executeWithoutResult(status -> rebuild(statementOf()));
            }
        }

        private Statement statementOf() {
            return statements.findByWorkspaceId(workspaceId)
                    .orElseGet(() -> statements.saveAndFlush(new Statement(workspaceId)));
        }

        private void rebuild(Statement statement) {
            List<AcceptedUpdate> stored = changes.after(statement.id(), 0);
            Authority rebuilt = Authority.replay("", 0, stored);
            if (rebuilt.version() != statement.version() || !rebuilt.text().equals(statement.text())) {
                throw new IllegalStateException("The stored changes of the statement of workspace " + workspaceId
                        + " lead to version " + rebuilt.version() + " but the statement is at " + statement.version()
                        + (rebuilt.text().equals(statement.text()) ? "" : " with another text"));
            }
            statementId = statement.id();
            authority = rebuilt;
            authorship = Authorship.replay(stored);
            followedAt = -1;
            followed.clear();
            loaded = true;
        }

        /** The statement as this node holds it. Under the lock. */
        Amendment.Current current() {
            Authority held = authority;
            return new Amendment.Current() {
                @Override
                public int version() {
                    return held.version();
                }

                @Override
                public String text() {
                    return held.text();
                }

                @Override
                public Passage follow(Passage passage, int version) {
                    return followAll(List.of(new PassageAt(version, passage))).getFirst();
                }

                @Override
                public List<ChangeSet> changesSince(int version) {
                    return held.updatesSince(version).stream().map(AcceptedUpdate::changes).toList();
                }
            };
        }

        /**
         * Carries each passage from its version to the current text: the text at the earliest of
         * their versions is replayed from the start, then every later change moves the passages
         * taken by then. Under the lock.
         */
        List<Passage> followAll(List<PassageAt> asked) {
            int current = authority.version();
            if (asked.isEmpty()) {
                return List.of();
            }
            if (followedAt >= 0 && followedAt <= current && followed.keySet().containsAll(asked)) {
                return followOn(asked, current);
            }
            List<Passage> result = replayAll(asked, current);
            if (followed.size() > FOLLOWED_MAX) {
                followed.clear();
            }
            if (followedAt != current) {
                // What is kept must all stand at one version.
                followed.clear();
            }
            for (int i = 0; i < asked.size(); i++) {
                followed.put(asked.get(i), result.get(i));
            }
            followedAt = current;
            followedText = authority.text();
            return result;
        }

        /**
         * Moves passages followed before (each page showing suggestions asks again after every
         * change) over the changes since, from the text they were followed on: a few changes, not
         * the whole history. Under the lock.
         */
        private List<Passage> followOn(List<PassageAt> asked, int current) {
            if (followedAt < current) {
                String text = followedText;
                for (AcceptedUpdate update : authority.updatesSince(followedAt)) {
                    ChangeSet change = update.changes();
                    text = change.apply(text);
                    for (Map.Entry<PassageAt, Passage> entry : followed.entrySet()) {
                        entry.setValue(entry.getValue().after(change, text));
                    }
                }
                followedAt = current;
                followedText = text;
            }
            return asked.stream().map(followed::get).toList();
        }

        private List<Passage> replayAll(List<PassageAt> asked, int current) {
            int earliest = asked.stream().mapToInt(PassageAt::version).min().orElseThrow();
            if (earliest < 0 || asked.stream().anyMatch(p -> p.version() > current)) {
                throw new IllegalArgumentException("A passage was taken at a version the statement never had");
            }
            List<AcceptedUpdate> all = authority.updatesSince(0);
            String text = Authority.replay("", 0, all.subList(0, earliest)).text();
            Passage[] now = new Passage[asked.size()];
            for (int v = earliest; ; v++) {
                for (int i = 0; i < now.length; i++) {
                    if (asked.get(i).version() == v) {
                        Passage p = asked.get(i).passage();
                        if (p.to() > text.length()) {
                            throw new IllegalArgumentException("Passage " + p.from() + ".." + p.to()
                                    + " is outside the text of version " + v);
                        }
                        now[i] = p;
                    }
                }
                if (v == current) {
                    break;
                }
                ChangeSet change = all.get(v).changes();
                text = change.apply(text);
                for (int i = 0; i < now.length; i++) {
                    if (now[i] != null) {
                        now[i] = now[i].after(change, text);
                    }
                }
            }
            return List.of(now);
        }

        void tell(List<AcceptedUpdate> updates) {
            for (Consumer<List<AcceptedUpdate>> listener : listeners) {
                try {
                    listener.accept(updates);
                } catch (RuntimeException e) {
                    log.warn("A live listener of workspace {} failed", workspaceId, e);
                }
            }
        }

        @Override
        public String toString() {
            return "Room[workspace=" + workspaceId + ", statement=" + statementId + "]";
        }
    }
}
