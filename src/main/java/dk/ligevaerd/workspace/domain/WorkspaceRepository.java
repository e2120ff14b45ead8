package dk.ligevaerd.workspace.domain;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface WorkspaceRepository extends JpaRepository<Workspace, Long> {

    List<Workspace> findByIdInOrderByNameAsc(Collection<Long> ids);
}
