package dk.ligevaerd.workspace;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long presence holds without news ({@code ligevaerd.presence.*}). Set them alike on every node.
 *
 * @param pageTimeout how long an open page counts as present without a sign of life from it. Pages
 *        send one with every Vaadin heartbeat ({@code vaadin.heartbeatInterval}); a page whose
 *        network is gone stops counting after this long. More than twice the heartbeat interval,
 *        so that one late heartbeat does not make a person flicker.
 * @param heartbeatInterval how often a node repeats to the others who is present on it (several
 *        nodes only)
 * @param expiry how long another node's word that someone is present holds without being
 *        repeated: a node that stopped (or lost its way to the database) no longer shows its
 *        people as present after this long. At least twice the heartbeat interval, so one lost
 *        heartbeat does not make people flicker (several nodes only).
 */
@ConfigurationProperties("ligevaerd.presence")
record PresenceProperties(@DefaultValue("35s") Duration pageTimeout, @DefaultValue("10s") Duration heartbeatInterval,
        @DefaultValue("30s") Duration expiry) {

    PresenceProperties {
        if (pageTimeout.isNegative() || pageTimeout.isZero()) {
            throw new IllegalArgumentException("ligevaerd.presence.page-timeout must be positive");
        }
        if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
            throw new IllegalArgumentException("ligevaerd.presence.heartbeat-interval must be positive");
        }
        if (expiry.compareTo(heartbeatInterval.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("ligevaerd.presence.expiry (" + expiry
                    + ") must be at least twice ligevaerd.presence.heartbeat-interval (" + heartbeatInterval + ")");
        }
    }

    static PresenceProperties defaults() {
        return new PresenceProperties(Duration.ofSeconds(35), Duration.ofSeconds(10), Duration.ofSeconds(30));
    }
}
