package dk.ligevaerd.deliberation.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface CommentThreadRepository extends JpaRepository<CommentThread, Long> {

    List<CommentThread> findByWorkspaceIdOrderByStartedAtAscIdAsc(long workspaceId);

    Optional<CommentThread> findByIdAndWorkspaceId(long id, long workspaceId);

    long countByWorkspaceId(long workspaceId);

    /**
     * Writes an anchor carried forward on reading, unless someone else wrote a newer one meanwhile;
     * leaves the version column alone, since moving an anchor is no edit of the thread.
     */
    @Modifying
    @Query("update CommentThread t set t.anchorFrom = :from, t.anchorTo = :to, t.anchorWording = :wording, "
            + "t.anchorRemoved = :removed, t.anchorVersion = :version "
            + "where t.id = :id and t.anchorVersion < :version")
    int moveAnchor(@Param("id") long id, @Param("from") int from, @Param("to") int to,
            @Param("wording") String wording, @Param("removed") boolean removed, @Param("version") int version);
}
