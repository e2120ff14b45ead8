package dk.ligevaerd.workspace;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import dk.ligevaerd.shared.WorkspaceEvent;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A tab of the workspace page contributed by another feature (history, statement, priorities,
 * rounds), so the workspace page can show them without depending on those features.
 *
 * <p>Every tab has an address of its own, {@code /workspace/{id}/{slug}}, and may keep part of its
 * state in the address's query parameters (the history's filters, the rounds compared), so that a
 * view can be bookmarked, shared with a colleague and linked to from elsewhere in the product.
 */
public interface WorkspaceTab {

    Component component();

    /**
     * Draws the tab afresh: on first show, when the workspace's frame changed (members, sides,
     * roles), and when the tab is selected after events it {@link #concerns} came in meanwhile.
     */
    void show(WorkspaceDetails details);

    /**
     * Whether the event may change what this tab shows; the tab hears of no other events. Events
     * from other application nodes arrive as {@link dk.ligevaerd.shared.RemoteChange}s with the
     * same {@link WorkspaceEvent#eventKind()} and ids.
     */
    default boolean concerns(WorkspaceEvent event) {
        return true;
    }

    /**
     * Brings the tab, which is in view, up to date with events it {@link #concerns}, folded
     * together as they arrived; a tab updates only the parts the events name. The default draws
     * the tab afresh.
     */
    default void changed(WorkspaceDetails details, List<WorkspaceEvent> events) {
        show(details);
    }

    /**
     * Takes this tab's part of the address, just before it is shown. Values that cannot be used
     * (malformed, unknown, or naming something that is not in this workspace) are ignored; the tab
     * returns their names so that the page can say so.
     *
     * @return the names of the parameters that were ignored
     */
    default List<String> accept(WorkspaceDetails details, Map<String, List<String>> parameters) {
        return List.copyOf(parameters.keySet());
    }

    /** This tab's state as query parameters for the address bar; empty for the plain tab. */
    default Map<String, String> parameters() {
        return Map.of();
    }

    /**
     * Fired by a tab's component when its {@link #parameters()} changed, so the page can update the
     * address without reloading.
     */
    final class AddressChanged extends ComponentEvent<Component> {

        public AddressChanged(Component source) {
            super(source, false);
        }
    }

    /** Makes one tab per open workspace page; a Spring bean in the contributing feature. */
    interface Provider {

        /** Position among the tabs; the workspace's own tabs use 100–199. */
        int order();

        String titleKey();

        /** The tab's part of the address: the last part of its title key, e.g. "rounds". */
        default String slug() {
            return titleKey().substring(titleKey().lastIndexOf('.') + 1);
        }

        default boolean visibleTo(Member member) {
            return true;
        }

        WorkspaceTab create(long workspaceId);

        /**
         * How many of these events, which arrived while the tab was not in view, are news for the
         * person viewing (a new comment by someone else); shown as a count on the tab until it is
         * selected. Asked of the provider, since a tab not yet opened on a page is not yet made.
         * None by default: most events update what is shown but are no news to read.
         */
        default int unread(long viewerId, List<WorkspaceEvent> events) {
            return 0;
        }

        /**
         * The first step this feature asks of a forming workspace, shown on the workspace page's
         * start checklist with a link to this tab ("write a first draft"); null for none.
         */
        default @Nullable String startStepKey() {
            return null;
        }

        /** Whether the {@link #startStepKey() start step} is done; asked as the viewing member. */
        default boolean startStepDone(long workspaceId) {
            return false;
        }
    }
}
