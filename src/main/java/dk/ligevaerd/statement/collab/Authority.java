package dk.ligevaerd.statement.collab;

import java.util.ArrayList;
import java.util.List;

/**
 * The single authority that orders everyone's changes to one statement, as
 * {@code @codemirror/collab} expects: a browser sends its unconfirmed changes together with the
 * version it last saw, and they are accepted only if that is still the current version; otherwise
 * the browser fetches what it missed, rebases, and tries again. The authority itself never
 * transforms anything, which keeps it small and makes every stored change one that some browser
 * actually applied.
 *
 * <p>Pure and in memory: it does no IO, so the caller decides how changes are stored. Because a
 * write to the database can fail (another node may have written the same version first), accepting
 * is split into {@link #propose}, which checks and computes without changing anything, and
 * {@link #commit}, to be called once the accepted updates are safely stored; {@link #receive} does
 * both for callers without storage. After a restart the caller rebuilds it with {@link #replay}.
 *
 * <p>Not thread-safe: the caller serialises all calls for one statement (typically with a lock per
 * statement, held around propose, store and commit).
 */
public final class Authority {

    /** The longest statement, in UTF-16 code units (what a browser counts as characters). */
    public static final int MAX_LENGTH = 20_000;

    private final int baseVersion;
    private final List<AcceptedUpdate> accepted = new ArrayList<>();
    private String text;

    private Authority(String text, int baseVersion) {
        if (baseVersion < 0) {
            throw new IllegalArgumentException("Negative version " + baseVersion);
        }
        this.text = text;
        this.baseVersion = baseVersion;
    }

    /** A new, empty statement at version 0. */
    public static Authority create() {
        return new Authority("", 0);
    }

    /**
     * Continues from a snapshot: {@code text} as it was at {@code version}. Browsers that are older
     * than the snapshot cannot catch up from here and must reload.
     */
    public static Authority starting(String text, int version) {
        return new Authority(text, version);
    }

    /**
     * Rebuilds the authority from stored changes that followed {@code baseText} at
     * {@code baseVersion} (use {@code ""} and 0 for the whole history). The length limit is not
     * applied again: what was accepted stays accepted.
     *
     * @throws IllegalStateException if the stored history has gaps or does not fit together, which
     *         means it is damaged
     */
    public static Authority replay(String baseText, int baseVersion, List<AcceptedUpdate> stored) {
        Authority authority = new Authority(baseText, baseVersion);
        for (AcceptedUpdate update : stored) {
            if (update.version() != authority.version() + 1) {
                throw new IllegalStateException(
                        "Stored change " + update.version() + " follows version " + authority.version());
            }
            if (update.changes().lengthBefore() != authority.text.length()) {
                throw new IllegalStateException("Stored change " + update.version() + " is for length "
                        + update.changes().lengthBefore() + ", the text has length " + authority.text.length());
            }
            authority.text = update.changes().apply(authority.text);
            authority.accepted.add(update);
        }
        return authority;
    }

    /**
     * Takes over changes that were accepted elsewhere (by another node, which stored them) and
     * follow this authority's version directly: all of them, or, if they do not fit, none.
     *
     * @throws IllegalStateException if the first does not create the next version, they have gaps,
     *         or one does not fit the text the one before it produced
     */
    public void follow(List<AcceptedUpdate> stored) {
        String doc = text;
        int version = version();
        for (AcceptedUpdate update : stored) {
            if (update.version() != version + 1) {
                throw new IllegalStateException("Stored change " + update.version() + " follows version " + version);
            }
            if (update.changes().lengthBefore() != doc.length()) {
                throw new IllegalStateException("Stored change " + update.version() + " is for length "
                        + update.changes().lengthBefore() + ", the text has length " + doc.length());
            }
            doc = update.changes().apply(doc);
            version++;
        }
        accepted.addAll(stored);
        text = doc;
    }

    /** The number of changes accepted since the statement was created. */
    public int version() {
        return baseVersion + accepted.size();
    }

    /** The text at {@link #version()}. */
    public String text() {
        return text;
    }

    /**
     * Checks a batch of updates sent by a browser that last saw {@code clientVersion}, without
     * changing anything. The batch is taken whole or not at all, since each update was made on the
     * text the previous one produced.
     *
     * <ul>
     *   <li>{@link Receipt.Accepted} when the version is current and every update fits;
     *   <li>{@link Receipt.Behind} when others' changes came first;
     *   <li>{@link Receipt.Refused} for a version the server never had
     *       ({@value InvalidChange#VERSION_FROM_FUTURE}), a change for a text of another length
     *       ({@value InvalidChange#WRONG_LENGTH}), a text that would grow beyond {@link #MAX_LENGTH}
     *       ({@value InvalidChange#TOO_LONG}), a change that splits a surrogate pair or inserts a
     *       forbidden character ({@value InvalidChange#INVALID_CHARACTER}; {@link StatementCharacters})
     *       or a missing or overlong client ID
     *       ({@value InvalidChange#MALFORMED}).
     * </ul>
     */
    public Receipt propose(int clientVersion, List<Update> updates) {
        int version = version();
        if (clientVersion < 0) {
            return refused(new InvalidChange(InvalidChange.MALFORMED, "negative version " + clientVersion));
        }
        if (clientVersion > version) {
            return refused(new InvalidChange(InvalidChange.VERSION_FROM_FUTURE,
                    "the client sent version " + clientVersion + ", the server is at " + version,
                    clientVersion, version));
        }
        if (clientVersion < version) {
            return new Receipt.Behind(clientVersion, version);
        }
        String doc = text;
        List<AcceptedUpdate> result = new ArrayList<>(updates.size());
        for (Update update : updates) {
            String clientId = update.clientId();
            if (clientId.isBlank() || clientId.length() > Update.CLIENT_ID_MAX_LENGTH) {
                return refused(new InvalidChange(InvalidChange.MALFORMED,
                        "the client ID is empty or longer than " + Update.CLIENT_ID_MAX_LENGTH));
            }
            ChangeSet changes = update.changes();
            if (changes.lengthBefore() != doc.length()) {
                return refused(new InvalidChange(InvalidChange.WRONG_LENGTH,
                        "update " + (result.size() + 1) + " is for length " + changes.lengthBefore()
                                + ", the text has length " + doc.length(),
                        changes.lengthBefore(), doc.length()));
            }
            // A text already over the limit (say, from before the limit was lowered) may still be
            // shortened; only growth beyond the limit is refused.
            if (changes.lengthAfter() > MAX_LENGTH && changes.lengthAfter() > changes.lengthBefore()) {
                return refused(new InvalidChange(InvalidChange.TOO_LONG,
                        "the text would have " + changes.lengthAfter() + " characters",
                        MAX_LENGTH, changes.lengthAfter()));
            }
            try {
                StatementCharacters.check(changes, doc);
            } catch (InvalidChange forbidden) {
                return refused(forbidden);
            }
            doc = changes.apply(doc);
            result.add(new AcceptedUpdate(version + result.size() + 1, clientId, update.author(), changes));
        }
        return new Receipt.Accepted(version, result, doc);
    }

    /**
     * Like {@link #propose}, but a batch made on an older version is not sent back: it is moved over
     * the changes accepted since, one change at a time, exactly as the browser itself moves its
     * unconfirmed changes when it receives them one at a time ({@code receiveUpdates} of
     * {@code @codemirror/collab} called with a single update, as {@code frontend/statement-editor.ts}
     * does): someone else's change maps the whole batch over it; the browser's own change, accepted
     * earlier (it lost the acknowledgement and sends it again), is recognised by client ID and
     * author and dropped from the front of the batch, as the browser drops it when it comes back.
     * Authority and browser thus compute the same thing step by step and end with the same text.
     *
     * <p>One at a time matters: moving a change over the composition of several changes is not
     * always the same as moving it over them one by one (a position inside a replaced range can land
     * on either side of a later insertion). {@code CollabConvergenceTest} found that divergence when
     * the authority composed, and checks this method with browsers that receive one change at a time.
     * A browser that composed received changes before rebasing could diverge in such ties.
     *
     * <p>Under concurrent typing most batches are stale by a change or more; sending each back costs
     * a round trip that others' changes overtake again, which measured 2.4 refusals per accepted
     * change with 200 editors (docs/performance.md). A batch whose every update was accepted already
     * gives an {@link Receipt.Accepted} without updates. A version from before the snapshot this
     * authority started from still gives {@link Receipt.Behind}.
     */
    public Receipt proposeRebased(int clientVersion, List<Update> updates) {
        int version = version();
        if (clientVersion < 0 || clientVersion >= version) {
            return propose(clientVersion, updates);
        }
        if (clientVersion < baseVersion) {
            return new Receipt.Behind(clientVersion, version);
        }
        List<AcceptedUpdate> over = accepted.subList(clientVersion - baseVersion, accepted.size());
        // Each update must fit the text the one before it produced, starting from the text at the
        // browser's version; otherwise mapping would be meaningless.
        int length = over.getFirst().changes().lengthBefore();
        for (int i = 0; i < updates.size(); i++) {
            ChangeSet changes = updates.get(i).changes();
            if (changes.lengthBefore() != length) {
                return refused(new InvalidChange(InvalidChange.WRONG_LENGTH,
                        "update " + (i + 1) + " is for length " + changes.lengthBefore() + ", the text at version "
                                + clientVersion + " plus the updates before it has length " + length,
                        changes.lengthBefore(), length));
            }
            length = changes.lengthAfter();
        }
        try {
            List<Update> batch = new ArrayList<>(updates);
            for (AcceptedUpdate done : over) {
                Update head = batch.isEmpty() ? null : batch.getFirst();
                if (head != null && head.clientId().equals(done.clientId()) && head.author().equals(done.author())) {
                    batch.removeFirst();
                } else {
                    ChangeSet remote = done.changes();
                    for (int i = 0; i < batch.size(); i++) {
                        Update local = batch.get(i);
                        batch.set(i, new Update(local.clientId(), local.author(), local.changes().map(remote, false)));
                        remote = remote.map(local.changes(), true);
                    }
                }
            }
            return batch.isEmpty() ? new Receipt.Accepted(version, List.of(), text) : propose(version, batch);
        } catch (IllegalArgumentException | IllegalStateException | InvalidChange e) {
            // Only a batch that claims updates it never sent can get here (a repeated update of
            // another size than the accepted one).
            return refused(new InvalidChange(InvalidChange.MALFORMED,
                    "the batch does not fit the changes accepted since version " + clientVersion + ": "
                            + e.getMessage()));
        }
    }

    /** {@link #proposeRebased} and, when accepted, {@link #commit}, for callers that store nothing. */
    public Receipt receiveRebased(int clientVersion, List<Update> updates) {
        Receipt receipt = proposeRebased(clientVersion, updates);
        if (receipt instanceof Receipt.Accepted accepted) {
            commit(accepted);
        }
        return receipt;
    }

    /**
     * Makes a proposal from {@link #propose} current, once it has been stored.
     *
     * @throws IllegalStateException if something else was committed since it was proposed
     */
    public void commit(Receipt.Accepted proposal) {
        if (proposal.baseVersion() != version()) {
            throw new IllegalStateException(
                    "Proposal for version " + proposal.baseVersion() + ", but the text is at " + version());
        }
        accepted.addAll(proposal.updates());
        text = proposal.text();
    }

    /** {@link #propose} and, when accepted, {@link #commit} at once, for callers that store nothing. */
    public Receipt receive(int clientVersion, List<Update> updates) {
        Receipt receipt = propose(clientVersion, updates);
        if (receipt instanceof Receipt.Accepted accepted) {
            commit(accepted);
        }
        return receipt;
    }

    /**
     * The changes a browser at {@code version} has missed, oldest first, so it can catch up.
     *
     * @throws InvalidChange with {@value InvalidChange#VERSION_FROM_FUTURE} for a version the server
     *         never had, or {@value InvalidChange#VERSION_TOO_OLD} for one from before the snapshot
     *         this authority started from (the browser must then reload the text)
     */
    public List<AcceptedUpdate> updatesSince(int version) {
        if (version > version()) {
            throw new InvalidChange(InvalidChange.VERSION_FROM_FUTURE,
                    "the client asked from version " + version + ", the server is at " + version(),
                    version, version());
        }
        if (version < baseVersion) {
            throw new InvalidChange(InvalidChange.VERSION_TOO_OLD,
                    "the client asked from version " + version + ", changes are kept from " + baseVersion);
        }
        return List.copyOf(accepted.subList(version - baseVersion, accepted.size()));
    }

    private static Receipt refused(InvalidChange reason) {
        return new Receipt.Refused(reason);
    }
}
