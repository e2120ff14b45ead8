package dk.ligevaerd.testing;

import static org.awaitility.Awaitility.await;

import com.vaadin.flow.server.VaadinSession;
import dk.ligevaerd.shared.LiveEventBus;
import java.time.Duration;

/** For browserless page tests: live events reach the page as they would in a browser. */
public final class LiveEvents {

    private LiveEvents() {
    }

    /** Lets the current session's page do what the bus handed it, until the bus has nothing more for anyone. */
    public static void takeIn(LiveEventBus bus) {
        VaadinSession session = VaadinSession.getCurrent();
        await().pollInSameThread().pollInterval(Duration.ofMillis(20)).atMost(Duration.ofSeconds(30)).until(() -> {
            session.getService().runPendingAccessTasks(session);
            return bus.idle() && session.getPendingAccessQueue().isEmpty();
        });
    }
}
