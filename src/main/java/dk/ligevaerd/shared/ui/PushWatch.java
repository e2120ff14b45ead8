package dk.ligevaerd.shared.ui;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.server.communication.AtmospherePushConnection;
import com.vaadin.flow.server.communication.PushConnection;
import com.vaadin.flow.server.communication.PushConnectionFactory;
import com.vaadin.flow.shared.Registration;
import java.io.Serial;
import java.util.ArrayList;
import java.util.List;
import org.atmosphere.cpr.AtmosphereResource;

/**
 * Tells a page when its push connection opens and when it closes: a closed browser or tab shows
 * here at once, while Vaadin itself would keep the page until several heartbeats are missed.
 * Vaadin finds this factory through {@code META-INF/services} and gives every page a push
 * connection that reports to the listeners registered with {@link #onChange}.
 */
public final class PushWatch implements PushConnectionFactory {

    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public PushConnection apply(UI ui) {
        return new ReportingConnection(ui);
    }

    /**
     * Calls {@code listener} with {@code true} when the page's push connection opens and
     * {@code false} when it closes, with the page's session locked.
     */
    public static Registration onChange(UI ui, SerializableConsumer<Boolean> listener) {
        Listeners listeners = ComponentUtil.getData(ui, Listeners.class);
        if (listeners == null) {
            listeners = new Listeners();
            ComponentUtil.setData(ui, Listeners.class, listeners);
        }
        Listeners registered = listeners;
        registered.list.add(listener);
        return () -> registered.list.remove(listener);
    }

    private static final class Listeners implements java.io.Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
        private final List<SerializableConsumer<Boolean>> list = new ArrayList<>();
    }

    private static final class ReportingConnection extends AtmospherePushConnection {

        @Serial
        private static final long serialVersionUID = 1L;

        ReportingConnection(UI ui) {
            super(ui);
        }

        @Override
        public void connect(AtmosphereResource resource) {
            super.connect(resource);
            tell(true);
        }

        @Override
        public void connectionLost() {
            super.connectionLost();
            tell(false);
        }

        @Override
        public void disconnect() {
            super.disconnect();
            tell(false);
        }

        private void tell(boolean open) {
            Listeners listeners = ComponentUtil.getData(getUI(), Listeners.class);
            if (listeners != null) {
                List.copyOf(listeners.list).forEach(listener -> listener.accept(open));
            }
        }
    }
}
