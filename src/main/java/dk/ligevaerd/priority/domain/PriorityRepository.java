package dk.ligevaerd.priority.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PriorityRepository extends JpaRepository<Priority, Long> {

    List<Priority> findByWorkspaceIdOrderByProposedAtAscIdAsc(long workspaceId);

    long countByWorkspaceId(long workspaceId);

    @org.springframework.data.jpa.repository.Query("select distinct p from Priority p join p.proposers pr "
            + "where pr.userId = :userId order by p.proposedAt, p.id")
    List<Priority> findProposedBy(long userId);
}
