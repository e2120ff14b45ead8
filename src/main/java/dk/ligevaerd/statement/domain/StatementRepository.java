package dk.ligevaerd.statement.domain;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface StatementRepository extends JpaRepository<Statement, Long> {

    Optional<Statement> findByWorkspaceId(long workspaceId);

    /** Serialises writers of one statement; readers are not blocked. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from Statement s where s.workspaceId = :workspaceId")
    Optional<Statement> lockByWorkspaceId(long workspaceId);
}
