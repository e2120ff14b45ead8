package dk.ligevaerd.deliberation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.dom.Element;
import dk.ligevaerd.deliberation.CommentService;
import dk.ligevaerd.shared.NotFoundOrNoAccessException;
import dk.ligevaerd.shared.WorkspaceEvent;
import dk.ligevaerd.workspace.WorkspaceDetails;
import dk.ligevaerd.workspace.WorkspaceTab;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The discussion tab's address for one thread, {@code /workspace/{id}/discussion?thread={threadId}},
 * as mails about replies and mentions link to it: the tab opens with that thread shown (even when
 * resolved and the list shows open threads), marked, and scrolled into view. A thread that is not
 * in the workspace is ignored, and the page says so. Everything else is the tab's own.
 */
final class ThreadAddress implements WorkspaceTab {

    static final String THREAD = "thread";

    private final WorkspaceTab tab;
    private final CommentService comments;
    private final long workspaceId;
    private @Nullable Long thread;

    ThreadAddress(WorkspaceTab tab, CommentService comments, long workspaceId) {
        this.tab = tab;
        this.comments = comments;
        this.workspaceId = workspaceId;
    }

    @Override
    public Component component() {
        return tab.component();
    }

    @Override
    public List<String> accept(WorkspaceDetails details, Map<String, List<String>> parameters) {
        List<String> ignored = new ArrayList<>();
        Map<String, List<String>> rest = new java.util.HashMap<>(parameters);
        List<String> asked = rest.remove(THREAD);
        thread = null;
        if (asked != null) {
            Long id = parse(asked);
            if (id != null && exists(id)) {
                thread = id;
            } else {
                ignored.add(THREAD);
            }
        }
        ignored.addAll(tab.accept(details, rest));
        return ignored;
    }

    @Override
    public Map<String, String> parameters() {
        if (thread == null) {
            return tab.parameters();
        }
        Map<String, String> all = new java.util.LinkedHashMap<>(tab.parameters());
        all.put(THREAD, String.valueOf(thread));
        return all;
    }

    @Override
    public void show(WorkspaceDetails details) {
        tab.show(details);
        mark();
    }

    @Override
    public boolean concerns(WorkspaceEvent event) {
        return tab.concerns(event);
    }

    @Override
    public void changed(WorkspaceDetails details, List<WorkspaceEvent> events) {
        tab.changed(details, events);
        mark();
    }

    @Override
    public int unread(List<WorkspaceEvent> events) {
        return tab.unread(events);
    }

    /** Shows, marks and scrolls to the thread the address names; the others lose the mark. */
    private void mark() {
        Long id = thread;
        find(tab.component().getElement(), null).forEach(card -> {
            boolean chosen = id != null && card.getAttribute("data-thread").equals(String.valueOf(id));
            if (chosen) {
                card.setVisible(true);
                card.getClassList().add("thread-addressed");
                card.setAttribute("aria-current", "true");
                card.getStyle().set("outline", "2px solid var(--lumo-primary-color)");
                card.callJsFunction("scrollIntoView", true);
            } else if (card.getClassList().contains("thread-addressed")) {
                card.getClassList().remove("thread-addressed");
                card.removeAttribute("aria-current");
                card.getStyle().remove("outline");
            }
        });
    }

    private static List<Element> find(Element element, @Nullable List<Element> found) {
        List<Element> cards = found == null ? new ArrayList<>() : found;
        if (element.hasAttribute("data-thread")) {
            cards.add(element);
            return cards;
        }
        element.getChildren().forEach(child -> find(child, cards));
        return cards;
    }

    private static @Nullable Long parse(List<String> values) {
        if (values.size() != 1) {
            return null;
        }
        try {
            return Long.parseLong(values.getFirst());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private boolean exists(long id) {
        try {
            comments.thread(workspaceId, id);
            return true;
        } catch (NotFoundOrNoAccessException e) {
            return false;
        }
    }

    /** The thread the address names, for tests. */
    Optional<Long> thread() {
        return Optional.ofNullable(thread);
    }
}
