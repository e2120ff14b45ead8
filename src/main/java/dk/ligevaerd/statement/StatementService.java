package dk.ligevaerd.statement;

import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.shared.NotFoundOrNoAccessException;
import dk.ligevaerd.statement.StatementEvents.VersionSaved;
import dk.ligevaerd.statement.collab.AcceptedUpdate;
import dk.ligevaerd.statement.collab.Authority;
import dk.ligevaerd.statement.collab.Authorship;
import dk.ligevaerd.statement.collab.ChangeSet;
import dk.ligevaerd.statement.domain.Statement;
import dk.ligevaerd.statement.domain.StatementChangeLog;
import dk.ligevaerd.statement.domain.StatementRepository;
import dk.ligevaerd.statement.domain.StatementVersion;
import dk.ligevaerd.statement.domain.StatementVersionRepository;
import dk.ligevaerd.workspace.Member;
import dk.ligevaerd.workspace.WorkspaceAccess;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The purpose statement's text, its named versions, and the replay of how it grew. */
@Service
public class StatementService {

    /** Changes read from the database at once while replaying a long stretch of history. */
    private static final int REPLAY_CHUNK = 1_024;

    private final StatementRepository statements;
    private final StatementVersionRepository versions;
    private final StatementChangeLog changes;
    private final ReplayCheckpoints checkpoints;
    private final WorkspaceAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    StatementService(StatementRepository statements, StatementVersionRepository versions, StatementChangeLog changes,
            ReplayCheckpoints checkpoints, WorkspaceAccess access, ApplicationEventPublisher events, Clock clock) {
        this.statements = statements;
        this.versions = versions;
        this.changes = changes;
        this.checkpoints = checkpoints;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<VersionView> versions(long workspaceId) {
        access.requireMember(workspaceId);
        return versions.findByWorkspaceIdOrderByCreatedAtDescIdDesc(workspaceId).stream()
                .map(StatementService::view).toList();
    }

    @Transactional(readOnly = true)
    public VersionView version(long workspaceId, long versionId) {
        access.requireMember(workspaceId);
        return versions.findById(versionId).filter(v -> v.workspaceId() == workspaceId).map(StatementService::view)
                .orElseThrow(NotFoundOrNoAccessException::new);
    }

    /**
     * Compares two saved versions, or a saved version and the current text (a null id), word by
     * word. Any member may compare.
     */
    @Transactional(readOnly = true)
    public List<WordDiff.Part> compare(long workspaceId, @Nullable Long fromVersionId, @Nullable Long toVersionId) {
        access.requireMember(workspaceId);
        return WordDiff.compare(textOf(workspaceId, fromVersionId), textOf(workspaceId, toVersionId));
    }

    private String textOf(long workspaceId, @Nullable Long versionId) {
        if (versionId == null) {
            return statements.findByWorkspaceId(workspaceId).map(Statement::text).orElse("");
        }
        return versions.findById(versionId).filter(v -> v.workspaceId() == workspaceId).map(StatementVersion::text)
                .orElseThrow(NotFoundOrNoAccessException::new);
    }

    /**
     * Every accepted change of the statement, oldest first: step {@code i} (from 0) made version
     * {@code i + 1}. Empty while nothing has been written. Any member may replay.
     */
    @Transactional(readOnly = true)
    public List<ReplayStep> replay(long workspaceId) {
        access.requireMember(workspaceId);
        return statements.findByWorkspaceId(workspaceId)
                .map(s -> changes.steps(s.id(), s.version()).stream()
                        .map(c -> new ReplayStep(c.version(), c.authorId(), c.sideId(), c.acceptedAt())).toList())
                .orElse(List.of());
    }

    /**
     * Where a replay word by word stops: the versions, ascending, after which one person's typing
     * (or deleting) on at one place reaches the end of a word; the last is the latest version.
     * Empty while nothing has been written. Any member may replay.
     */
    @Transactional(readOnly = true)
    public List<Integer> wordSteps(long workspaceId) {
        access.requireMember(workspaceId);
        return statements.findByWorkspaceId(workspaceId)
                .map(s -> ReplayWords.stops(changes.between(s.id(), 0, s.version()).stream()
                        .map(u -> new ReplayWords.Change(u.author().userId(), u.author().sideId(), u.changes()))
                        .toList()))
                .orElse(List.of());
    }

    /**
     * The statement after its first {@code version} changes, who wrote each stretch of it and what
     * the last of those changes did. Starts from the nearest checkpoint before {@code version}
     * ({@link ReplayCheckpoints}), so moving through a long history replays a few dozen changes per
     * frame, not all of them. Any member may replay.
     *
     * @throws DomainException {@code statement.replay.outOfRange} unless 0 ≤ {@code version} ≤ the
     *         number of changes
     */
    @Transactional(readOnly = true)
    public ReplayFrame frame(long workspaceId, int version) {
        access.requireMember(workspaceId);
        Optional<Statement> found = statements.findByWorkspaceId(workspaceId);
        int latest = found.map(Statement::version).orElse(0);
        if (version < 0 || version > latest) {
            throw new DomainException("statement.replay.outOfRange", version, latest);
        }
        if (version == 0) {
            return ReplayFrame.start();
        }
        long statementId = found.orElseThrow().id();
        checkpoints.forgetBeyond(statementId, latest);
        ReplayCheckpoints.Checkpoint start = checkpoints.before(statementId, version);
        int at = start == null ? 0 : start.version();
        String text = start == null ? "" : start.text();
        Authorship authorship = start == null ? Authorship.empty() : Authorship.of(start.spans());
        // Up to the change before the one shown, offering a checkpoint at each multiple passed.
        while (at < version - 1) {
            int upTo = Math.min(version - 1, at + REPLAY_CHUNK);
            List<AcceptedUpdate> chunk = changes.between(statementId, at, upTo);
            int from = 0;
            while (from < chunk.size()) {
                int next = Math.min(chunk.size(), from + checkpoints.interval() - (at % checkpoints.interval()));
                List<AcceptedUpdate> piece = chunk.subList(from, next);
                text = Authority.replay(text, at, piece).text();
                piece.forEach(authorship::apply);
                at += piece.size();
                from = next;
                if (at % checkpoints.interval() == 0) {
                    checkpoints.offer(statementId, at, text, authorship.spans());
                }
            }
            if (at != upTo) {
                throw new IllegalStateException("The change log of statement " + statementId + " ends at version "
                        + at + " but the statement is at " + latest);
            }
        }
        List<AcceptedUpdate> shown = changes.between(statementId, version - 1, version);
        if (shown.size() != 1) {
            throw new IllegalStateException("Change " + version + " of statement " + statementId + " is missing");
        }
        AcceptedUpdate last = shown.getFirst();
        String before = text;
        text = Authority.replay(before, version - 1, shown).text();
        authorship.apply(last);
        if (version % checkpoints.interval() == 0) {
            checkpoints.offer(statementId, version, text, authorship.spans());
        }
        List<ReplayFrame.Edit> edits = new ArrayList<>();
        for (ChangeSet.Change change : last.changes().changes()) {
            edits.add(new ReplayFrame.Edit(change.fromB(), change.toB(), before.substring(change.fromA(), change.toA())));
        }
        List<ReplayFrame.AuthorSpan> spans = authorship.spans().stream()
                .map(s -> new ReplayFrame.AuthorSpan(s.from(), s.to(), s.author().userId(), s.author().sideId()))
                .toList();
        return new ReplayFrame(version, text, spans, edits);
    }

    /** Anyone who may edit the text may name its current state. */
    @Transactional
    public long saveVersion(long workspaceId, String name) {
        Member me = access.requireContributor(workspaceId);
        return snapshot(workspaceId, name, me, false);
    }

    /**
     * For the decision-round feature, inside its authorized transaction: the version a round on
     * the text is opened on.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public VersionView snapshotForRound(long workspaceId, String name, Member moderator) {
        long id = snapshot(workspaceId, versionName(name), moderator, true);
        return view(versions.findById(id).orElseThrow());
    }

    /**
     * A round's title may be longer than a version's name: it is shortened at a whole character
     * (never between the halves of a surrogate pair) and ends with "…", so a round on the current
     * text can always open.
     */
    static String versionName(String roundTitle) {
        String name = roundTitle.strip();
        if (name.length() <= StatementVersion.NAME_MAX_LENGTH) {
            return name;
        }
        int end = StatementVersion.NAME_MAX_LENGTH - 1;
        if (Character.isLowSurrogate(name.charAt(end)) && Character.isHighSurrogate(name.charAt(end - 1))) {
            end--;
        }
        return name.substring(0, end).stripTrailing() + "…";
    }

    /**
     * For the decision-round feature, inside its transaction: an ADOPT round adopted this version.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void markAdoptedByRound(long workspaceId, long versionId, long roundId) {
        versions.findById(versionId).filter(v -> v.workspaceId() == workspaceId)
                .orElseThrow(NotFoundOrNoAccessException::new)
                .markAdopted(roundId);
    }

    private long snapshot(long workspaceId, String name, Member me, boolean forRound) {
        // The statement's row is held while counting, so that versions saved at the same moment count
        // one after the other and the cap is exact; live edits take the same lock, so the version
        // holds the text as last committed.
        Statement statement = statements.lockByWorkspaceId(workspaceId).orElseGet(() -> statementOf(workspaceId));
        if (versions.countByWorkspaceId(workspaceId) >= StatementVersion.MAX_PER_STATEMENT) {
            throw new DomainException("error.version.tooMany", StatementVersion.MAX_PER_STATEMENT);
        }
        StatementVersion version = versions.saveAndFlush(new StatementVersion(statement, name, me.userId(),
                me.sideId(), clock.instant(), forRound));
        events.publishEvent(new VersionSaved(workspaceId, me.userId(), me.sideId(), version.id(), version.name(),
                version.statementVersion(), forRound));
        return version.id();
    }

    /** The statement of the workspace, created empty the first time anyone needs it. */
    Statement statementOf(long workspaceId) {
        return statements.findByWorkspaceId(workspaceId)
                .orElseGet(() -> statements.saveAndFlush(new Statement(workspaceId)));
    }

    static VersionView view(StatementVersion v) {
        return new VersionView(v.id(), v.name(), v.statementVersion(), v.text(), v.createdBy(), v.createdBySide(),
                v.createdAt(), v.forRound(), v.adoptedByRound());
    }
}
