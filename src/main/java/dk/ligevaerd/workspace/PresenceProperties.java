package dk.ligevaerd.workspace;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How presence crosses application nodes ({@code ligevaerd.presence.*}); unused on a single node.
 * Set them alike on every node.
 *
 * @param heartbeatInterval how often a node repeats to the others who is present on it
 * @param expiry how long another node's word that someone is present holds without being
 *        repeated: a node that stopped (or lost its way to the database) no longer shows its
 *        people as present after this long. At least twice the heartbeat interval, so one lost
 *        heartbeat does not make people flicker.
 */
@ConfigurationProperties("ligevaerd.presence")
record PresenceProperties(@DefaultValue("10s") Duration heartbeatInterval, @DefaultValue("30s") Duration expiry) {

    PresenceProperties {
        if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
            throw new IllegalArgumentException("ligevaerd.presence.heartbeat-interval must be positive");
        }
        if (expiry.compareTo(heartbeatInterval.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("ligevaerd.presence.expiry (" + expiry
                    + ") must be at least twice ligevaerd.presence.heartbeat-interval (" + heartbeatInterval + ")");
        }
    }

    static PresenceProperties defaults() {
        return new PresenceProperties(Duration.ofSeconds(10), Duration.ofSeconds(30));
    }
}
