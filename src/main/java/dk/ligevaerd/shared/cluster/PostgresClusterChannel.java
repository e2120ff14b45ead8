package dk.ligevaerd.shared.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The channel over PostgreSQL's {@code LISTEN}/{@code NOTIFY}.
 *
 * <p><b>Listening</b> holds one connection of its own, opened beside the pool rather than taken
 * from it: {@code LISTEN} is state of the database session, and a pooled connection would carry it
 * to whoever borrows it next, or lose it when the pool retires the connection (Hikari replaces
 * every connection after its maximum lifetime, and would report one held for days as a leak). A
 * daemon thread waits on it for notifications ({@link PGConnection#getNotifications(int)}),
 * ignores this node's own, and hands the others to the topic's listeners. A connection that fails
 * (the server restarted, an administrator ended it, the network cut it) is replaced with growing
 * waits between attempts, and every listener is told {@link Listener#resumed()}, since what was
 * sent meanwhile is lost. A query every {@code health-check-interval} without messages notices a
 * connection that died without a word; the connection's socket timeout bounds that query.
 *
 * <p><b>Sending</b> happens on a thread of its own, so a caller never waits for the database: it
 * borrows a pool connection for a moment and sends everything waiting in one transaction (so
 * PostgreSQL delivers it at once, in order, and folds identical payloads). Messages waiting while
 * the database cannot be reached are kept, up to {@link #MAX_WAITING}, and sent when it answers
 * again.
 */
final class PostgresClusterChannel implements ClusterChannel, AutoCloseable {

    /** Messages kept while they cannot be sent; more are dropped (and counted). */
    static final int MAX_WAITING = 10_000;
    /** Messages sent in one transaction at most. */
    static final int MAX_BATCH = 500;
    /** How long one wait for notifications lasts; also how soon the thread notices a shutdown. */
    static final int POLL_MILLIS = 500;

    private static final Logger log = LoggerFactory.getLogger(PostgresClusterChannel.class);

    /** Opens the dedicated listening connection. */
    @FunctionalInterface
    interface ConnectionOpener {
        Connection open() throws SQLException;
    }

    private final String nodeId;
    private final String channel;
    private final ConnectionOpener listenConnections;
    private final DataSource pool;
    private final ClusterProperties properties;
    private final Map<String, List<Listener>> listeners = new ConcurrentHashMap<>();

    private final Thread listenerThread;
    private final Thread senderThread;
    private final CountDownLatch firstListen = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile boolean listening;
    private volatile @Nullable Connection listenConnection;

    /** Guards {@link #waiting}. */
    private final Object sendLock = new Object();
    private final LinkedHashSet<String> waiting = new LinkedHashSet<>();
    private long lastDropWarning;

    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong ownIgnored = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    PostgresClusterChannel(String nodeId, ClusterProperties properties, ConnectionOpener listenConnections,
            DataSource pool) {
        new ClusterMessage(nodeId, "check", "");
        this.nodeId = nodeId;
        this.channel = properties.channel();
        this.properties = properties;
        this.listenConnections = listenConnections;
        this.pool = pool;
        this.listenerThread = new Thread(this::listen, "cluster-listen");
        this.listenerThread.setDaemon(true);
        this.senderThread = new Thread(this::sendWaiting, "cluster-send");
        this.senderThread.setDaemon(true);
    }

    /**
     * Starts both threads and waits (at most {@code wait}) until the node listens, so that what
     * other nodes send right after this node started is not missed.
     */
    void start(Duration wait) {
        listenerThread.start();
        senderThread.start();
        try {
            if (!firstListen.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Node {} does not listen on channel {} yet; it keeps trying in the background", nodeId,
                        channel);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    @Override
    public boolean spansNodes() {
        return true;
    }

    @Override
    public int maxBodyLength(String topic) {
        return ClusterMessage.maxBodyLength(nodeId, topic);
    }

    @Override
    public Status status() {
        return new Status(listening, connections.get(), received.get(), ownIgnored.get(), malformed.get(), sent.get(),
                dropped.get());
    }

    @Override
    public Runnable subscribe(String topic, Listener listener) {
        new ClusterMessage(nodeId, topic, "");
        listeners.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> listeners.getOrDefault(topic, List.of()).remove(listener);
    }

    @Override
    public void send(String topic, String body) {
        String payload = new ClusterMessage(nodeId, topic, body).encode();
        synchronized (sendLock) {
            if (!running) {
                return;
            }
            if (waiting.size() >= MAX_WAITING && !waiting.contains(payload)) {
                dropped();
                return;
            }
            waiting.add(payload);
            sendLock.notifyAll();
        }
    }

    /** Under {@link #sendLock}. */
    private void dropped() {
        dropped.incrementAndGet();
        long now = System.nanoTime();
        if (now - lastDropWarning > TimeUnit.MINUTES.toNanos(1) || lastDropWarning == 0) {
            lastDropWarning = now;
            log.warn("Node {} cannot send to the other nodes and has {} messages waiting; dropping new ones "
                    + "({} so far): their pages may stay stale until the next change", nodeId, waiting.size(),
                    dropped.get());
        }
    }

    private void listen() {
        Duration delay = properties.reconnectMinDelay();
        while (running) {
            try (Connection connection = listenConnections.open()) {
                listenConnection = connection;
                try (Statement statement = connection.createStatement()) {
                    // The channel is checked to be a plain identifier (ClusterProperties).
                    statement.execute("LISTEN " + channel);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                long count = connections.incrementAndGet();
                listening = true;
                delay = properties.reconnectMinDelay();
                if (count == 1) {
                    log.info("Node {} listens to the other nodes on channel {}", nodeId, channel);
                } else {
                    log.info("Node {} listens again on channel {}; pages will read afresh what they show", nodeId,
                            channel);
                }
                firstListen.countDown();
                resumed();
                long quietSince = System.nanoTime();
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        for (PGNotification notification : notifications) {
                            dispatch(notification.getParameter());
                        }
                        quietSince = System.nanoTime();
                    } else if (System.nanoTime() - quietSince >= properties.healthCheckInterval().toNanos()) {
                        try (Statement statement = connection.createStatement()) {
                            statement.execute("select 1");
                        }
                        quietSince = System.nanoTime();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (!running) {
                    break;
                }
                log.warn("Node {} lost its listening connection ({}); listening again in {} ms", nodeId,
                        e.getMessage(), delay.toMillis());
                if (!pause(delay)) {
                    break;
                }
                delay = delay.multipliedBy(2).compareTo(properties.reconnectMaxDelay()) > 0
                        ? properties.reconnectMaxDelay() : delay.multipliedBy(2);
            } finally {
                listening = false;
                listenConnection = null;
            }
        }
    }

    private void dispatch(String payload) {
        ClusterMessage message;
        try {
            message = ClusterMessage.decode(payload);
        } catch (IllegalArgumentException e) {
            malformed.incrementAndGet();
            log.warn("Node {} ignored a message on channel {} that it cannot read: {}", nodeId, channel,
                    e.getMessage());
            return;
        }
        if (message.node().equals(nodeId)) {
            ownIgnored.incrementAndGet();
            return;
        }
        received.incrementAndGet();
        List<Listener> topicListeners = listeners.get(message.topic());
        if (topicListeners == null || topicListeners.isEmpty()) {
            log.debug("Node {} has no listener for topic {} from node {}", nodeId, message.topic(), message.node());
            return;
        }
        for (Listener listener : topicListeners) {
            try {
                listener.received(message.node(), message.body());
            } catch (RuntimeException e) {
                log.warn("A listener of topic {} failed on a message from node {}", message.topic(), message.node(), e);
            }
        }
    }

    private void resumed() {
        listeners.values().stream().flatMap(List::stream).distinct().forEach(listener -> {
            try {
                listener.resumed();
            } catch (RuntimeException e) {
                log.warn("A cluster listener failed to resume", e);
            }
        });
    }

    private void sendWaiting() {
        Duration delay = properties.reconnectMinDelay();
        while (true) {
            List<String> batch = new ArrayList<>();
            synchronized (sendLock) {
                while (waiting.isEmpty() && running) {
                    try {
                        sendLock.wait();
                    } catch (InterruptedException e) {
                        // close() interrupts only after giving the thread time to send the rest.
                        return;
                    }
                }
                if (waiting.isEmpty()) {
                    return;
                }
                var it = waiting.iterator();
                while (it.hasNext() && batch.size() < MAX_BATCH) {
                    batch.add(it.next());
                    it.remove();
                }
            }
            try {
                notify(batch);
                sent.addAndGet(batch.size());
                delay = properties.reconnectMinDelay();
            } catch (SQLException e) {
                if (!worthRetrying(e) || !running) {
                    dropped.addAndGet(batch.size());
                    log.error("Node {} could not send {} messages to the other nodes and gave them up", nodeId,
                            batch.size(), e);
                    continue;
                }
                synchronized (sendLock) {
                    // Put back in front, in their order, so that nothing overtakes them.
                    LinkedHashSet<String> again = new LinkedHashSet<>(batch);
                    again.addAll(waiting);
                    waiting.clear();
                    for (String payload : again) {
                        if (waiting.size() < MAX_WAITING) {
                            waiting.add(payload);
                        } else {
                            dropped();
                        }
                    }
                }
                log.warn("Node {} could not send to the other nodes ({}); trying again in {} ms", nodeId,
                        e.getMessage(), delay.toMillis());
                if (!pause(delay)) {
                    return;
                }
                delay = delay.multipliedBy(2).compareTo(properties.reconnectMaxDelay()) > 0
                        ? properties.reconnectMaxDelay() : delay.multipliedBy(2);
            }
        }
    }

    private void notify(List<String> batch) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
                for (String payload : batch) {
                    notify.setString(1, channel);
                    notify.setString(2, payload);
                    notify.execute();
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    /** A lost or unavailable connection is worth another try; a refused payload is not. */
    private static boolean worthRetrying(SQLException e) {
        String state = e.getSQLState();
        return e instanceof SQLTransientException || e instanceof SQLRecoverableException
                || (state != null && (state.startsWith("08") || state.startsWith("57") || state.startsWith("53")));
    }

    /** @return false if the wait was cut short by closing */
    private boolean pause(Duration delay) {
        try {
            Thread.sleep(delay);
            return running;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** Sends what is still waiting (for a moment at most), then stops listening. */
    @Override
    public void close() {
        synchronized (sendLock) {
            running = false;
            sendLock.notifyAll();
        }
        join(senderThread, Duration.ofSeconds(3));
        Connection connection = listenConnection;
        if (connection != null) {
            try {
                // Ends a wait for notifications at once rather than after the poll.
                connection.close();
            } catch (SQLException ignored) {
                // Closing anyway.
            }
        }
        join(listenerThread, Duration.ofSeconds(3));
        log.info("Node {} stopped listening on channel {}", nodeId, channel);
    }

    private static void join(Thread thread, Duration wait) {
        if (!thread.isAlive()) {
            return;
        }
        try {
            thread.join(wait);
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
