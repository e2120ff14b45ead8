package dk.ligevaerd.statement.live;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * Everything the server sends to one connection, in order, from a thread of its own. Accepting a
 * change only puts it in each outbox, so one slow or stalled browser never holds up the others or
 * the next change. Changes waiting together go out as one {@code updates} message.
 *
 * <p>Under load the outbox sends at most one round of frames per {@code gap}: what comes within
 * the gap after a send waits for its end and goes out with whatever else came meanwhile, as one
 * message. A connection that receives seldom gets each message at once; one that would receive
 * hundreds a second (400 editors typing) gets a few dozen larger ones, which spares both the
 * server and the browser most of the cost per frame.
 *
 * <p>A browser that falls more than {@link #MAX_PENDING} messages behind is disconnected; its editor
 * reconnects and catches up with a {@code pull}, which is cheaper than queueing without bound.
 */
final class Outbox {

    static final int MAX_PENDING = 5_000;
    /** The browser should reconnect later: the server could not keep up with it. */
    static final CloseStatus TOO_SLOW = new CloseStatus(4008, "too far behind");

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final WebSocketSession session;
    private final Executor executor;
    private final @Nullable ScheduledExecutorService pacer;
    private final long gapNanos;
    /** When the last round of frames was sent ({@link System#nanoTime}). */
    private volatile long lastSent;
    private final Queue<Item> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();
    /** Only the newest carets of each other editor matter. */
    private final Map<String, String> presence = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** An outbox that sends everything as soon as it can. */
    Outbox(WebSocketSession session, Executor executor) {
        this(session, executor, null, 0);
    }

    /**
     * @param pacer waits out the gap after a send; {@code null} for no gap
     * @param gapNanos the least time between two rounds of frames
     */
    Outbox(WebSocketSession session, Executor executor, @Nullable ScheduledExecutorService pacer, long gapNanos) {
        this.session = session;
        this.executor = executor;
        this.pacer = gapNanos > 0 ? pacer : null;
        this.gapNanos = gapNanos;
        this.lastSent = System.nanoTime() - gapNanos;
    }

    /** A message of its own. */
    void send(String json) {
        offer(new Item(json, false, null));
    }

    /** One accepted change, which may travel together with others that wait beside it. */
    void update(String updateJson) {
        offer(new Item(updateJson, true, null));
    }

    /** Another editor's carets; replaces that editor's carets still waiting to be sent. */
    void presence(String session, String json) {
        if (!closed) {
            presence.put(session, json);
            schedule();
        }
    }

    /** Drops the carets of an editor that left, if they are still waiting to be sent. */
    void forget(String session) {
        presence.remove(session);
    }

    /** Closes the connection once everything queued before, such as the error saying why, is sent. */
    void closeAfterSending(CloseStatus status) {
        offer(new Item(null, false, status));
    }

    void close(CloseStatus status) {
        closed = true;
        try {
            session.close(status);
        } catch (IOException | RuntimeException e) {
            log.debug("Closing live connection {} failed", session.getId(), e);
        }
    }

    private void offer(Item item) {
        if (closed) {
            return;
        }
        if (pending.incrementAndGet() > MAX_PENDING) {
            log.warn("Live connection {} fell {} messages behind; disconnecting it", session.getId(), MAX_PENDING);
            close(TOO_SLOW);
            return;
        }
        queue.add(item);
        schedule();
    }

    private void schedule() {
        if (draining.compareAndSet(false, true)) {
            long wait = pacer == null ? 0 : gapNanos - (System.nanoTime() - lastSent);
            try {
                if (wait <= 0) {
                    executor.execute(this::drain);
                } else {
                    pacer.schedule(this::startDrain, wait, TimeUnit.NANOSECONDS);
                }
            } catch (RejectedExecutionException shuttingDown) {
                closed = true;
            }
        }
    }

    /** At the end of a gap: sending is the executor's work, not the pacer's. */
    private void startDrain() {
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException shuttingDown) {
            closed = true;
        }
    }

    private void drain() {
        try {
            // One round per drain: what comes meanwhile waits for the gap (schedule, below).
            List<Object> frames = closed ? List.of() : collect();
            for (Object frame : frames) {
                if (frame instanceof CloseStatus status) {
                    close(status);
                    return;
                }
                session.sendMessage(new TextMessage((String) frame));
            }
            if (!frames.isEmpty()) {
                lastSent = System.nanoTime();
            }
        } catch (IOException | RuntimeException e) {
            log.debug("Sending on live connection {} failed", session.getId(), e);
            close(CloseStatus.SERVER_ERROR);
        } finally {
            draining.set(false);
            if (!closed && (!queue.isEmpty() || !presence.isEmpty())) {
                schedule();
            }
        }
    }

    /** Takes what is waiting, joining neighbouring changes into one message. */
    private List<Object> collect() {
        List<Object> frames = new ArrayList<>();
        StringBuilder updates = null;
        Item item;
        while ((item = queue.poll()) != null) {
            pending.decrementAndGet();
            if (item.close() != null) {
                if (updates != null) {
                    frames.add(updates.append("]}").toString());
                }
                frames.add(item.close());
                return frames;
            }
            if (item.update()) {
                if (updates == null) {
                    updates = new StringBuilder("{\"type\":\"updates\",\"updates\":[");
                } else {
                    updates.append(',');
                }
                updates.append(item.json());
            } else {
                if (updates != null) {
                    frames.add(updates.append("]}").toString());
                    updates = null;
                }
                frames.add(item.json());
            }
        }
        if (updates != null) {
            frames.add(updates.append("]}").toString());
        }
        for (String session : List.copyOf(presence.keySet())) {
            String carets = presence.remove(session);
            if (carets != null) {
                frames.add(carets);
            }
        }
        return frames;
    }

    /** A message, one accepted change ({@code update}), or the instruction to close. */
    private record Item(@Nullable String json, boolean update, @Nullable CloseStatus close) {
    }
}
