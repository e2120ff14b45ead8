package dk.ligevaerd.history.domain;

import jakarta.persistence.QueryHint;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.data.jpa.repository.QueryHints;
import org.springframework.data.jpa.repository.JpaRepository;

public interface HistoryEntryRepository extends JpaRepository<HistoryEntry, Long> {

    List<HistoryEntry> findByWorkspaceIdOrderByOccurredAtDescIdDesc(long workspaceId);

    /** Oldest first, read row by row, so an export of any size runs in constant memory. */
    @QueryHints(@QueryHint(name = org.hibernate.jpa.HibernateHints.HINT_FETCH_SIZE, value = "500"))
    Stream<HistoryEntry> streamByWorkspaceIdOrderByOccurredAtAscIdAsc(long workspaceId);
}
