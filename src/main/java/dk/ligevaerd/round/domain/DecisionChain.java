package dk.ligevaerd.round.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The head of a workspace's chain of decision records. Appending locks this row, so two rounds
 * of one workspace closing at the same moment take consecutive numbers, each linked to the
 * other's hash, instead of both claiming the same place.
 */
@Entity
@Table(name = "decision_chain")
public class DecisionChain {

    /** The previous hash of the first record: 64 zeros, as there is nothing before it. */
    public static final String GENESIS = "0".repeat(64);

    @Id
    @Column(name = "workspace_id")
    private long workspaceId;

    @Column(name = "last_seq", nullable = false)
    private long lastSeq;

    @Column(name = "last_hash", nullable = false, length = 64)
    private String lastHash;

    protected DecisionChain() {
        this.lastHash = GENESIS;
    }

    public DecisionChain(long workspaceId) {
        this.workspaceId = workspaceId;
        this.lastSeq = 0;
        this.lastHash = GENESIS;
    }

    public long nextSeq() {
        return lastSeq + 1;
    }

    public long lastSeq() {
        return lastSeq;
    }

    public String lastHash() {
        return lastHash;
    }

    /** Moves the head to a record just written with the next number. */
    public void advance(long seq, String hash) {
        if (seq != lastSeq + 1) {
            throw new IllegalStateException("records are appended one at a time");
        }
        this.lastSeq = seq;
        this.lastHash = hash;
    }

    public long workspaceId() {
        return workspaceId;
    }
}
