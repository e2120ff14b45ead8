package dk.ligevaerd.statement;

import dk.ligevaerd.shared.NotFoundOrNoAccessException;
import dk.ligevaerd.statement.StatementEvents.VersionSaved;
import dk.ligevaerd.statement.domain.Statement;
import dk.ligevaerd.statement.domain.StatementRepository;
import dk.ligevaerd.statement.domain.StatementVersion;
import dk.ligevaerd.statement.domain.StatementVersionRepository;
import dk.ligevaerd.workspace.Member;
import dk.ligevaerd.workspace.WorkspaceAccess;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The purpose statement's text and its named versions. */
@Service
public class StatementService {

    private final StatementRepository statements;
    private final StatementVersionRepository versions;
    private final WorkspaceAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    StatementService(StatementRepository statements, StatementVersionRepository versions, WorkspaceAccess access,
            ApplicationEventPublisher events, Clock clock) {
        this.statements = statements;
        this.versions = versions;
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
        long id = snapshot(workspaceId, name, moderator, true);
        return view(versions.findById(id).orElseThrow());
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
        Statement statement = statementOf(workspaceId);
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
