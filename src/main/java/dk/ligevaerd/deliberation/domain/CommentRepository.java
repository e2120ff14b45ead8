package dk.ligevaerd.deliberation.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface CommentRepository extends JpaRepository<Comment, Long> {

    List<Comment> findByWorkspaceIdOrderByWrittenAtAscIdAsc(long workspaceId);

    List<Comment> findByThreadIdOrderByWrittenAtAscIdAsc(long threadId);

    Optional<Comment> findByIdAndWorkspaceId(long id, long workspaceId);

    long countByWorkspaceId(long workspaceId);

    /** Per side of the author: how many comments (first ones and replies) were written in the period. */
    @Query("select c.authorSideId, count(c) from Comment c where c.workspaceId = :ws and c.authorSideId is not null "
            + "and c.writtenAt >= :from and c.writtenAt < :to group by c.authorSideId")
    List<Object[]> countBySide(@Param("ws") long workspaceId, @Param("from") Instant from, @Param("to") Instant to);

    /**
     * Side of the author and time of every comment (first ones and replies) written in the period,
     * the same comments as {@link #countBySide}, for counting them week by week.
     */
    @Query("select c.authorSideId, c.writtenAt from Comment c where c.workspaceId = :ws and c.authorSideId is not null "
            + "and c.writtenAt >= :from and c.writtenAt < :to")
    List<Object[]> writtenBySide(@Param("ws") long workspaceId, @Param("from") Instant from, @Param("to") Instant to);

    /** Comments not deleted in threads about each item of one kind (a round, a record), by the item's id. */
    @Query("select t.targetId, count(c) from Comment c, CommentThread t where c.threadId = t.id "
            + "and t.workspaceId = :ws and t.targetKind = :kind and t.targetId is not null and c.deletedAt is null "
            + "group by t.targetId")
    List<Object[]> countByTarget(@Param("ws") long workspaceId, @Param("kind") dk.ligevaerd.deliberation.TargetKind kind);
}
