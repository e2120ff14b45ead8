package dk.ligevaerd.round.domain;

import dk.ligevaerd.round.RoundState;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface DecisionRoundRepository extends JpaRepository<DecisionRound, Long> {

    /**
     * Loads the round and holds its row until the transaction ends. Casting a ballot and closing
     * both start here, so a ballot is either written before the close reads the ballots, or finds
     * the round closed.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from DecisionRound r where r.id = :id")
    Optional<DecisionRound> lockById(long id);

    /**
     * Loads the round and holds a shared lock on its row until the transaction ends: ballots take
     * this, so they do not wait for each other, but closing (which takes {@link #lockById}) waits
     * for the ballots in progress and every later ballot waits for the close and sees it.
     */
    @Lock(LockModeType.PESSIMISTIC_READ)
    @Query("select r from DecisionRound r where r.id = :id")
    Optional<DecisionRound> shareById(long id);

    List<DecisionRound> findByWorkspaceIdOrderByCreatedAtDescIdDesc(long workspaceId);

    List<DecisionRound> findByWorkspaceIdAndState(long workspaceId, RoundState state);

    /** Rounds in a state across every workspace, for the operations metrics. */
    long countByState(RoundState state);

    @Query("select r.id from DecisionRound r where r.state = :state and r.closesAt <= :now and r.votingEndedAt is null")
    List<Long> findIdsByStateAndClosesAtNotAfter(RoundState state, Instant now);
}
