package dk.ligevaerd.history.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface HistoryEntryRepository extends JpaRepository<HistoryEntry, Long> {

    List<HistoryEntry> findByWorkspaceIdOrderByOccurredAtDescIdDesc(long workspaceId);
}
