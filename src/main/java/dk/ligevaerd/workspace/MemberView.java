package dk.ligevaerd.workspace;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

public record MemberView(long userId, String username, String displayName, @Nullable Long sideId, Role role,
        boolean owner, Instant joinedAt) {
}
