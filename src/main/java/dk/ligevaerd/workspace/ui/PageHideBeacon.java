package dk.ligevaerd.workspace.ui;

import dk.ligevaerd.account.CurrentUser;
import dk.ligevaerd.workspace.PresenceService;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where a workspace page says, as the browser hides it (tab closed, page left, phone app
 * switched), that its person is no longer there. The browser sends this beacon on its own while
 * the page goes; nothing else said goodbye reliably enough, since a closing page cannot wait for
 * Vaadin's answer.
 *
 * <p>Each page has a random token of its own, known only to that page: the token, not the session
 * cookie alone, names the visit, so another site cannot make anyone absent (see docs/security.md),
 * and a token of someone else's page does nothing.
 */
@RestController
class PageHideBeacon {

    /** The address the page's script posts to, relative to the application. */
    static final String PATH = "presence/hidden";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CurrentUser currentUser;
    private final Map<String, Page> pages = new ConcurrentHashMap<>();

    PageHideBeacon(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    private record Page(long userId, PresenceService.Visit visit) {
    }

    /**
     * Lets the beacon with the returned token mark the visit away.
     *
     * @return the token for the page's script; forget it with {@link #forget}
     */
    String register(long userId, PresenceService.Visit visit) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        pages.put(token, new Page(userId, visit));
        return token;
    }

    void forget(String token) {
        pages.remove(token);
    }

    /** Always "no content": the page is gone and reads no answer, and a stranger learns nothing. */
    @PostMapping("/" + PATH)
    ResponseEntity<Void> hidden(@RequestBody(required = false) String token) {
        Page page = token == null ? null : pages.get(token.strip());
        if (page != null && currentUser.find().map(user -> user.id() == page.userId()).orElse(false)) {
            page.visit().away();
        }
        return ResponseEntity.noContent().build();
    }
}
