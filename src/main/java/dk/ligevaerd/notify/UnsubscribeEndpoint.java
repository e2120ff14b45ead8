package dk.ligevaerd.notify;

import dk.ligevaerd.shared.DomainException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * RFC 8058 one-click unsubscribe: a mail program POSTs {@code List-Unsubscribe=One-Click} to the
 * address in the mail's {@code List-Unsubscribe} header, without a session or CSRF token (the
 * security configuration exempts exactly this path). The random token in the address is what
 * authorises it; an unknown token changes nothing. A person opening the link in a browser gets the
 * page that asks to confirm instead ({@code ui.UnsubscribeView}).
 */
@RestController
class UnsubscribeEndpoint {

    /** The path, relative to the application; the security configuration names it too. */
    static final String PATH = "/unsubscribe/{token}";

    private final NotificationService notifications;

    UnsubscribeEndpoint(NotificationService notifications) {
        this.notifications = notifications;
    }

    @PostMapping(PATH)
    ResponseEntity<String> oneClick(@PathVariable String token) {
        try {
            notifications.unsubscribe(token);
            return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body("unsubscribed\n");
        } catch (DomainException unknown) {
            return ResponseEntity.notFound().build();
        }
    }
}
