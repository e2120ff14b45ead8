package dk.ligevaerd.deliberation.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CommentThreadRepository extends JpaRepository<CommentThread, Long> {

    List<CommentThread> findByWorkspaceIdOrderByStartedAtAscIdAsc(long workspaceId);

    Optional<CommentThread> findByIdAndWorkspaceId(long id, long workspaceId);

    long countByWorkspaceId(long workspaceId);
}
