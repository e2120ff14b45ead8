package dk.ligevaerd.shared.cluster;

import com.zaxxer.hikari.HikariDataSource;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the channel: over PostgreSQL when the datasource is PostgreSQL (and the channel is not
 * switched off), else the single node's, which costs nothing. The database is recognised by its
 * JDBC URL, taken from the same connection details the pool was built from.
 */
@Configuration(proxyBeanMethods = false)
class ClusterConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ClusterConfiguration.class);

    /** How long a starting node waits until it listens, before it goes on and keeps trying. */
    private static final Duration START_WAIT = Duration.ofSeconds(10);

    /** Closed by Spring through its inferred {@code close} method (the PostgreSQL channel has one). */
    @Bean
    ClusterChannel clusterChannel(ClusterProperties properties, DataSource dataSource,
            ObjectProvider<JdbcConnectionDetails> connectionDetails) {
        Target target = target(dataSource, connectionDetails.getIfAvailable());
        if (target == null || !target.url().startsWith("jdbc:postgresql:")) {
            return ClusterChannel.alone();
        }
        if (!properties.enabled()) {
            log.info("ligevaerd.cluster.enabled=false: live events stay on this node; run only one node");
            return ClusterChannel.alone();
        }
        String nodeId = properties.nodeId() == null || properties.nodeId().isBlank() ? randomNodeId()
                : properties.nodeId();
        Target listenTarget = properties.listenUrl() == null || properties.listenUrl().isBlank() ? target
                : new Target(properties.listenUrl(), target.username(), target.password());
        PostgresClusterChannel channel = new PostgresClusterChannel(nodeId, properties,
                () -> listenConnection(listenTarget, nodeId, properties), dataSource);
        channel.start(START_WAIT);
        return channel;
    }

    private static String randomNodeId() {
        return Long.toString(new SecureRandom().nextLong() & Long.MAX_VALUE, 36).toLowerCase(Locale.ROOT);
    }

    /** Where the pool connects, and as whom: from Boot's connection details, else from a Hikari pool. */
    private static @Nullable Target target(DataSource dataSource, @Nullable JdbcConnectionDetails details) {
        if (details != null && details.getJdbcUrl() != null) {
            return new Target(details.getJdbcUrl(), details.getUsername(), details.getPassword());
        }
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
                if (hikari.getJdbcUrl() != null) {
                    return new Target(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
                }
            }
        } catch (SQLException e) {
            log.debug("Cannot look inside the datasource", e);
        }
        try (Connection connection = dataSource.getConnection()) {
            if ("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                throw new IllegalStateException("The database is PostgreSQL, but its address and credentials "
                        + "cannot be found to open the connection that listens to the other nodes. Define the "
                        + "datasource with spring.datasource.*, or set ligevaerd.cluster.enabled=false to run one node.");
            }
        } catch (SQLException e) {
            log.debug("Cannot ask the datasource which database it is", e);
        }
        return null;
    }

    /**
     * The listening connection, opened by the driver itself, outside the pool. It sends TCP
     * keep-alives, and its socket timeout bounds the health check on a connection that died
     * silently. The application name shows it in {@code pg_stat_activity}.
     */
    private static Connection listenConnection(Target target, String nodeId, ClusterProperties properties)
            throws SQLException {
        Properties info = new Properties();
        if (target.username() != null) {
            info.setProperty("user", target.username());
        }
        if (target.password() != null) {
            info.setProperty("password", target.password());
        }
        info.setProperty("ApplicationName", "ligevaerd-listen-" + nodeId);
        info.setProperty("tcpKeepAlive", "true");
        info.setProperty("connectTimeout", "10");
        long socketSeconds = Math.max(10, properties.healthCheckInterval().toSeconds());
        info.setProperty("socketTimeout", Long.toString(socketSeconds));
        Connection connection = new Driver().connect(target.url(), info);
        if (connection == null) {
            throw new SQLException("The PostgreSQL driver does not take the URL " + target.url());
        }
        connection.setAutoCommit(true);
        return connection;
    }

    private record Target(String url, @Nullable String username, @Nullable String password) {
    }
}
