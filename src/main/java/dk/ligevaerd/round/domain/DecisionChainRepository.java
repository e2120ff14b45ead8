package dk.ligevaerd.round.domain;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface DecisionChainRepository extends JpaRepository<DecisionChain, Long> {

    /** Holds the workspace's chain head until the transaction ends: one appender at a time. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from DecisionChain c where c.workspaceId = :workspaceId")
    Optional<DecisionChain> lockByWorkspaceId(long workspaceId);
}
