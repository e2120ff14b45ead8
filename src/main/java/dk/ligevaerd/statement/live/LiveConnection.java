package dk.ligevaerd.statement.live;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;

/**
 * One browser's editor connected to one workspace's statement: who it is (as checked when it
 * connected), and the state of its messages. Only the connection's own receiving thread touches
 * the mutable fields, except {@link #presence}, which others read when someone joins.
 */
final class LiveConnection {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    final String id = "c" + COUNTER.incrementAndGet();
    final long workspaceId;
    final Authentication user;
    final Locale locale;
    final Outbox outbox;
    final TokenBucket bucket;
    final String name;
    final String sideName;
    final String colour;
    final boolean canEdit;
    /** A message arriving in parts, until its last part. */
    final StringBuilder partial = new StringBuilder();
    /** The rest of the current message is thrown away: it was too large. */
    boolean discarding;
    /** The last time a refusal for flooding was sent, so a flood does not get a flood of answers. */
    long lastFloodNotice = System.nanoTime() - 2_000_000_000L;
    int floodRefusals;
    /** The latest carets and selections, as sent on to others ({@code presence} message), if any. */
    volatile @Nullable String presence;

    LiveConnection(long workspaceId, Authentication user, Locale locale, Outbox outbox, TokenBucket bucket, String name,
            String sideName, String colour, boolean canEdit) {
        this.workspaceId = workspaceId;
        this.user = user;
        this.locale = locale;
        this.outbox = outbox;
        this.bucket = bucket;
        this.name = name;
        this.sideName = sideName;
        this.colour = colour;
        this.canEdit = canEdit;
    }

    @Override
    public String toString() {
        return "LiveConnection[" + id + ", workspace=" + workspaceId + ", user=" + user.getName() + "]";
    }
}
