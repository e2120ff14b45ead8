package dk.ligevaerd.round.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * What a closed round decided, written once and never changed: {@link Immutable} keeps Hibernate
 * from ever issuing an update, the class has no setters, and the hash chain makes a change made
 * behind the application's back (plain SQL) detectable.
 *
 * <p>{@link #content()} is the canonical JSON of the record (docs/decision-rules.md) and
 * {@link #hash()} its SHA-256; the content itself names this record's sequence number and the
 * previous record's hash, so the chain cannot be reordered without breaking a hash.
 */
@Entity
@Immutable
@Table(name = "decision_record")
public class DecisionRecord {

    /**
     * 10 MiB, the longest varchar PostgreSQL allows: about 45,000 named dot-voting ballots, or
     * 4,500 objections of the longest reason. A round beyond that cannot be recorded.
     */
    public static final int CONTENT_MAX_LENGTH = 10_485_760;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "workspace_id", nullable = false, updatable = false)
    private long workspaceId;

    @Column(name = "round_id", nullable = false, updatable = false)
    private long roundId;

    @Column(nullable = false, updatable = false)
    private long seq;

    @Column(name = "prev_hash", nullable = false, updatable = false, length = 64)
    private String prevHash;

    @Column(nullable = false, updatable = false, length = 64)
    private String hash;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    /** Stored as a varchar on both databases; beyond 1 MiB Hibernate would otherwise expect a CLOB on H2. */
    @Column(nullable = false, updatable = false, length = CONTENT_MAX_LENGTH)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private String content;

    protected DecisionRecord() {
        this.prevHash = "";
        this.hash = "";
        this.recordedAt = Instant.EPOCH;
        this.content = "";
    }

    public DecisionRecord(long workspaceId, long roundId, long seq, String prevHash, Instant recordedAt,
            String content) {
        if (content.length() > CONTENT_MAX_LENGTH) {
            throw new IllegalArgumentException("A decision record is limited to " + CONTENT_MAX_LENGTH + " characters");
        }
        this.workspaceId = workspaceId;
        this.roundId = roundId;
        this.seq = seq;
        this.prevHash = prevHash;
        this.recordedAt = recordedAt;
        this.content = content;
        this.hash = CanonicalJson.sha256(content);
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

    public long roundId() {
        return roundId;
    }

    public long seq() {
        return seq;
    }

    public String prevHash() {
        return prevHash;
    }

    public String hash() {
        return hash;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public String content() {
        return content;
    }
}
