package dk.ligevaerd.round.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DecisionRecordRepository extends JpaRepository<DecisionRecord, Long> {

    Optional<DecisionRecord> findByRoundId(long roundId);

    List<DecisionRecord> findByWorkspaceIdOrderBySeqAsc(long workspaceId);
}
