package dk.ligevaerd.statement.domain;

import dk.ligevaerd.shared.Text;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A named snapshot of the purpose statement; never changed once taken. */
@Entity
@Table(name = "statement_version")
public class StatementVersion {

    public static final int NAME_MAX_LENGTH = 120;
    /**
     * The most versions one statement keeps, those taken for rounds included: each holds a copy
     * of the text (up to 20,000 characters), so this bounds what one member can make it store.
     */
    public static final int MAX_PER_STATEMENT = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "workspace_id", nullable = false)
    private long workspaceId;

    @Column(name = "statement_version", nullable = false)
    private int statementVersion;

    @Column(nullable = false, length = NAME_MAX_LENGTH)
    private String name;

    @Column(name = "text", nullable = false, length = Statement.TEXT_MAX_LENGTH)
    private String text;

    @Column(name = "created_by", nullable = false)
    private long createdBy;

    @Column(name = "created_by_side")
    private @Nullable Long createdBySide;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Whether a decision round opening took it, rather than a person by hand. */
    @Column(name = "for_round", nullable = false)
    private boolean forRound;

    /** The decision round that adopted this version, if one did. */
    @Column(name = "adopted_by_round")
    private @Nullable Long adoptedByRound;

    protected StatementVersion() {
        this.name = "";
        this.text = "";
        this.createdAt = Instant.EPOCH;
    }

    public StatementVersion(Statement statement, String name, long createdBy, @Nullable Long createdBySide,
            Instant createdAt, boolean forRound) {
        this.workspaceId = statement.workspaceId();
        this.statementVersion = statement.version();
        this.name = Text.required(name, NAME_MAX_LENGTH, "field.versionName");
        this.text = statement.text();
        this.createdBy = createdBy;
        this.createdBySide = createdBySide;
        this.createdAt = createdAt;
        this.forRound = forRound;
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

    public int statementVersion() {
        return statementVersion;
    }

    public String name() {
        return name;
    }

    public String text() {
        return text;
    }

    public long createdBy() {
        return createdBy;
    }

    public @Nullable Long createdBySide() {
        return createdBySide;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public boolean forRound() {
        return forRound;
    }

    public @Nullable Long adoptedByRound() {
        return adoptedByRound;
    }

    /** A decision round adopted this version; the text itself stays as it was. */
    public void markAdopted(long roundId) {
        if (adoptedByRound != null && adoptedByRound != roundId) {
            throw new IllegalStateException("version " + id + " was already adopted by round " + adoptedByRound);
        }
        this.adoptedByRound = roundId;
    }
}
