package dk.ligevaerd.shared.cluster;

/**
 * Short messages to and from the other application nodes that share this node's database. A
 * message has a topic (which feature it is for) and a body of ids and names of kinds, never user
 * text: bodies are limited to {@code [A-Za-z0-9.,:_=-]} and to {@link #maxBodyLength} characters.
 *
 * <p>Delivery is at most once and can fail silently (a node whose listening connection dropped
 * misses what was sent meanwhile), so a message should say "look again" rather than carry state
 * that cannot be read back; {@link Listener#resumed()} tells a feature when it may have missed
 * something. Messages from one node arrive in the order it sent them. Identical messages waiting
 * to be sent together go out once: a message whose repetition matters must be made unique (say,
 * with a sequence number).
 */
public interface ClusterChannel {

    /** The channel of a node that runs alone (an embedded database): sends nothing, hears nothing. */
    static ClusterChannel alone() {
        return SingleNode.INSTANCE;
    }

    /** This node's id among the nodes sharing the database; a new one at every start unless configured. */
    String nodeId();

    /** Whether other nodes can hear this one: false when it runs alone, and then nothing need be sent. */
    boolean spansNodes();

    /**
     * Sends a message to the other nodes, soon and from a thread of the channel's own: it never
     * blocks the caller and never fails it for a database problem (it retries, and logs what it
     * had to give up).
     *
     * @throws IllegalArgumentException for a topic or body that breaks the rules above
     */
    void send(String topic, String body);

    /**
     * Calls {@code listener} with the messages of {@code topic} from other nodes, never this
     * node's own, on the channel's listening thread: hand the work on, never block. Returns the
     * action that ends the subscription.
     */
    Runnable subscribe(String topic, Listener listener);

    /** The longest body a message of {@code topic} from this node may have. */
    int maxBodyLength(String topic);

    /** What the channel has done since it started, for logs and tests. */
    Status status();

    /** Receives one topic's messages. */
    interface Listener {

        void received(String fromNode, String body);

        /**
         * The node (again) listens for messages: at start, and after its connection was lost and
         * made anew, when messages sent in between were missed. Views should then read afresh.
         */
        default void resumed() {
        }
    }

    /**
     * @param listening whether the node currently listens
     * @param connections listening connections made so far (more than one means it reconnected)
     * @param received messages received from other nodes
     * @param ownIgnored this node's own messages heard back and ignored
     * @param malformed messages that could not be read and were ignored
     * @param sent messages handed to the database
     * @param dropped messages given up (queue full, or refused by the database)
     */
    record Status(boolean listening, long connections, long received, long ownIgnored, long malformed, long sent,
            long dropped) {
    }
}
