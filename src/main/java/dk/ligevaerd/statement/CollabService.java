package dk.ligevaerd.statement;

import dk.ligevaerd.shared.NotPermittedException;
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
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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

    private final StatementRepository statements;
    private final StatementChangeLog changes;
    private final WorkspaceAccess access;
    private final TransactionTemplate tx;
    private final TransactionTemplate readTx;
    private final Clock clock;
    private final Map<Long, Room> rooms = new ConcurrentHashMap<>();
    private final StatementRelay relay;

    CollabService(StatementRepository statements, StatementChangeLog changes, WorkspaceAccess access,
            PlatformTransactionManager transactions, Clock clock, ClusterChannel cluster) {
        this.statements = statements;
        this.changes = changes;
        this.access = access;
        this.tx = new TransactionTemplate(transactions);
        this.readTx = new TransactionTemplate(transactions);
        this.readTx.setReadOnly(true);
        this.clock = clock;
        this.relay = new StatementRelay(cluster, this::followOtherNode, this::followAllListened);
    }

    @PreDestroy
    void stop() {
        relay.close();
    }

    /** The statement as a member's editor starts from it. */
    public LiveSnapshot snapshot(long workspaceId) {
        Member me = access.requireMember(workspaceId);
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
        Member me = access.requireContributor(workspaceId);
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
        room.lock.lock();
        try {
            if (!room.loaded) {
                room.load();
            }
            Receipt receipt;
            try {
                receipt = tx.execute(status -> {
                    Statement statement = statements.lockByWorkspaceId(workspaceId).orElseThrow();
                    room.catchUp(statement);
                    // A batch made on an older version is moved over the newer changes rather than
                    // sent back (docs/decisions/statement-collab-central-authority.md, "Revisited").
                    Receipt proposal = room.authority.proposeRebased(clientVersion, updates);
                    if (proposal instanceof Receipt.Accepted accepted && !accepted.updates().isEmpty()) {
                        changes.append(statement.id(), accepted.updates(), clock.instant());
                        statement.advance(accepted.text(), accepted.baseVersion(), accepted.version());
                    }
                    return proposal;
                });
            } catch (DataIntegrityViolationException anotherNodeWroteFirst) {
                log.info("Statement of workspace {} changed on another node during a push; catching up", workspaceId);
                room.ensureCurrent();
                return new PushOutcome.Behind(room.authority.version());
            }
            return switch (receipt) {
                case Receipt.Accepted accepted when accepted.updates().isEmpty() ->
                        new PushOutcome.Accepted(accepted.version());
                case Receipt.Accepted accepted -> {
                    room.authority.commit(accepted);
                    accepted.updates().forEach(room.authorship::apply);
                    room.tell(accepted.updates());
                    relay.accepted(workspaceId, accepted.version());
                    yield new PushOutcome.Accepted(accepted.version());
                }
                case Receipt.Behind behind -> new PushOutcome.Behind(behind.version());
                case Receipt.Refused refused -> refused(workspaceId, me, refused.reason());
                case null -> throw new IllegalStateException("no receipt");
            };
        } finally {
            room.lock.unlock();
        }
    }

    /**
     * The accepted changes after {@code version}, oldest first, for an editor catching up.
     *
     * @throws InvalidChange for a version the server never had
     */
    public List<AcceptedUpdate> updatesSince(long workspaceId, int version) {
        access.requireMember(workspaceId);
        Room room = room(workspaceId);
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

    /** Checks on each message of a live connection that its user is still a member. */
    public Member member(long workspaceId) {
        return access.requireMember(workspaceId);
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
        boolean loaded;
        long statementId;
        Authority authority = Authority.create();
        Authorship authorship = Authorship.empty();

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
            loaded = true;
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
