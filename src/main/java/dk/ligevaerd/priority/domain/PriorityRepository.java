package dk.ligevaerd.priority.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PriorityRepository extends JpaRepository<Priority, Long> {

    List<Priority> findByWorkspaceIdOrderByProposedAtAscIdAsc(long workspaceId);

    long countByWorkspaceId(long workspaceId);
}
