package dk.ligevaerd.workspace;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Everything the workspace page shows about the workspace itself, for one viewer. */
public record WorkspaceDetails(long id, String name, String description, boolean jointClosing,
        Instant createdAt, List<SideView> sides, List<MemberView> members, Member me) {

    public Optional<SideView> side(Long sideId) {
        return sides.stream().filter(s -> s.id() == sideId).findFirst();
    }
}
