package dk.ligevaerd.history.domain;

import jakarta.persistence.QueryHint;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.data.jpa.repository.QueryHints;
import org.springframework.data.jpa.repository.JpaRepository;

public interface HistoryEntryRepository extends JpaRepository<HistoryEntry, Long> {

    List<HistoryEntry> findByWorkspaceIdOrderByOccurredAtDescIdDesc(long workspaceId);

    /** The newest entry's moment, or null for a workspace without any. */
    @org.springframework.data.jpa.repository.Query("select max(e.occurredAt) from HistoryEntry e "
            + "where e.workspaceId = :workspaceId")
    java.time.@org.jspecify.annotations.Nullable Instant lastOccurredAt(long workspaceId);

    /** Every entry that names the person, as the one who acted or the one it was about; oldest first. */
    @org.springframework.data.jpa.repository.Query("select e from HistoryEntry e where e.actorId = :userId "
            + "or e.subjectUserId = :userId order by e.occurredAt, e.id")
    List<HistoryEntry> findAbout(long userId);

    /** Oldest first, read row by row, so an export of any size runs in constant memory. */
    @QueryHints(@QueryHint(name = org.hibernate.jpa.HibernateHints.HINT_FETCH_SIZE, value = "500"))
    Stream<HistoryEntry> streamByWorkspaceIdOrderByOccurredAtAscIdAsc(long workspaceId);
}
