package dk.ligevaerd.round;

import java.util.List;

/**
 * The result of checking a workspace's chain of decision records.
 *
 * @param records  how many records were checked
 * @param headHash the hash of the last record, which anyone may note down to check later that no
 *                 record was rewritten from the end; 64 zeros when there are none
 * @param problems every record that failed a check, in sequence order; empty if the chain holds
 */
public record ChainVerification(int records, String headHash, List<Problem> problems) {

    public enum Kind {
        /** The record's content no longer gives its stored hash: the content was changed. */
        CONTENT_ALTERED,
        /** The record's "previous hash" is not the hash of the record before it. */
        LINK_BROKEN,
        /** The record's number is not the next one: a record is missing or out of place. */
        SEQUENCE_BROKEN,
        /** The record's columns (round, workspace, number, previous hash, time) disagree with its content. */
        HEADER_MISMATCH,
        /** The chain head kept beside the records does not point at the last record. */
        HEAD_MISMATCH
    }

    /**
     * @param seq      the record's number in its workspace (as stored)
     * @param recordId the record's row id
     * @param roundId  the round it records
     */
    public record Problem(long seq, long recordId, long roundId, Kind kind) {
    }

    public ChainVerification {
        problems = List.copyOf(problems);
    }

    public boolean intact() {
        return problems.isEmpty();
    }
}
