package dk.ligevaerd.shared;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Carries workspace events to the open views of that workspace. Domain events reach it only after
 * their transaction committed, so a view never shows something that was rolled back.
 * Subscribers must hand work to their UI with {@code UI.access}: the bus calls them on the
 * publishing thread.
 */
@Component
public class LiveEventBus {

    private static final Logger log = LoggerFactory.getLogger(LiveEventBus.class);

    private final Map<Long, Set<Consumer<WorkspaceEvent>>> subscribers = new ConcurrentHashMap<>();

    /** Returns the action that ends the subscription; call it when the view detaches. */
    public Runnable subscribe(long workspaceId, Consumer<WorkspaceEvent> subscriber) {
        subscribers.computeIfAbsent(workspaceId, id -> new CopyOnWriteArraySet<>()).add(subscriber);
        return () -> subscribers.computeIfPresent(workspaceId, (id, set) -> {
            set.remove(subscriber);
            return set.isEmpty() ? null : set;
        });
    }

    /** Delivers an event that is not part of a transaction, such as a presence change. */
    public void publish(WorkspaceEvent event) {
        for (Consumer<WorkspaceEvent> subscriber : subscribers.getOrDefault(event.workspaceId(), Set.of())) {
            try {
                subscriber.accept(event);
            } catch (RuntimeException e) {
                log.warn("A live subscriber failed on {}", event, e);
            }
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void afterCommit(WorkspaceEvent event) {
        publish(event);
    }
}
