package dk.ligevaerd.statement.live;

import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.shared.NotFoundOrNoAccessException;
import dk.ligevaerd.shared.cluster.ClusterChannel;
import dk.ligevaerd.statement.CollabService;
import dk.ligevaerd.statement.LiveChange;
import dk.ligevaerd.statement.LiveSnapshot;
import dk.ligevaerd.statement.PushOutcome;
import dk.ligevaerd.statement.Seat;
import dk.ligevaerd.statement.collab.AcceptedUpdate;
import dk.ligevaerd.statement.collab.ChangeSet;
import dk.ligevaerd.statement.collab.InvalidChange;
import dk.ligevaerd.statement.collab.StatementCharacters;
import dk.ligevaerd.statement.collab.Update;
import dk.ligevaerd.workspace.Member;
import dk.ligevaerd.workspace.MemberView;
import dk.ligevaerd.workspace.SideView;
import dk.ligevaerd.workspace.WorkspaceDetails;
import dk.ligevaerd.workspace.WorkspaceService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;
import org.springframework.web.socket.server.support.HttpSessionHandshakeInterceptor;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The server end of the live editor's WebSocket. Every message is checked before it can touch
 * anything: its size (while it arrives), the connection's rate, that it is JSON of a known shape,
 * and that its sender is still a member (and, for changes, a contributor). A refusal goes as an
 * {@code error} to the sender only and is logged; the stored text and the other connections never
 * notice it.
 */
@Component
class LiveSocketHandler extends AbstractWebSocketHandler implements DisposableBean, HttpSessionListener {

    /** The largest message taken, in characters: a 20,000-character paste with room to spare. */
    static final int MESSAGE_MAX_CHARS = 128 * 1024;
    /** Messages one account may send at once, and per second after that, over all its connections. */
    static final int BURST = 60;
    static final int PER_SECOND = 30;
    /** Open connections one account may have at once on this node. */
    static final int CONNECTIONS_PER_ACCOUNT = 10;
    /** At most this many changes in one {@code push}; an editor that was offline sends in batches. */
    static final int MAX_UPDATES = 2_000;
    static final int MAX_RANGES = 16;
    static final int MAX_POSITION = 1_000_000;

    static final String RATE_LIMITED = "statement.live.rateLimited";
    static final String TOO_LARGE = "statement.live.tooLarge";
    static final String SERVER_ERROR = "statement.live.serverError";
    static final String TOO_MANY_CONNECTIONS = "statement.live.tooManyConnections";
    /** The member's side or role changed: the editor connects again and gets a seat that shows it. */
    static final CloseStatus STANDING_CHANGED = new CloseStatus(4003, "standing changed");

    static final String WORKSPACE_ATTRIBUTE = LiveSocketHandler.class.getName() + ".workspaceId";
    static final String LOCALE_ATTRIBUTE = LiveSocketHandler.class.getName() + ".locale";
    static final String USER_ATTRIBUTE = LiveSocketHandler.class.getName() + ".user";
    /** Topic of the message that tells the other nodes a login session ended. */
    static final String SESSION_TOPIC = "session";
    /** The least time between two messages to the other nodes with one editor's carets. */
    static final Duration CARET_INTERVAL = Duration.ofMillis(100);

    private static final Logger log = LoggerFactory.getLogger(LiveSocketHandler.class);
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final long SECOND = 1_000_000_000L;

    private final CollabService collab;
    private final WorkspaceService workspaces;
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    /** Waits out each connection's gap between two rounds of frames (Outbox). */
    private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("live-pacer").daemon().factory());
    private final long frameGapNanos;
    private final Map<String, LiveConnection> connections = new ConcurrentHashMap<>();
    /** The connections of each workspace; guarded by {@code this}. */
    private final Map<Long, Room> rooms = new HashMap<>();
    /** The open connections and shared rate of each account; guarded by {@code this}. */
    private final Map<String, Account> accounts = new HashMap<>();
    private final int connectionsPerAccount;
    private final int burst;
    private final int perSecond;
    private final ClusterChannel cluster;
    private final Runnable unsubscribe;
    /** The editors on other nodes; null when this node runs alone. */
    private final @Nullable RemoteEditors remote;
    /** Takes in the other nodes' word about their editors, one message after another, in order. */
    private final ExecutorService remoteWork = Executors.newSingleThreadExecutor(Thread.ofVirtual().factory());
    private final @Nullable ScheduledExecutorService timer;
    private final AtomicLong seq = new AtomicLong();
    private final AtomicBoolean heartbeatAsked = new AtomicBoolean();
    /** Each local editor's newest carets not yet told to the other nodes. */
    private final Map<LiveConnection, EditorMessage.Carets> pendingCarets = new ConcurrentHashMap<>();
    /** Accepted changes (their rate is changes per second) and push-to-ack time: docs/operations.md. */
    private final Counter acceptedChanges;
    private final Timer pushToAck;

    LiveSocketHandler(CollabService collab, WorkspaceService workspaces, ClusterChannel cluster,
            @Value("${ligevaerd.live.connections-per-account:" + CONNECTIONS_PER_ACCOUNT + "}") int connectionsPerAccount,
            @Value("${ligevaerd.live.burst-per-account:" + BURST + "}") int burst,
            @Value("${ligevaerd.live.messages-per-second-per-account:" + PER_SECOND + "}") int perSecond,
            @Value("${ligevaerd.presence.heartbeat-interval:10s}") Duration heartbeatInterval,
            @Value("${ligevaerd.presence.expiry:30s}") Duration expiry,
            @Value("${ligevaerd.live.frame-gap:20ms}") Duration frameGap,
            MeterRegistry registry) {
        this.frameGapNanos = frameGap.toNanos();
        this.acceptedChanges = Counter.builder("ligevaerd.collab.changes")
                .description("Changes to the purpose statement accepted from live editors").register(registry);
        this.pushToAck = Timer.builder("ligevaerd.collab.ack")
                .description("From a push reaching the server until its ack is handed to the editor's connection")
                .publishPercentileHistogram().register(registry);
        this.collab = collab;
        this.workspaces = workspaces;
        this.connectionsPerAccount = connectionsPerAccount;
        this.burst = burst;
        this.perSecond = perSecond;
        this.cluster = cluster;
        if (!cluster.spansNodes()) {
            this.remote = null;
            this.timer = null;
            this.unsubscribe = () -> {
            };
            return;
        }
        this.remote = new RemoteEditors(expiry, System::nanoTime);
        Runnable sessions = cluster.subscribe(SESSION_TOPIC, (fromNode, body) -> httpSessionEndedElsewhere(body));
        Runnable editors = cluster.subscribe(EditorMessage.TOPIC, new ClusterChannel.Listener() {
            @Override
            public void received(String fromNode, String body) {
                EditorMessage message;
                try {
                    message = EditorMessage.decode(body);
                } catch (IllegalArgumentException e) {
                    log.warn("Ignored an editors message from node {}: {}", fromNode, e.getMessage());
                    return;
                }
                onRemoteWork(() -> remoteMessage(fromNode, message));
            }

            @Override
            public void resumed() {
                // Messages may have been missed: the others repeat their editors at once.
                announce(new EditorMessage.Asking(seq.incrementAndGet()));
            }
        });
        this.unsubscribe = () -> {
            sessions.run();
            editors.run();
        };
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "live-editors");
            thread.setDaemon(true);
            return thread;
        });
        this.timer = scheduler;
        long carets = CARET_INTERVAL.toNanos();
        scheduler.scheduleWithFixedDelay(this::flushCarets, carets, carets, TimeUnit.NANOSECONDS);
        long every = heartbeatInterval.toNanos();
        scheduler.scheduleWithFixedDelay(this::heartbeatAndSweep, every, every, TimeUnit.NANOSECONDS);
        // A node that starts knows no other node's editors: the others answer with their heartbeats.
        announce(new EditorMessage.Asking(seq.incrementAndGet()));
    }

    @Override
    public boolean supportsPartialMessages() {
        // Parts let a message be measured while it arrives, so an oversized one is refused without
        // ever being held whole, and without the container dropping the connection.
        return true;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws IOException {
        Object workspace = session.getAttributes().get(WORKSPACE_ATTRIBUTE);
        Object locale = session.getAttributes().get(LOCALE_ATTRIBUTE);
        // The session's own principal is not reliably the authenticated user with every container,
        // so the handshake check hands the one it checked over in the attributes.
        if (!(session.getAttributes().get(USER_ATTRIBUTE) instanceof Authentication user)
                || !(workspace instanceof Long workspaceId)) {
            session.close(CloseStatus.POLICY_VIOLATION);
            return;
        }
        WorkspaceDetails details;
        try {
            details = as(user, () -> workspaces.details(workspaceId));
        } catch (DomainException e) {
            log.warn("Live connection of {} to workspace {} refused: {}", user.getName(), workspaceId, e.getMessage());
            session.close(CloseStatus.POLICY_VIOLATION);
            return;
        }
        Locale language = locale instanceof Locale l ? l : Messages.DANISH;
        Outbox outbox = new Outbox(session, senders, pacer, frameGapNanos);
        Account account = open(user.getName());
        if (account == null) {
            log.warn("Live connection of {} to workspace {} refused: already {} open", user.getName(), workspaceId,
                    connectionsPerAccount);
            outbox.send(error(language, null, new DomainException(TOO_MANY_CONNECTIONS, connectionsPerAccount)));
            outbox.closeAfterSending(CloseStatus.POLICY_VIOLATION);
            return;
        }
        Member me = details.me();
        Map<Long, Identity> identities = identities(details);
        Identity identity = identities.getOrDefault(me.userId(), new Identity(user.getName(), "", ""));
        Object httpSession = session.getAttributes().get(HttpSessionHandshakeInterceptor.HTTP_SESSION_ID_ATTR_NAME);
        LiveConnection connection = new LiveConnection(workspaceId, me.userId(), user, language, outbox, account,
                httpSession instanceof String id ? id : null, identity.name(), identity.sideName(),
                identity.colour(), me.canContribute());
        connections.put(session.getId(), connection);
        try {
            connection.seat = as(user, () -> collab.seat(workspaceId, ending -> revoked(connection, ending)));
        } catch (DomainException e) {
            log.warn("Live connection of {} to workspace {} refused: {}", user.getName(), workspaceId, e.getMessage());
            connections.remove(session.getId());
            close(account);
            session.close(CloseStatus.POLICY_VIOLATION);
            return;
        }
        join(connection, identities);
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        LiveConnection connection = connections.remove(session.getId());
        if (connection != null) {
            Seat seat = connection.seat;
            if (seat != null) {
                collab.leave(seat);
            }
            close(connection.account);
            leave(connection);
        }
    }

    /**
     * Closes every connection opened with the HTTP session {@code httpSessionId}: on logout and when
     * the session expires, since a WebSocket outlives the request that opened it. The other nodes
     * are told too (by the session's fingerprint, never its id), so a connection that reached
     * another node with this login is closed there as well.
     */
    void httpSessionEnded(String httpSessionId) {
        String fingerprint = fingerprint(httpSessionId);
        closeLogin(fingerprint);
        if (cluster.spansNodes()) {
            cluster.send(SESSION_TOPIC, fingerprint);
        }
    }

    /** Another node says that the login session with this fingerprint ended. */
    void httpSessionEndedElsewhere(String fingerprint) {
        closeLogin(fingerprint);
    }

    private void closeLogin(String fingerprint) {
        for (LiveConnection connection : connections.values()) {
            if (connection.httpSessionId != null && fingerprint.equals(fingerprint(connection.httpSessionId))) {
                log.info("Closing live connection {}: its login session ended", connection);
                connection.outbox.send(error(connection.locale, null, new NotFoundOrNoAccessException()));
                connection.outbox.closeAfterSending(CloseStatus.POLICY_VIOLATION);
            }
        }
    }

    /**
     * What a node tells the others of an ended login session: the first 128 bits of the SHA-256 of
     * its id, in hexadecimal. The id itself is a credential and must not pass through the database.
     */
    static String fingerprint(String httpSessionId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(httpSessionId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** A bean that is an {@link HttpSessionListener} is registered with the servlet container by Spring Boot. */
    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        httpSessionEnded(event.getSession().getId());
    }

    private void revoked(LiveConnection connection, Seat.Ending ending) {
        log.info("Closing live connection {}: {}", connection, ending == Seat.Ending.REMOVED
                ? "no longer a member" : "side or role changed");
        if (ending == Seat.Ending.REMOVED) {
            connection.outbox.send(error(connection.locale, null, new NotFoundOrNoAccessException()));
            connection.outbox.closeAfterSending(CloseStatus.POLICY_VIOLATION);
        } else {
            connection.outbox.closeAfterSending(STANDING_CHANGED);
        }
    }

    /** Counts a new connection of {@code username}; null if it has as many open as allowed. */
    private synchronized @Nullable Account open(String username) {
        Account account = accounts.computeIfAbsent(username,
                u -> new Account(new TokenBucket(burst, perSecond, System.nanoTime())));
        if (account.open >= connectionsPerAccount) {
            return null;
        }
        account.open++;
        return account;
    }

    private synchronized void close(Account account) {
        account.open--;
        if (account.open == 0) {
            accounts.values().remove(account);
        }
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        log.debug("Live connection {} failed", session.getId(), exception);
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        LiveConnection connection = connections.get(session.getId());
        if (connection == null) {
            return;
        }
        String part = message.getPayload();
        if (connection.discarding) {
            connection.discarding = !message.isLast();
            return;
        }
        int size = connection.partial.length() + part.length();
        if (size > MESSAGE_MAX_CHARS) {
            connection.partial.setLength(0);
            connection.discarding = !message.isLast();
            refuse(connection, null, new DomainException(TOO_LARGE, MESSAGE_MAX_CHARS),
                    "a message of more than " + MESSAGE_MAX_CHARS + " characters");
            return;
        }
        connection.partial.append(part);
        if (!message.isLast()) {
            return;
        }
        String text = connection.partial.toString();
        connection.partial.setLength(0);
        connection.partial.trimToSize();
        receive(connection, text);
    }

    @Override
    protected void handleBinaryMessage(WebSocketSession session, org.springframework.web.socket.BinaryMessage message) {
        LiveConnection connection = connections.get(session.getId());
        if (connection != null && message.isLast()) {
            refuse(connection, null, malformed("a binary message"), "a binary message");
        }
    }

    private void receive(LiveConnection connection, String text) {
        long now = System.nanoTime();
        if (!connection.account.bucket.tryTake(now)) {
            connection.floodRefusals++;
            if (now - connection.lastFloodNotice >= SECOND) {
                log.warn("Live connection {} sends too fast; {} messages refused so far", connection,
                        connection.floodRefusals);
                connection.lastFloodNotice = now;
                connection.outbox.send(error(connection.locale, null, new DomainException(RATE_LIMITED)));
            }
            return;
        }
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (JacksonException e) {
            refuse(connection, null, malformed("not JSON"), "not JSON: " + e.getOriginalMessage());
            return;
        }
        if (message == null || !message.isObject() || !message.path("type").isString()) {
            refuse(connection, null, malformed("no type"), "a message without a type");
            return;
        }
        String type = message.path("type").stringValue();
        Seat seat = connection.seat;
        try {
            if (seat == null) {
                throw new NotFoundOrNoAccessException();
            }
            switch (type) {
                case "push" -> push(connection, seat, message);
                case "pull" -> connection.outbox.send(updates(
                        collab.updatesSince(seat, intField(message, "version")), true));
                case "snapshot" -> connection.outbox.send(snapshot(collab.snapshot(seat)));
                case "presence" -> presence(connection, message);
                case "ping" -> connection.outbox.send("{\"type\":\"pong\"}");
                default -> refuse(connection, null, malformed("unknown type"),
                        "an unknown message type " + abbreviate(type));
            }
        } catch (NotFoundOrNoAccessException e) {
            refuse(connection, type, e, "no longer a member");
            connection.outbox.closeAfterSending(CloseStatus.POLICY_VIOLATION);
        } catch (InvalidChange e) {
            refuse(connection, type, e, e.detail());
        } catch (DomainException e) {
            refuse(connection, type, e, e.getMessage());
        } catch (RuntimeException e) {
            log.error("Live connection {} failed on a {} message", connection, abbreviate(type), e);
            connection.outbox.send(error(connection.locale, type, new DomainException(SERVER_ERROR)));
        }
    }

    private void push(LiveConnection connection, Seat seat, JsonNode message) {
        long received = System.nanoTime();
        int version = intField(message, "version");
        JsonNode updates = message.path("updates");
        if (!updates.isArray() || updates.isEmpty() || updates.size() > MAX_UPDATES) {
            throw malformed("updates must be an array of 1 to " + MAX_UPDATES + " changes");
        }
        List<LiveChange> batch = new ArrayList<>(updates.size());
        for (JsonNode update : updates) {
            JsonNode clientId = update.path("clientID");
            if (!clientId.isString() || clientId.stringValue().isBlank()
                    || clientId.stringValue().length() > Update.CLIENT_ID_MAX_LENGTH) {
                throw malformed("an update without a proper clientID");
            }
            batch.add(new LiveChange(clientId.stringValue(), ChangeSet.fromJson(update.path("changes"))));
        }
        switch (collab.push(seat, version, batch)) {
            // After the changes themselves, which the room's fan-out may still be handing out.
            case PushOutcome.Accepted accepted -> {
                acceptedChanges.increment(batch.size());
                afterFanout(connection, () -> {
                    connection.outbox.send("{\"type\":\"ack\",\"version\":" + accepted.version() + "}");
                    pushToAck.record(System.nanoTime() - received, TimeUnit.NANOSECONDS);
                });
            }
            case PushOutcome.Behind behind ->
                    connection.outbox.send("{\"type\":\"behind\",\"version\":" + behind.version() + "}");
            case PushOutcome.Refused refused -> connection.outbox.send(error(connection.locale, "push",
                    new DomainException(refused.messageKey(), refused.arguments())));
        }
    }

    /** Runs {@code action} once the changes accepted so far have been handed to every connection. */
    private static void afterFanout(LiveConnection connection, Runnable action) {
        Room room = connection.room;
        if (room == null) {
            action.run();
        } else {
            room.fanout.then(action);
        }
    }

    private void presence(LiveConnection connection, JsonNode message) {
        JsonNode ranges = message.path("ranges");
        if (!ranges.isArray() || ranges.size() > MAX_RANGES) {
            throw malformed("ranges must be an array of at most " + MAX_RANGES);
        }
        ObjectNode out = JSON.createObjectNode();
        out.put("type", "presence");
        out.put("session", connection.id);
        out.put("name", connection.name);
        out.put("side", connection.sideName);
        out.put("colour", connection.colour);
        ArrayNode outRanges = out.putArray("ranges");
        for (JsonNode range : ranges) {
            int anchor = position(range, "anchor");
            int head = position(range, "head");
            outRanges.addObject().put("anchor", anchor).put("head", head);
        }
        String json = out.toString();
        connection.presence = json;
        if (remote != null) {
            List<EditorMessage.Range> told = new ArrayList<>(ranges.size());
            outRanges.forEach(r -> told.add(new EditorMessage.Range(r.path("anchor").intValue(),
                    r.path("head").intValue())));
            pendingCarets.put(connection, new EditorMessage.Carets(connection.workspaceId, connection.id, told));
        }
        Room room = room(connection.workspaceId);
        if (room != null) {
            for (LiveConnection other : room.connections) {
                if (other != connection) {
                    other.outbox.presence(connection.id, json);
                }
            }
        }
    }

    private static int position(JsonNode range, String field) {
        int value = intField(range, field);
        if (value < 0 || value > MAX_POSITION) {
            throw malformed("a position out of range");
        }
        return value;
    }

    private static int intField(JsonNode message, String field) {
        JsonNode value = message.path(field);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw malformed(field + " must be a whole number");
        }
        return value.intValue();
    }

    private static InvalidChange malformed(String detail) {
        return new InvalidChange(InvalidChange.MALFORMED, detail);
    }

    private void refuse(LiveConnection connection, @Nullable String type, DomainException reason, String detail) {
        log.warn("Refused a {} message from {}: {}", type == null ? "live" : abbreviate(type), connection, detail);
        connection.outbox.send(error(connection.locale, type, reason));
    }

    private static String error(Locale locale, @Nullable String type, DomainException reason) {
        ObjectNode out = JSON.createObjectNode();
        out.put("type", "error");
        out.put("code", reason.messageKey());
        out.put("message", Messages.get(locale, reason));
        if (type != null) {
            out.put("refused", abbreviate(type));
        }
        return out.toString();
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    static String updateJson(AcceptedUpdate update) {
        ObjectNode out = JSON.createObjectNode();
        out.put("version", update.version());
        out.put("clientID", update.clientId());
        out.set("changes", update.changes().toJson());
        out.put("side", update.author().sideId());
        out.put("user", update.author().userId());
        return out.toString();
    }

    private static String updates(List<AcceptedUpdate> updates, boolean pulled) {
        StringBuilder json = new StringBuilder("{\"type\":\"updates\"");
        if (pulled) {
            json.append(",\"pulled\":true");
        }
        json.append(",\"updates\":[");
        for (int i = 0; i < updates.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append(updateJson(updates.get(i)));
        }
        return json.append("]}").toString();
    }

    private static String snapshot(LiveSnapshot snapshot) {
        ObjectNode out = JSON.createObjectNode();
        out.put("type", "snapshot");
        out.put("version", snapshot.version());
        // Text stored before positions were checked may hold half a surrogate pair, which cannot be
        // sent as UTF-8; its stand-in has the same length, so the editor's positions still agree.
        out.put("text", StatementCharacters.sendable(snapshot.text()));
        out.put("canEdit", snapshot.canEdit());
        ArrayNode spans = out.putArray("authorship");
        for (LiveSnapshot.AuthorSpan span : snapshot.authorship()) {
            spans.addArray().add(span.to() - span.from()).add(span.sideId());
        }
        return out.toString();
    }

    /** The newcomer's welcome, with everyone in the editor (itself included), on this node or another. */
    private static String welcome(LiveConnection connection, Room room, List<String> remotePeers) {
        StringBuilder json = new StringBuilder(64 + 128 * (room.connections.size() + remotePeers.size()));
        json.append("{\"type\":\"welcome\",\"session\":\"").append(connection.id).append("\",\"canEdit\":")
                .append(connection.canEdit).append(",\"peers\":[");
        boolean first = true;
        for (LiveConnection c : room.connections) {
            if (!first) {
                json.append(',');
            }
            first = false;
            json.append(c.peerJson);
        }
        for (String peer : remotePeers) {
            json.append(',').append(peer);
        }
        return json.append("]}").toString();
    }

    private synchronized @Nullable Room room(long workspaceId) {
        return rooms.get(workspaceId);
    }

    /**
     * Adds a connection to its workspace's room, listening to the statement for the first one. The
     * newcomer gets the whole list of who is here; everyone else only hears that one more came
     * ({@code joined}). Sending the whole list to everyone on every arrival cost each arrival work
     * in proportion to the square of the editors present, which stalled arrivals beyond about 100
     * (docs/performance.md).
     */
    private synchronized void join(LiveConnection connection, Map<Long, Identity> identities) {
        Room room = rooms.get(connection.workspaceId);
        if (room == null) {
            Room created = new Room(senders);
            created.stopListening = as(connection.user, () -> collab.listen(connection.workspaceId,
                    created.fanout::updates));
            rooms.put(connection.workspaceId, created);
            room = created;
        }
        room.connections.add(connection);
        connection.room = room;
        room.identities.putAll(identities);
        List<String> remotePeers = new ArrayList<>();
        List<RemoteEditors.Present> present = remote == null ? List.of() : remote.present(connection.workspaceId);
        for (RemoteEditors.Present p : present) {
            Identity identity = identities.get(p.editor().editor().userId());
            if (identity != null) {
                remotePeers.add(peerJson(p.editor(), identity));
            }
        }
        connection.outbox.send(welcome(connection, room, remotePeers));
        String joined = "{\"type\":\"joined\",\"peer\":" + connection.peerJson + "}";
        for (LiveConnection other : room.connections) {
            if (other != connection) {
                other.outbox.send(joined);
                String presence = other.presence;
                if (presence != null) {
                    connection.outbox.presence(other.id, presence);
                }
            }
        }
        for (RemoteEditors.Present p : present) {
            Identity identity = identities.get(p.editor().editor().userId());
            if (identity != null && p.carets() != null) {
                connection.outbox.presence(p.editor().id(), presenceJson(p.editor(), identity, p.carets()));
            }
        }
        announce(new EditorMessage.Joined(seq.incrementAndGet(), editor(connection)));
    }

    private synchronized void leave(LiveConnection connection) {
        Room room = rooms.get(connection.workspaceId);
        if (room == null || !room.connections.remove(connection)) {
            return;
        }
        pendingCarets.remove(connection);
        announce(new EditorMessage.Left(seq.incrementAndGet(), connection.workspaceId, connection.id));
        if (room.connections.isEmpty()) {
            rooms.remove(connection.workspaceId);
            room.stopListening.run();
            return;
        }
        String left = "{\"type\":\"left\",\"session\":\"" + connection.id + "\"}";
        for (LiveConnection other : room.connections) {
            other.outbox.forget(connection.id);
            other.outbox.send(left);
        }
    }

    private static <T> T as(Authentication user, Supplier<T> call) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(user);
        SecurityContextHolder.setContext(context);
        try {
            return call.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Override
    public void destroy() {
        if (timer != null) {
            timer.shutdownNow();
            // The other nodes forget this node's editors at once rather than at expiry.
            announce(new EditorMessage.Farewell(seq.incrementAndGet()));
        }
        unsubscribe.run();
        remoteWork.shutdownNow();
        pacer.shutdownNow();
        senders.shutdownNow();
    }

    // The editors of the other nodes: docs/live-editing.md.

    /** How the list of who is here shows a member: name, side's name and colour (empty for none). */
    record Identity(String name, String sideName, String colour) {
    }

    private static Map<Long, Identity> identities(WorkspaceDetails details) {
        Map<Long, Identity> identities = new HashMap<>();
        for (MemberView member : details.members()) {
            SideView side = member.sideId() == null ? null : details.side(member.sideId()).orElse(null);
            identities.put(member.userId(), new Identity(member.displayName(), side == null ? "" : side.name(),
                    side == null ? "" : side.colour()));
        }
        return identities;
    }

    private static EditorMessage.Editor editor(LiveConnection connection) {
        return new EditorMessage.Editor(connection.workspaceId, connection.id, connection.userId, connection.canEdit);
    }

    private static String peerJson(RemoteEditors.Remote editor, Identity identity) {
        ObjectNode peer = JSON.createObjectNode();
        peer.put("session", editor.id()).put("name", identity.name()).put("side", identity.sideName())
                .put("colour", identity.colour()).put("canEdit", editor.editor().canEdit());
        return peer.toString();
    }

    private static String presenceJson(RemoteEditors.Remote editor, Identity identity, EditorMessage.Carets carets) {
        ObjectNode out = JSON.createObjectNode();
        out.put("type", "presence");
        out.put("session", editor.id());
        out.put("name", identity.name());
        out.put("side", identity.sideName());
        out.put("colour", identity.colour());
        ArrayNode ranges = out.putArray("ranges");
        for (EditorMessage.Range range : carets.ranges()) {
            ranges.addObject().put("anchor", range.anchor()).put("head", range.head());
        }
        return out.toString();
    }

    /** Tells the other nodes; nothing when this node runs alone. */
    private void announce(EditorMessage message) {
        if (remote != null) {
            cluster.send(EditorMessage.TOPIC, message.encode());
        }
    }

    private void onRemoteWork(Runnable work) {
        try {
            remoteWork.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    log.warn("Taking in another node's editors failed", e);
                }
            });
        } catch (RejectedExecutionException stopping) {
            // Shutting down.
        }
    }

    /** The carets local editors moved since the last time, all in as few messages as fit. */
    private void flushCarets() {
        try {
            if (pendingCarets.isEmpty()) {
                return;
            }
            List<EditorMessage.Carets> moved = new ArrayList<>();
            for (LiveConnection connection : List.copyOf(pendingCarets.keySet())) {
                EditorMessage.Carets carets = pendingCarets.remove(connection);
                if (carets != null) {
                    moved.add(carets);
                }
            }
            for (EditorMessage.Moved message : EditorMessage.Moved.of(moved,
                    cluster.maxBodyLength(EditorMessage.TOPIC), seq::incrementAndGet)) {
                announce(message);
            }
        } catch (RuntimeException e) {
            log.warn("Telling the other nodes of carets failed; trying again at the next", e);
        }
    }

    private void heartbeatAndSweep() {
        try {
            heartbeat();
            RemoteEditors editors = remote;
            if (editors != null) {
                onRemoteWork(() -> deliver(editors.sweep()));
            }
        } catch (RuntimeException e) {
            log.warn("Live editors' heartbeat failed; trying again at the next", e);
        }
    }

    /** Every local editor, repeated to the other nodes so that they keep showing it. */
    private synchronized void heartbeat() {
        List<EditorMessage.Editor> here = new ArrayList<>();
        for (Room room : rooms.values()) {
            room.connections.forEach(c -> here.add(editor(c)));
        }
        for (EditorMessage.Heartbeat part : EditorMessage.Heartbeat.of(here,
                cluster.maxBodyLength(EditorMessage.TOPIC), seq::incrementAndGet)) {
            announce(part);
        }
    }

    /** Another node asked; several asking at once get one answer. */
    private void heartbeatSoon() {
        ScheduledExecutorService scheduler = timer;
        if (scheduler != null && heartbeatAsked.compareAndSet(false, true)) {
            try {
                scheduler.execute(() -> {
                    heartbeatAsked.set(false);
                    heartbeat();
                });
            } catch (RejectedExecutionException stopping) {
                heartbeatAsked.set(false);
            }
        }
    }

    /** On the remote work's thread: what another node said about its editors. */
    private void remoteMessage(String fromNode, EditorMessage message) {
        RemoteEditors editors = remote;
        if (editors == null) {
            return;
        }
        if (message instanceof EditorMessage.Asking) {
            heartbeatSoon();
            return;
        }
        deliver(editors.received(fromNode, message));
    }

    /** Hands changes of the other nodes' editors to this node's connections of their workspaces. */
    private void deliver(List<RemoteEditors.Change> changes) {
        Set<Long> reread = new HashSet<>();
        for (RemoteEditors.Change change : changes) {
            Room room = room(change.workspaceId());
            if (room == null) {
                continue;
            }
            switch (change) {
                case RemoteEditors.Arrived arrived -> {
                    // Names, sides and colours may have changed since they were read: read them
                    // afresh, once for all the arrivals in one message.
                    if (reread.add(change.workspaceId())) {
                        reread(room, change.workspaceId());
                    }
                    Identity identity = room.identities.get(arrived.editor().editor().userId());
                    if (identity != null) {
                        String joined = "{\"type\":\"joined\",\"peer\":" + peerJson(arrived.editor(), identity) + "}";
                        room.connections.forEach(c -> c.outbox.send(joined));
                    }
                }
                case RemoteEditors.Departed departed -> {
                    String left = "{\"type\":\"left\",\"session\":\"" + departed.id() + "\"}";
                    for (LiveConnection c : room.connections) {
                        c.outbox.forget(departed.id());
                        c.outbox.send(left);
                    }
                }
                case RemoteEditors.Moved moved -> {
                    Identity identity = room.identities.get(moved.editor().editor().userId());
                    if (identity != null) {
                        String json = presenceJson(moved.editor(), identity, moved.carets());
                        room.connections.forEach(c -> c.outbox.presence(moved.editor().id(), json));
                    }
                }
            }
        }
    }

    /** Reads the workspace's members as one of the room's own editors may. */
    private void reread(Room room, long workspaceId) {
        for (LiveConnection connection : List.copyOf(room.connections)) {
            try {
                room.identities.putAll(identities(as(connection.user, () -> workspaces.details(workspaceId))));
                return;
            } catch (DomainException e) {
                // No longer a member: its connection is being closed; another may read.
            }
        }
    }

    /** One account's open connections on this node and the rate they share. */
    static final class Account {
        final TokenBucket bucket;
        /** Guarded by the handler. */
        int open;

        Account(TokenBucket bucket) {
            this.bucket = bucket;
        }
    }

    /** The open connections of one workspace. */
    static final class Room {
        final Set<LiveConnection> connections = ConcurrentHashMap.newKeySet();
        /** How the members show in the list of who is here, as last read. */
        final Map<Long, Identity> identities = new ConcurrentHashMap<>();
        final Fanout fanout;
        Runnable stopListening = () -> {
        };

        Room(Executor executor) {
            this.fanout = new Fanout(connections, executor);
        }
    }

    /**
     * Hands accepted changes to every connection of a room, away from the statement's lock: the
     * service only queues them here, and a thread of the room's own encodes each change once and puts
     * it in every outbox, whose threads then send on all cores. Changes that wait here together go
     * into the outboxes as one piece, so under load one frame carries several. Anything queued with
     * {@link #then} runs after everything queued before it has been handed out.
     */
    static final class Fanout {

        private final Set<LiveConnection> connections;
        private final Executor executor;
        /** Lists of accepted changes, and actions to run in their order. */
        private final Queue<Object> queue = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean draining = new AtomicBoolean();

        Fanout(Set<LiveConnection> connections, Executor executor) {
            this.connections = connections;
            this.executor = executor;
        }

        void updates(List<AcceptedUpdate> updates) {
            queue.add(updates);
            schedule();
        }

        void then(Runnable action) {
            queue.add(action);
            schedule();
        }

        private void schedule() {
            if (draining.compareAndSet(false, true)) {
                try {
                    executor.execute(this::drain);
                } catch (RejectedExecutionException shuttingDown) {
                    draining.set(false);
                }
            }
        }

        private void drain() {
            try {
                StringBuilder pieces = new StringBuilder();
                for (Object item; (item = queue.poll()) != null; ) {
                    if (item instanceof List<?> updates) {
                        for (Object update : updates) {
                            if (!pieces.isEmpty()) {
                                pieces.append(',');
                            }
                            pieces.append(updateJson((AcceptedUpdate) update));
                        }
                    } else {
                        handOut(pieces);
                        run((Runnable) item);
                    }
                }
                handOut(pieces);
            } finally {
                draining.set(false);
                if (!queue.isEmpty()) {
                    schedule();
                }
            }
        }

        private void handOut(StringBuilder pieces) {
            if (pieces.isEmpty()) {
                return;
            }
            String json = pieces.toString();
            pieces.setLength(0);
            for (LiveConnection connection : connections) {
                connection.outbox.update(json);
            }
        }

        private static void run(Runnable action) {
            try {
                action.run();
            } catch (RuntimeException e) {
                log.warn("A live action failed", e);
            }
        }
    }
}
