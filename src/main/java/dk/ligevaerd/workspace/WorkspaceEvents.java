package dk.ligevaerd.workspace;

import dk.ligevaerd.shared.WorkspaceEvent;
import org.jspecify.annotations.Nullable;

/**
 * What happens to workspaces and their members. Every record names the actor and the actor's
 * side at the time, so the history can show who did it from where.
 */
public final class WorkspaceEvents {

    private WorkspaceEvents() {
    }

    /** Events that the history keeps: all but the fleeting presence changes. */
    public sealed interface Recorded extends WorkspaceEvent {
        long actorId();

        @Nullable Long actorSideId();
    }

    public record WorkspaceCreated(long workspaceId, long actorId, @Nullable Long actorSideId, String name)
            implements Recorded {
    }

    public record WorkspaceRenamed(long workspaceId, long actorId, @Nullable Long actorSideId, String name)
            implements Recorded {
    }

    public record SideAdded(long workspaceId, long actorId, @Nullable Long actorSideId, long sideId, String name)
            implements Recorded {
    }

    public record SideChanged(long workspaceId, long actorId, @Nullable Long actorSideId, long sideId, String name,
            String colour) implements Recorded {
    }

    public record SideRemoved(long workspaceId, long actorId, @Nullable Long actorSideId, long sideId, String name)
            implements Recorded {
    }

    public record MemberJoined(long workspaceId, long actorId, @Nullable Long actorSideId, long userId,
            @Nullable Long sideId, Role role, @Nullable Long invitationId) implements Recorded {
    }

    public record MemberChanged(long workspaceId, long actorId, @Nullable Long actorSideId, long userId,
            @Nullable Long oldSideId, Role oldRole, @Nullable Long newSideId, Role newRole) implements Recorded {
    }

    public record MemberRemoved(long workspaceId, long actorId, @Nullable Long actorSideId, long userId,
            @Nullable Long sideId, Role role) implements Recorded {
    }

    public record InvitationCreated(long workspaceId, long actorId, @Nullable Long actorSideId, long invitationId,
            @Nullable Long sideId, Role role) implements Recorded {
    }

    public record InvitationRevoked(long workspaceId, long actorId, @Nullable Long actorSideId, long invitationId)
            implements Recorded {
    }

    /** Someone opened or left the workspace in a browser. Not recorded. */
    public record PresenceChanged(long workspaceId) implements WorkspaceEvent {
    }
}
