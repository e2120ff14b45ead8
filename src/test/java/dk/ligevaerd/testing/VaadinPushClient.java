package dk.ligevaerd.testing;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Vaadin session driven at the protocol level, without a browser: it logs in through the login
 * form, asks the server for a UI at an address (the {@code v-r=init} request a browser's bootstrap
 * makes), connects the UI's push channel (Atmosphere over WebSocket) and keeps the UI alive with
 * heartbeats. The server holds a real UI for it, updated and pushed like any other; the client
 * reads what is pushed and sends only the events it is told to send (it renders nothing). For
 * benchmarks and load tests that need more sessions than browsers fit on the machine.
 */
public final class VaadinPushClient implements AutoCloseable {

    /** Every client's network work runs on these threads, so a benchmark can leave them out of the server's CPU. */
    public static final String THREAD_PREFIX = "push-client-";

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, THREAD_PREFIX + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });
    private static final ScheduledExecutorService HEARTBEATS = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, THREAD_PREFIX + "heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(20)).executor(EXECUTOR).build();
    private static final Pattern SESSION_COOKIE = Pattern.compile("^(JSESSIONID=[^;]+)");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern UI_ID = Pattern.compile("\"v-uiId\"\\s*:\\s*(\\d+)");
    private static final Pattern PUSH_ID = Pattern.compile("\"Vaadin-Push-ID\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern SECURITY_KEY = Pattern.compile("\"Vaadin-Security-Key\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern SYNC_ID = Pattern.compile("\"syncId\"\\s*:\\s*(\\d+)");
    /** What a browser's page reports of a click for a button's listener. */
    private static final String MOUSE = "{\"event.screenX\":0,\"event.screenY\":0,\"event.clientX\":0,"
            + "\"event.clientY\":0,\"event.detail\":1,\"event.button\":0,\"event.ctrlKey\":false,"
            + "\"event.shiftKey\":false,\"event.altKey\":false,\"event.metaKey\":false}";

    private final URI base;
    private final String cookie;
    private final int uiId;
    private final String securityKey;
    private final WebSocket socket;
    private final Receiver receiver;
    /** The next request's number; {@link #open} sent the first two. */
    private final AtomicInteger clientId = new AtomicInteger(2);
    private volatile ScheduledFuture<?> heartbeat;

    private VaadinPushClient(URI base, String cookie, int uiId, String securityKey, WebSocket socket,
            Receiver receiver) {
        this.base = base;
        this.cookie = cookie;
        this.uiId = uiId;
        this.securityKey = securityKey;
        this.socket = socket;
        this.receiver = receiver;
    }

    /** Logs in with the login form; returns the session cookie. */
    public static String login(URI base, String username, String password) throws Exception {
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(base.resolve("/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = cookie(page, null);
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        Matcher csrf = CSRF.matcher(page.body());
        if (csrf.find()) {
            form += "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        }
        HttpRequest.Builder post = HttpRequest.newBuilder(base.resolve("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (cookie != null) {
            post.header("Cookie", cookie);
        }
        HttpResponse<String> response = HTTP.send(post.build(), HttpResponse.BodyHandlers.ofString());
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("login of " + username + " failed: " + response.statusCode() + " " + location);
        }
        String session = cookie(response, cookie);
        if (session == null) {
            throw new IllegalStateException("login of " + username + " gave no session cookie");
        }
        return session;
    }

    private static String cookie(HttpResponse<?> response, String fallback) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            Matcher m = SESSION_COOKIE.matcher(header);
            if (m.find()) {
                return m.group(1);
            }
        }
        return fallback;
    }

    /**
     * Opens a UI at the address (e.g. {@code workspace/1/rounds}) in the logged-in session, connects
     * its push channel, and hands the first drawing of the page and then every pushed message to
     * the listener (the first on the calling thread, the rest on a client thread).
     */
    public static VaadinPushClient open(URI base, String cookie, String location, Consumer<String> listener)
            throws Exception {
        HttpResponse<String> init = HTTP.send(HttpRequest.newBuilder(base.resolve("/?v-r=init&location="
                + URLEncoder.encode(location, StandardCharsets.UTF_8) + "&query=")).header("Cookie", cookie)
                .header("Accept-Language", "en-GB,en;q=0.9").GET().build(), HttpResponse.BodyHandlers.ofString());
        String body = init.body();
        Matcher uiId = UI_ID.matcher(body);
        Matcher pushId = PUSH_ID.matcher(body);
        if (init.statusCode() != 200 || !uiId.find() || !pushId.find()) {
            throw new IllegalStateException("no UI for " + location + ": " + init.statusCode() + " "
                    + body.substring(0, Math.min(300, body.length())));
        }
        int ui = Integer.parseInt(uiId.group(1));
        Matcher csrf = SECURITY_KEY.matcher(body);
        if (!csrf.find()) {
            throw new IllegalStateException("no security key for " + location);
        }
        // The browser's bootstrap then tells the UI where it is, which makes the server navigate.
        String navigate = "{\"csrfToken\":\"" + csrf.group(1) + "\",\"rpc\":[{\"type\":\"event\",\"node\":1,"
                + "\"event\":\"ui-navigate\",\"data\":{\"route\":\"/" + location + "\",\"query\":\"\","
                + "\"appShellTitle\":\"\",\"historyState\":{\"idx\":0},\"trigger\":\"\"}}],\"syncId\":0,"
                + "\"clientId\":0}";
        String page = uidl(base, cookie, ui, navigate, "the UI did not open " + location);
        String syncId = syncId(page);
        // The page as first drawn, before any push: a listener that follows components by node id
        // learns them here (a later push may change only one of them).
        listener.accept(page);
        // A browser's page then answers the page's first question (the workspace asks the window's
        // width) in a request of its own. The server keeps its last answer to a request, for a client
        // that sends the same request again; without this one it would keep the whole first drawing.
        String answered = uidl(base, cookie, ui, "{\"csrfToken\":\"" + csrf.group(1) + "\",\"rpc\":[],\"syncId\":"
                + syncId + ",\"clientId\":1}", "the UI did not answer at " + location);
        listener.accept(answered);
        String scheme = base.getScheme().equals("https") ? "wss" : "ws";
        URI push = URI.create(scheme + "://" + base.getAuthority() + "/VAADIN/push?v-r=push&v-uiId=" + ui
                + "&v-pushId=" + URLEncoder.encode(pushId.group(1), StandardCharsets.UTF_8)
                + "&X-Atmosphere-tracking-id=0&X-Atmosphere-Framework=4.0.1"
                + "&X-Atmosphere-Transport=websocket&X-Atmosphere-TrackMessageSize=true"
                + "&Content-Type=application%2Fjson%3B%20charset%3DUTF-8&X-atmo-protocol=true"
                + "&X-Vaadin-LastSeenServerSyncId=" + syncId(answered));
        Receiver receiver = new Receiver(listener);
        receiver.syncId.set(Long.parseLong(syncId(answered)));
        WebSocket socket = HTTP.newWebSocketBuilder().header("Cookie", cookie).connectTimeout(Duration.ofSeconds(20))
                .buildAsync(push, receiver).get(30, TimeUnit.SECONDS);
        VaadinPushClient client = new VaadinPushClient(base, cookie, ui, csrf.group(1), socket, receiver);
        // Vaadin closes a UI whose browser misses three heartbeats; a browser sends one every
        // vaadin.heartbeatInterval (20 s here).
        client.heartbeat = HEARTBEATS.scheduleWithFixedDelay(client::beat, 15, 15, TimeUnit.SECONDS);
        return client;
    }

    /** One request to the UI, as a browser's page sends it; the server's answer, refused unless it carries a sync id. */
    private static String uidl(URI base, String cookie, int ui, String message, String failure) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(base.resolve("/?v-r=uidl&v-uiId=" + ui))
                .header("Cookie", cookie).header("Content-Type", "application/json; charset=UTF-8")
                .header("Accept-Language", "en-GB,en;q=0.9")
                .POST(HttpRequest.BodyPublishers.ofString(message)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || !SYNC_ID.matcher(response.body()).find()) {
            throw new IllegalStateException(failure + ": " + response.statusCode() + " "
                    + response.body().substring(0, Math.min(300, response.body().length())));
        }
        return response.body();
    }

    private static String syncId(String answer) {
        Matcher syncId = SYNC_ID.matcher(answer);
        if (!syncId.find()) {
            throw new IllegalStateException("no sync id in " + answer.substring(0, Math.min(300, answer.length())));
        }
        return syncId.group(1);
    }

    /**
     * Clicks the element of a state node, as a browser's page reports a click (the node must listen
     * for clicks, as a button does), and hands the server's answer to the listener like a push.
     */
    public void click(int node) throws Exception {
        event(node, "click", MOUSE);
    }

    /**
     * Sends an event of a state node's element, as a browser's page reports it, and hands the
     * server's answer to the listener like a push. The data is what the page would have evaluated
     * for the node's listener (a JSON object): the values of its event data expressions, {@code true}
     * for each filter that passed, and for an element asked for with
     * {@code DomListenerRegistration.addEventDataElement(expression)} the state node id of the element
     * it names, under the key {@code "]" + expression} (Flow's {@code JsonConstants.MAP_STATE_NODE_EVENT_DATA}).
     */
    public void event(int node, String eventType, String dataJson) throws Exception {
        String answer;
        // One request at a time per UI, numbered in order, as a browser's page sends them.
        synchronized (this) {
            answer = uidl(base, cookie, uiId, "{\"csrfToken\":\"" + securityKey + "\",\"rpc\":[{\"type\":\"event\","
                    + "\"node\":" + node + ",\"event\":\"" + eventType + "\",\"data\":" + dataJson + "}],\"syncId\":"
                    + receiver.syncId.get() + ",\"clientId\":" + clientId.getAndIncrement() + "}",
                    "the " + eventType + " event of node " + node + " was refused");
        }
        receiver.syncId.accumulateAndGet(Long.parseLong(syncId(answer)), Math::max);
        receiver.listener.accept(answer);
    }

    /** Characters received over the push channel so far (JSON, nearly all ASCII: about bytes). */
    public long bytesReceived() {
        return receiver.bytes.get();
    }

    public long messagesReceived() {
        return receiver.messages.get();
    }

    private void beat() {
        HTTP.sendAsync(HttpRequest.newBuilder(base.resolve("/?v-r=heartbeat&v-uiId=" + uiId)).header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
    }

    @Override
    public void close() {
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
        socket.abort();
    }

    private static final class Receiver implements WebSocket.Listener {
        private final Consumer<String> listener;
        private final StringBuilder partial = new StringBuilder();
        final AtomicLong bytes = new AtomicLong();
        final AtomicLong messages = new AtomicLong();
        /** The server's latest sync id seen, which a request from the page names. */
        final AtomicLong syncId = new AtomicLong();

        Receiver(Consumer<String> listener) {
            this.listener = listener;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        /**
         * Atmosphere frames each message as {@code <length>|<message>}; a message may come in several
         * WebSocket messages, and one WebSocket message may hold several.
         */
        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            bytes.addAndGet(data.length());
            partial.append(data);
            while (true) {
                int bar = partial.indexOf("|");
                if (bar <= 0) {
                    break;
                }
                int length;
                try {
                    length = Integer.parseInt(partial, 0, bar, 10);
                } catch (NumberFormatException notFramed) {
                    listener.accept(partial.toString());
                    partial.setLength(0);
                    break;
                }
                if (partial.length() < bar + 1 + length) {
                    break;
                }
                String message = partial.substring(bar + 1, bar + 1 + length);
                partial.delete(0, bar + 1 + length);
                messages.incrementAndGet();
                Matcher sync = SYNC_ID.matcher(message);
                if (sync.find()) {
                    syncId.accumulateAndGet(Long.parseLong(sync.group(1)), Math::max);
                }
                listener.accept(message);
            }
            webSocket.request(1);
            return CompletableFuture.completedFuture(null);
        }
    }
}
