package dk.ligevaerd.workspace.domain;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface ProposalRepository extends JpaRepository<Proposal, Long> {

    /** Holds the proposal's row, so two last confirmations cannot both apply it. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Proposal p where p.id = :id")
    Optional<Proposal> lockById(long id);

    List<Proposal> findByWorkspaceIdAndStateOrderByProposedAtAscIdAsc(long workspaceId, Proposal.State state);
}
