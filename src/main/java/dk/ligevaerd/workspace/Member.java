package dk.ligevaerd.workspace;

import org.jspecify.annotations.Nullable;

/**
 * The acting user's standing in one workspace, as checked by {@link WorkspaceAccess}. Other
 * features take it as proof of membership and read side and role from it.
 */
public record Member(long workspaceId, long userId, @Nullable Long sideId, Role role, boolean owner) {

    public boolean canContribute() {
        return role.canContribute();
    }

    public boolean isModerator() {
        return role == Role.MODERATOR;
    }
}
