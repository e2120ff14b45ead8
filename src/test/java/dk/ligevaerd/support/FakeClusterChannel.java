package dk.ligevaerd.support;

import dk.ligevaerd.shared.cluster.ClusterChannel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A channel that spans nodes in memory only: the test hears what is sent and plays the other nodes. */
public final class FakeClusterChannel implements ClusterChannel {

    /** A message this node sent. */
    public record Sent(String topic, String body) {
    }

    private final String nodeId;
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final Map<String, List<Listener>> listeners = new ConcurrentHashMap<>();

    public FakeClusterChannel(String nodeId) {
        this.nodeId = nodeId;
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    @Override
    public boolean spansNodes() {
        return true;
    }

    @Override
    public void send(String topic, String body) {
        sent.add(new Sent(topic, body));
    }

    @Override
    public Runnable subscribe(String topic, Listener listener) {
        listeners.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> listeners.get(topic).remove(listener);
    }

    @Override
    public int maxBodyLength(String topic) {
        return 7_999 - 4 - nodeId.length() - topic.length();
    }

    @Override
    public Status status() {
        return new Status(true, 1, 0, 0, 0, sent.size(), 0);
    }

    /** Another node's message arrives. */
    public void deliver(String fromNode, String topic, String body) {
        listeners.getOrDefault(topic, List.of()).forEach(l -> l.received(fromNode, body));
    }

    /** The node listens again after a lost connection. */
    public void resume() {
        listeners.values().stream().flatMap(List::stream).forEach(Listener::resumed);
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    public List<Sent> sent(String topic) {
        return sent.stream().filter(s -> s.topic().equals(topic)).toList();
    }
}
