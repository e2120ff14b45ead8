package dk.ligevaerd.workspace.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface InvitationRepository extends JpaRepository<Invitation, Long> {

    Optional<Invitation> findByTokenHash(String tokenHash);

    List<Invitation> findByWorkspaceIdOrderByCreatedAtDescIdDesc(long workspaceId);

    List<Invitation> findByWorkspaceIdAndSideId(long workspaceId, long sideId);
}
