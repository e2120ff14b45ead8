package dk.ligevaerd.statement;

import com.vaadin.flow.component.Component;
import dk.ligevaerd.shared.WorkspaceEvent;
import dk.ligevaerd.workspace.WorkspaceDetails;
import java.util.List;
import org.jspecify.annotations.Nullable;

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

    /** What this panel marks in the editor now; asked on show and after each event it {@link #concerns}. */
    default List<EditorMark> marks() {
        return List.of();
    }

    /**
     * One of this panel's {@link #marks} was chosen in the editor (clicked, or opened from the
     * keyboard): show what it stands for. The kind and id come from the page, so a panel acts only
     * on a mark it made.
     */
    default void openMark(String kind, long id) {
    }


    /**
     * What this panel offers to do with text selected in the editor ("Comment", "Suggest a change"),
     * or null when it offers nothing to this viewer. Asked on show.
     */
    default @Nullable SelectionAction selectionAction() {
        return null;
    }

    /**
     * An action on the passage selected in the editor: a button beside the editor, enabled while
     * something is selected.
     *
     * @param name     the action's name in the page ({@code comment}, {@code suggest})
     * @param labelKey the button's text
     * @param act      opens the feature's form filled in with the passage
     */
    record SelectionAction(String name, String labelKey, java.util.function.Consumer<Selection> act) {
    }

    /**
     * Text selected in the editor: {@code from..to} of the statement as it stood at {@code version},
     * and the words there.
     */
    record Selection(int version, int from, int to, String words) {
    }

    /** Makes one panel per open statement tab; a Spring bean in the contributing feature. */
    interface Provider {

        /** Position among the panels. */
        int order();

        StatementPanel create(long workspaceId);
    }
}
