package dk.ligevaerd.workspace;

import com.vaadin.flow.component.Component;

/**
 * A tab of the workspace page contributed by another feature (history, statement, priorities,
 * rounds), so the workspace page can show them without depending on those features.
 */
public interface WorkspaceTab {

    Component component();

    /** Called on first show and whenever anything changed in the workspace. */
    void show(WorkspaceDetails details);

    /** Makes one tab per open workspace page; a Spring bean in the contributing feature. */
    interface Provider {

        /** Position among the tabs; the workspace's own tabs use 100–199. */
        int order();

        String titleKey();

        default boolean visibleTo(Member member) {
            return true;
        }

        WorkspaceTab create(long workspaceId);
    }
}
