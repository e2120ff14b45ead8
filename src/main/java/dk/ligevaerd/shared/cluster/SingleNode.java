package dk.ligevaerd.shared.cluster;

/** The only node: nothing to tell anyone, nothing to hear. Costs nothing. */
final class SingleNode implements ClusterChannel {

    static final SingleNode INSTANCE = new SingleNode();
    private static final Status STATUS = new Status(false, 0, 0, 0, 0, 0, 0);

    private SingleNode() {
    }

    @Override
    public String nodeId() {
        return "single";
    }

    @Override
    public boolean spansNodes() {
        return false;
    }

    @Override
    public void send(String topic, String body) {
        // Alone: nobody to tell.
    }

    @Override
    public Runnable subscribe(String topic, Listener listener) {
        return () -> {
        };
    }

    @Override
    public int maxBodyLength(String topic) {
        return ClusterMessage.maxBodyLength(nodeId(), topic);
    }

    @Override
    public Status status() {
        return STATUS;
    }
}
