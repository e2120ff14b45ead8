package dk.ligevaerd.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Open browser sessions and open pages (Vaadin UIs) on this node (docs/operations.md): sessions
 * end when they expire or their user logs out, UIs when the page closes or its heartbeat stops.
 */
@Component
class SessionMetrics implements VaadinServiceInitListener {

    private final AtomicInteger sessions = new AtomicInteger();
    private final AtomicInteger uis = new AtomicInteger();

    SessionMetrics(MeterRegistry registry) {
        Gauge.builder("ligevaerd.sessions.open", sessions, AtomicInteger::get)
                .description("Browser sessions open on this node").register(registry);
        Gauge.builder("ligevaerd.uis.open", uis, AtomicInteger::get)
                .description("Pages (Vaadin UIs) open on this node").register(registry);
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> sessions.incrementAndGet());
        event.getSource().addSessionDestroyListener(destroy -> sessions.decrementAndGet());
        event.getSource().addUIInitListener(init -> {
            uis.incrementAndGet();
            init.getUI().addDetachListener(detach -> uis.decrementAndGet());
        });
    }
}
