/**
 * Messages between the application nodes that share one PostgreSQL database, carried by
 * {@code LISTEN}/{@code NOTIFY}: {@link dk.ligevaerd.shared.cluster.ClusterChannel} is all that
 * features see. On an embedded database there is one node, and the channel does nothing.
 * See docs/decisions/0005-live-events-cross-nodes-by-listen-notify.md.
 */
@NullMarked
package dk.ligevaerd.shared.cluster;

import org.jspecify.annotations.NullMarked;
