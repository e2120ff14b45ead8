package dk.ligevaerd.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.shared.ui.Notices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns a refusal from a service into a translated message in the browser that caused it, and
 * logs anything unexpected without showing its internals.
 */
@Component
class MainErrorHandler implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(MainErrorHandler.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(new Handler()));
    }

    static final class Handler implements ErrorHandler {
        @Override
        public void error(ErrorEvent event) {
            UI ui = UI.getCurrent();
            DomainException domain = find(event.getThrowable());
            if (domain != null && ui != null) {
                ui.access(() -> Notices.error(ui.getLocale(), domain));
                return;
            }
            log.error("Unexpected error in the user interface", event.getThrowable());
            if (ui != null) {
                ui.access(() -> Notices.error(ui.getLocale(), new DomainException("error.unexpected")));
            }
        }

        private static DomainException find(Throwable throwable) {
            for (Throwable t = throwable; t != null; t = t.getCause()) {
                if (t instanceof DomainException d) {
                    return d;
                }
            }
            return null;
        }
    }
}
