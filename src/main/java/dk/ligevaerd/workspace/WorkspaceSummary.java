package dk.ligevaerd.workspace;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A line in "my workspaces". */
public record WorkspaceSummary(long id, String name, String description, List<SideView> sides,
        @Nullable Long mySideId, Role myRole, boolean iOwn, long memberCount, boolean archived) {
}
