package dk.ligevaerd.suggestion.domain;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface SuggestionRepository extends JpaRepository<Suggestion, Long> {

    /**
     * The suggestion, its row held until the transaction ends: every change of state reads it this
     * way, so two acceptances, or an acceptance and a withdrawal, arriving at once run one after
     * the other and the second sees what the first did.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from Suggestion s where s.id = :id")
    Optional<Suggestion> lockById(long id);

    List<Suggestion> findByWorkspaceIdOrderByIdAsc(long workspaceId);
}
