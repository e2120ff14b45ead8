package dk.ligevaerd.shared.cluster;

import java.time.Duration;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the nodes that share a PostgreSQL database talk ({@code ligevaerd.cluster.*}). None of it
 * applies to an embedded database, where the node runs alone.
 *
 * @param enabled whether to listen and notify at all on PostgreSQL; switch off only for a
 *        deployment that is sure to run one node, to save the listening connection
 * @param channel the {@code LISTEN}/{@code NOTIFY} channel; the same on every node of one
 *        deployment, and different for two deployments that share a database
 * @param nodeId this node's id in messages (letters, digits, '-', at most 32); unset, a random
 *        one at every start. Two running nodes with the same id would ignore each other.
 * @param refreshInterval the least time between two refreshes that other nodes cause in the
 *        open pages of one workspace on this node; a burst of events in between becomes one
 * @param reconnectMinDelay the wait before listening again after the connection was lost,
 *        doubled after each failed attempt up to {@code reconnectMaxDelay}
 * @param healthCheckInterval after this long without a message, the listening connection is
 *        checked with a query, so that a connection that died silently is noticed
 * @param listenUrl the JDBC URL of the listening connection, when it must differ from the
 *        datasource's: a pooler in transaction mode (PgBouncer) does not keep {@code LISTEN}, so
 *        the listening connection must then go to PostgreSQL directly. Same credentials.
 */
@ConfigurationProperties("ligevaerd.cluster")
public record ClusterProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("ligevaerd_live") String channel,
        @Nullable String nodeId,
        @DefaultValue("200ms") Duration refreshInterval,
        @DefaultValue("500ms") Duration reconnectMinDelay,
        @DefaultValue("30s") Duration reconnectMaxDelay,
        @DefaultValue("15s") Duration healthCheckInterval,
        @Nullable String listenUrl) {

    private static final Pattern CHANNEL = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public ClusterProperties {
        if (!CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("ligevaerd.cluster.channel must be a lower-case SQL identifier "
                    + "(letters, digits, '_', at most 63): " + channel);
        }
        if (nodeId != null && !nodeId.isBlank()) {
            // Checked here so that a bad id stops the start, not the first message.
            new ClusterMessage(nodeId, "check", "");
        }
        requirePositive("refresh-interval", refreshInterval, true);
        requirePositive("reconnect-min-delay", reconnectMinDelay, false);
        requirePositive("reconnect-max-delay", reconnectMaxDelay, false);
        requirePositive("health-check-interval", healthCheckInterval, false);
        if (listenUrl != null && !listenUrl.isBlank() && !listenUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("ligevaerd.cluster.listen-url must be a jdbc:postgresql: URL: " + listenUrl);
        }
        if (reconnectMaxDelay.compareTo(reconnectMinDelay) < 0) {
            throw new IllegalArgumentException("ligevaerd.cluster.reconnect-max-delay is shorter than reconnect-min-delay");
        }
    }

    /** The defaults, for tests and for code that runs without Spring's binding. */
    public static ClusterProperties defaults() {
        return new ClusterProperties(true, "ligevaerd_live", null, Duration.ofMillis(200), Duration.ofMillis(500),
                Duration.ofSeconds(30), Duration.ofSeconds(15), null);
    }

    private static void requirePositive(String name, Duration value, boolean zeroAllowed) {
        if (value.isNegative() || (!zeroAllowed && value.isZero())) {
            throw new IllegalArgumentException("ligevaerd.cluster." + name + " must be " + (zeroAllowed ? "zero or " : "")
                    + "positive: " + value);
        }
    }
}
