package dk.ligevaerd.shared.cluster;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Readiness of the live events between nodes (docs/operations.md): with several nodes on one
 * PostgreSQL database a node that has lost its LISTEN connection would show its users stale pages,
 * so it is not ready until it listens again. A node that runs alone needs no listening and is up.
 */
@Component("clusterListeningHealthIndicator")
class ClusterListeningHealth implements HealthIndicator {

    private final ClusterChannel channel;

    ClusterListeningHealth(ClusterChannel channel) {
        this.channel = channel;
    }

    @Override
    public Health health() {
        if (!channel.spansNodes()) {
            return Health.up().withDetail("mode", "single node").build();
        }
        ClusterChannel.Status status = channel.status();
        return (status.listening() ? Health.up() : Health.down()).withDetail("mode", "nodes share the database")
                .withDetail("node", channel.nodeId()).withDetail("connections", status.connections())
                .withDetail("received", status.received()).withDetail("sent", status.sent())
                .withDetail("dropped", status.dropped()).build();
    }
}
