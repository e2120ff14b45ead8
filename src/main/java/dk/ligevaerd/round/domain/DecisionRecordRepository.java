package dk.ligevaerd.round.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface DecisionRecordRepository extends JpaRepository<DecisionRecord, Long> {

    Optional<DecisionRecord> findByRoundId(long roundId);

    List<DecisionRecord> findByWorkspaceIdOrderBySeqAsc(long workspaceId);

    Optional<DecisionRecord> findByWorkspaceIdAndSeq(long workspaceId, long seq);

    /** Which round each record closed, and when, without reading the records' content. */
    @Query("select new dk.ligevaerd.round.domain.RecordHeader(r.roundId, r.seq, r.recordedAt) from DecisionRecord r"
            + " where r.workspaceId = :workspaceId order by r.seq")
    List<RecordHeader> findHeadersByWorkspaceId(long workspaceId);

    @Query("select r.seq from DecisionRecord r where r.workspaceId = :workspaceId order by r.seq")
    List<Long> findSeqsByWorkspaceId(long workspaceId);
}
