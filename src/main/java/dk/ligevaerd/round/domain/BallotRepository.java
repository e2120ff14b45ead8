package dk.ligevaerd.round.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface BallotRepository extends JpaRepository<Ballot, Long> {

    Optional<Ballot> findByRoundIdAndUserId(long roundId, long userId);

    /** Every ballot of the round as plain rows, by side and then voter. */
    @Query("select new dk.ligevaerd.round.domain.BallotRow(b.userId, b.voterName, b.sideId, b.payload, b.castAt, "
            + "b.casts) from Ballot b where b.roundId = :roundId order by b.sideId, b.userId")
    List<BallotRow> rows(long roundId);

    /**
     * Takes the voter off every ballot of a closed secret round, in the closing transaction: the
     * ballots keep their side and choice (the per-side totals), but no row says whose they were,
     * nor when each was cast (the time could be matched with other traces), nor how often.
     */
    @Modifying(flushAutomatically = true)
    @Query("update Ballot b set b.userId = null, b.voterName = '', b.castAt = :closedAt, b.casts = 1 "
            + "where b.roundId = :roundId")
    int forgetVoters(long roundId, java.time.Instant closedAt);

    List<Ballot> findByRoundIdInAndUserId(Collection<Long> roundIds, long userId);

    /** The ballots still tied to the person: every named round's, and a secret round's until it closes. */
    List<Ballot> findByUserIdOrderByCastAtAscIdAsc(long userId);

    /** On erasure: the name kept beside each ballot goes; the ballot, its voter's id and its count stay. */
    @Modifying(flushAutomatically = true)
    @Query("update Ballot b set b.voterName = '' where b.userId = :userId")
    int forgetVoterName(long userId);

    /**
     * Round id, side id, number of ballots and number of casts (re-votes included), for every
     * side that cast any. The casts only ever grow, so their sum tells whether anything changed.
     */
    @Query("select b.roundId, b.sideId, count(b), sum(b.casts) from Ballot b where b.roundId in :roundIds "
            + "group by b.roundId, b.sideId")
    List<Object[]> countBySide(Collection<Long> roundIds);
}
