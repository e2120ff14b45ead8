package dk.ligevaerd.workspace.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import dk.ligevaerd.shared.WorkspaceEvent;
import dk.ligevaerd.workspace.WorkspaceDetails;
import dk.ligevaerd.workspace.WorkspaceTab;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Another feature's tab, made the first time it is needed (shown, or given its part of the
 * address): until then the page holds an empty slot for it. A page open on one tab so holds that
 * tab's components only, not every tab's forms and lists: what a session costs the server grows
 * with what its person looked at. Once made, the tab stays, as before.
 */
final class LazyTab implements WorkspaceTab {

    private final WorkspaceTab.Provider provider;
    private final long workspaceId;
    private final Consumer<WorkspaceTab> onMade;
    private final Div slot = new Div();
    private @Nullable WorkspaceTab made;

    /** @param onMade told once, when the tab has been made and put in its slot */
    LazyTab(WorkspaceTab.Provider provider, long workspaceId, Consumer<WorkspaceTab> onMade) {
        this.provider = provider;
        this.workspaceId = workspaceId;
        this.onMade = onMade;
        slot.addClassName("tab-slot");
    }

    WorkspaceTab.Provider provider() {
        return provider;
    }

    boolean isMade() {
        return made != null;
    }

    private WorkspaceTab made() {
        WorkspaceTab tab = made;
        if (tab == null) {
            tab = provider.create(workspaceId);
            made = tab;
            slot.add(tab.component());
            onMade.accept(tab);
        }
        return tab;
    }

    @Override
    public Component component() {
        return slot;
    }

    @Override
    public void show(WorkspaceDetails details) {
        made().show(details);
    }

    /** A tab not made yet is concerned by nothing: it is drawn afresh when it is first shown. */
    @Override
    public boolean concerns(WorkspaceEvent event) {
        WorkspaceTab tab = made;
        return tab != null && tab.concerns(event);
    }

    @Override
    public void changed(WorkspaceDetails details, List<WorkspaceEvent> events) {
        made().changed(details, events);
    }

    @Override
    public List<String> accept(WorkspaceDetails details, Map<String, List<String>> parameters) {
        return made().accept(details, parameters);
    }

    @Override
    public Map<String, String> parameters() {
        WorkspaceTab tab = made;
        return tab == null ? Map.of() : tab.parameters();
    }
}
