package dk.ligevaerd.round.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface BallotRepository extends JpaRepository<Ballot, Long> {

    Optional<Ballot> findByRoundIdAndUserId(long roundId, long userId);

    List<Ballot> findByRoundIdOrderBySideIdAscUserIdAsc(long roundId);

    List<Ballot> findByRoundIdInAndUserId(Collection<Long> roundIds, long userId);

    /** Round id, side id and number of ballots, for every side that cast any. */
    @Query("select b.roundId, b.sideId, count(b) from Ballot b where b.roundId in :roundIds group by b.roundId, b.sideId")
    List<Object[]> countBySide(Collection<Long> roundIds);
}
