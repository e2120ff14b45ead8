package dk.ligevaerd.statement.live;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import dk.ligevaerd.statement.Seat;
import org.springframework.security.core.Authentication;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One browser's editor connected to one workspace's statement: who it is (as checked when it
 * connected), and the state of its messages. Only the connection's own receiving thread touches
 * the mutable fields, except {@link #presence}, which others read when someone joins, and
 * {@link #seat}.
 */
final class LiveConnection {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    final String id = "c" + COUNTER.incrementAndGet();
    final long workspaceId;
    final long userId;
    final Authentication user;
    final Locale locale;
    final Outbox outbox;
    /** The account's open connections and the rate they share. */
    final LiveSocketHandler.Account account;
    /** The login session the connection was opened in: it closes when that ends. */
    final @Nullable String httpSessionId;
    final String name;
    final String sideName;
    final String colour;
    final boolean canEdit;
    /** This editor in the list of who is here, as JSON. */
    final String peerJson;
    /** The member's place at the editor, resolved once; null until given. */
    volatile @Nullable Seat seat;
    /** The workspace's room, once joined. */
    volatile LiveSocketHandler.@Nullable Room room;
    /** A message arriving in parts, until its last part. */
    final StringBuilder partial = new StringBuilder();
    /** The rest of the current message is thrown away: it was too large. */
    boolean discarding;
    /** The last time a refusal for flooding was sent, so a flood does not get a flood of answers. */
    long lastFloodNotice = System.nanoTime() - 2_000_000_000L;
    int floodRefusals;
    /** The latest carets and selections, as sent on to others ({@code presence} message), if any. */
    volatile @Nullable String presence;

    LiveConnection(long workspaceId, long userId, Authentication user, Locale locale, Outbox outbox,
            LiveSocketHandler.Account account, @Nullable String httpSessionId, String name, String sideName,
            String colour, boolean canEdit) {
        this.workspaceId = workspaceId;
        this.userId = userId;
        this.user = user;
        this.locale = locale;
        this.outbox = outbox;
        this.account = account;
        this.httpSessionId = httpSessionId;
        this.name = name;
        this.sideName = sideName;
        this.colour = colour;
        this.canEdit = canEdit;
        ObjectNode peer = JSON.createObjectNode();
        peer.put("session", id).put("name", name).put("side", sideName).put("colour", colour).put("canEdit", canEdit);
        this.peerJson = peer.toString();
    }

    @Override
    public String toString() {
        return "LiveConnection[" + id + ", workspace=" + workspaceId + ", user=" + user.getName() + "]";
    }
}
