package dk.ligevaerd.statement.live;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain Java client of the live editor's WebSocket, logged in through the login form like a
 * browser, for tests and the benchmark. It records every message it receives.
 */
public final class LiveTestClient implements WebSocket.Listener, AutoCloseable {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final WebSocket socket;
    private final BlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    private final List<JsonNode> all = new CopyOnWriteArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private volatile java.util.function.@org.jspecify.annotations.Nullable Consumer<JsonNode> onMessage;

    private LiveTestClient(Builder builder) throws IOException, InterruptedException {
        WebSocket.Builder ws = builder.http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (builder.origin != null) {
            ws.header("Origin", builder.origin);
        }
        try {
            this.socket = ws.buildAsync(builder.uri, this).get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException h) {
                throw new Refused(h.getResponse().statusCode());
            }
            throw new IOException(e.getCause());
        } catch (TimeoutException e) {
            throw new IOException(e);
        }
    }

    /** An HTTP client with its own cookie jar, logged in as {@code username}. */
    public static HttpClient login(URI base, String username, String password) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(base.resolve("/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        Matcher csrf = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(page.body());
        if (csrf.find()) {
            form += "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("login of " + username + " failed: " + response.statusCode() + " " + location);
        }
        return http;
    }

    /** Logs out the way the browser's form does: {@code POST /logout} with the page's CSRF token. */
    public static void logout(URI base, HttpClient http) throws IOException, InterruptedException {
        URI at = base.resolve("/");
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(at).GET().build(), HttpResponse.BodyHandlers.ofString());
        for (int hops = 0; hops < 5 && page.statusCode() / 100 == 3; hops++) {
            at = at.resolve(page.headers().firstValue("Location").orElseThrow());
            page = http.send(HttpRequest.newBuilder(at).GET().build(), HttpResponse.BodyHandlers.ofString());
        }
        String form = "";
        Matcher csrf = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(page.body());
        if (csrf.find()) {
            form = "_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/logout"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 302) {
            throw new IllegalStateException("logout failed: " + response.statusCode() + " (page " + at + " "
                    + page.statusCode() + (form.isEmpty() ? ", no CSRF token in " + page.body().substring(0,
                    Math.min(3000, page.body().length())) : "") + ")");
        }
    }

    public static Builder to(URI base, long workspaceId) {
        String scheme = base.getScheme().equals("https") ? "wss" : "ws";
        return new Builder(URI.create(scheme + "://" + base.getAuthority() + "/collab/" + workspaceId + "?lang=en"));
    }

    public static final class Builder {
        private URI uri;
        private HttpClient http = HttpClient.newHttpClient();
        private String origin;

        private Builder(URI uri) {
            this.uri = uri;
        }

        public Builder as(HttpClient loggedIn) {
            this.http = loggedIn;
            return this;
        }

        public Builder origin(String origin) {
            this.origin = origin;
            return this;
        }

        public Builder uri(URI uri) {
            this.uri = uri;
            return this;
        }

        public LiveTestClient connect() throws IOException, InterruptedException {
            return new LiveTestClient(this);
        }
    }

    /** The handshake was answered with an HTTP status instead of a WebSocket. */
    public static final class Refused extends IOException {
        public final int status;

        Refused(int status) {
            super("handshake refused with " + status);
            this.status = status;
        }
    }

    public static String sessionCookie(HttpClient http) {
        return ((CookieManager) http.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID")).map(HttpCookie::getValue).findFirst().orElseThrow();
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    public void sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
    }

    /** Sends a text in several frames, as a browser may. */
    public void sendInParts(String text, int partSize) {
        for (int at = 0; at < text.length(); at += partSize) {
            int end = Math.min(text.length(), at + partSize);
            socket.sendText(text.substring(at, end), end == text.length()).join();
        }
    }

    /**
     * Calls {@code handler} on the receiving thread for every message from now on, instead of
     * keeping the messages for {@link #next} (a long-running client would otherwise fill the heap).
     */
    public void onMessage(java.util.function.Consumer<JsonNode> handler) {
        this.onMessage = handler;
    }

    /** The next message not yet taken, waiting up to 20 s. */
    public JsonNode next() throws InterruptedException {
        JsonNode message = inbox.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (message == null) {
            throw new AssertionError("no message within " + WAIT + "; received so far: " + all
                    + (closed.isDone() ? "; closed with " + closed.getNow(0) : ""));
        }
        return message;
    }

    /** Takes messages until one of {@code type} comes, returning it. */
    public JsonNode next(String type) throws InterruptedException {
        return next(m -> type.equals(m.path("type").asString()));
    }

    public JsonNode next(Predicate<JsonNode> wanted) throws InterruptedException {
        while (true) {
            JsonNode message = next();
            if (wanted.test(message)) {
                return message;
            }
        }
    }

    /** Every message received since connecting, in order. */
    public List<JsonNode> received() {
        return new ArrayList<>(all);
    }

    /** Messages received but not yet taken with {@link #next}. */
    public List<JsonNode> drain() {
        List<JsonNode> rest = new ArrayList<>();
        inbox.drainTo(rest);
        return rest;
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    /** The close code once the server closed the connection, waiting up to 20 s. */
    public int awaitClose() throws Exception {
        return closed.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            JsonNode message = JSON.readTree(partial.toString());
            partial.setLength(0);
            var handler = onMessage;
            if (handler != null) {
                handler.accept(message);
            } else {
                all.add(message);
                inbox.add(message);
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(-1);
    }

    @Override
    public void close() {
        if (!closed.isDone()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
            socket.abort();
        }
    }

    /** Drops the connection without a close handshake, as a lost network does. */
    public void abort() {
        socket.abort();
    }
}
