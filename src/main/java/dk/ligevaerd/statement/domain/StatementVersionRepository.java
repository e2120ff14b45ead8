package dk.ligevaerd.statement.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface StatementVersionRepository extends JpaRepository<StatementVersion, Long> {

    List<StatementVersion> findByWorkspaceIdOrderByCreatedAtDescIdDesc(long workspaceId);

    long countByWorkspaceId(long workspaceId);

    List<StatementVersion> findByCreatedByOrderByCreatedAtAscIdAsc(long createdBy);
}
