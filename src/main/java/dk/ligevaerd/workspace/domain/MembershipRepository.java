package dk.ligevaerd.workspace.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MembershipRepository extends JpaRepository<Membership, Long> {

    Optional<Membership> findByWorkspaceIdAndUserId(long workspaceId, long userId);

    List<Membership> findByUserId(long userId);

    List<Membership> findByWorkspaceId(long workspaceId);

    long countByWorkspaceIdAndSideId(long workspaceId, long sideId);

    boolean existsByWorkspaceIdAndUserId(long workspaceId, long userId);
}
