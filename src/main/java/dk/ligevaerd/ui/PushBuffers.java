package dk.ligevaerd.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServlet;
import com.vaadin.flow.server.VaadinServletService;
import com.vaadin.flow.server.communication.JSR356WebsocketInitializer;
import org.atmosphere.cpr.ApplicationConfig;
import org.atmosphere.cpr.AtmosphereFramework;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * The buffers an open page's push connection keeps for as long as it is open, sized for what goes
 * over it (docs/performance.md, "Sessions per node"). Every open page holds one WebSocket, and at
 * thousands of pages per node their buffers weighed about a third of a session (about 100 of
 * 306 KB):
 *
 * <ul>
 *   <li>Vaadin sets Atmosphere's WebSocket buffer size to 16,384, and Atmosphere then allocates a
 *       byte and a char buffer of that size for every connection (48 KB). They serve only messages
 *       read as a stream or reader, which the page never sends (its requests go by XHR; the socket
 *       only carries the server's pushes), and they grow when needed: {@value #ATMOSPHERE_BUFFER}.</li>
 *   <li>Tomcat's buffers for a whole incoming text or binary message start at 8 KB each and grow
 *       to the connection's limit on its first message: {@code server.servlet.context-parameters}
 *       in application.properties starts them at 1 KB.</li>
 *   <li>Tomcat's WebSocket frames keep a read, an output and an encoding buffer of 8 KB each:
 *       {@value #TOMCAT_FRAME_BUFFER} bytes each (system property
 *       {@value #TOMCAT_FRAME_BUFFER_PROPERTY}, set here unless set already). A push longer than
 *       that goes out as several frames of one message, which every WebSocket client joins.</li>
 *   <li>The connection's socket buffers (8 KB to read, 8 KB to write): {@value #SOCKET_BUFFER} each.</li>
 * </ul>
 */
@Component
class PushBuffers implements VaadinServiceInitListener, WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    static final int ATMOSPHERE_BUFFER = 1024;
    static final int TOMCAT_FRAME_BUFFER = 4096;
    static final int SOCKET_BUFFER = 4096;
    static final String TOMCAT_FRAME_BUFFER_PROPERTY = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";

    private static final Logger log = LoggerFactory.getLogger(PushBuffers.class);

    PushBuffers() {
        // Tomcat reads it once, when its WebSocket support is first loaded: before the server starts.
        if (System.getProperty(TOMCAT_FRAME_BUFFER_PROPERTY) == null) {
            System.setProperty(TOMCAT_FRAME_BUFFER_PROPERTY, String.valueOf(TOMCAT_FRAME_BUFFER));
        }
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> {
            connector.setProperty("socket.appReadBufSize", String.valueOf(SOCKET_BUFFER));
            connector.setProperty("socket.appWriteBufSize", String.valueOf(SOCKET_BUFFER));
        });
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        AtmosphereFramework atmosphere = atmosphere(event);
        if (atmosphere == null) {
            log.warn("Vaadin's Atmosphere was not found: push connections keep Vaadin's buffer size");
            return;
        }
        // Read for each new connection, so it counts from the first page on.
        atmosphere.addInitParameter(ApplicationConfig.WEBSOCKET_BUFFER_SIZE, String.valueOf(ATMOSPHERE_BUFFER));
    }

    /** The Atmosphere that Vaadin set up for its servlet when the web application started. */
    static @Nullable AtmosphereFramework atmosphere(ServiceInitEvent event) {
        if (!(event.getSource() instanceof VaadinServletService service)) {
            return null;
        }
        VaadinServlet servlet = service.getServlet();
        Object framework = servlet.getServletContext()
                .getAttribute(JSR356WebsocketInitializer.getAttributeName(servlet.getServletName()));
        return framework instanceof AtmosphereFramework f ? f : null;
    }
}
