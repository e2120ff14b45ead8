package dk.ligevaerd.statement;

import com.vaadin.flow.component.Component;
import dk.ligevaerd.shared.WorkspaceEvent;
import dk.ligevaerd.workspace.WorkspaceDetails;
import java.util.List;

/**
 * A panel shown beside the purpose statement's editor by another feature (suggested changes), so
 * the statement tab can show it without depending on that feature. The tab hands it the events it
 * {@link #concerns}, and draws it afresh whenever the tab is drawn.
 */
public interface StatementPanel {

    Component component();

    /** Draws the panel afresh: on first show and when the workspace's frame changed. */
    void show(WorkspaceDetails details);

    /** Whether the event may change what this panel shows. */
    boolean concerns(WorkspaceEvent event);

    /** Brings the panel, which is in view, up to date with events it {@link #concerns}, as they arrived. */
    void changed(WorkspaceDetails details, List<WorkspaceEvent> events);

    /** Makes one panel per open statement tab; a Spring bean in the contributing feature. */
    interface Provider {

        /** Position among the panels. */
        int order();

        StatementPanel create(long workspaceId);
    }
}
