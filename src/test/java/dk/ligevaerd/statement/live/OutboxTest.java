package dk.ligevaerd.statement.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

class OutboxTest {

    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
    /** What the connection sent, with when ({@link System#nanoTime}). */
    private final List<Sent> sent = new CopyOnWriteArrayList<>();

    private record Sent(String text, long at) {
    }

    @AfterEach
    void stop() {
        senders.shutdownNow();
        pacer.shutdownNow();
    }

    @Test
    void changes_that_come_within_the_gap_after_a_send_go_out_together_as_one_message_at_its_end() throws Exception {
        long gap = TimeUnit.MILLISECONDS.toNanos(300);
        Outbox outbox = new Outbox(connection(), senders, pacer, gap);

        outbox.update("{\"version\":1}");
        awaitFrames(1);
        for (int v = 2; v <= 10; v++) {
            outbox.update("{\"version\":" + v + "}");
        }
        outbox.send("{\"type\":\"ack\"}");
        awaitFrames(3);

        assertThat(sent.get(0).text()).isEqualTo("{\"type\":\"updates\",\"updates\":[{\"version\":1}]}");
        assertThat(sent.get(1).text()).isEqualTo("{\"type\":\"updates\",\"updates\":[{\"version\":2},{\"version\":3},"
                + "{\"version\":4},{\"version\":5},{\"version\":6},{\"version\":7},{\"version\":8},{\"version\":9},"
                + "{\"version\":10}]}");
        assertThat(sent.get(2).text()).as("a message of its own keeps its place after the changes").isEqualTo(
                "{\"type\":\"ack\"}");
        assertThat(sent.get(1).at() - sent.get(0).at()).as("the second round waited out the gap").isGreaterThanOrEqualTo(gap);
        assertThat(sent).hasSize(3);
    }

    @Test
    void without_a_gap_every_change_goes_out_as_soon_as_it_can_and_nothing_is_lost() throws Exception {
        Outbox outbox = new Outbox(connection(), senders);

        for (int v = 1; v <= 500; v++) {
            outbox.update("{\"version\":" + v + "}");
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (received() < 500 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }

        assertThat(received()).isEqualTo(500);
        String all = String.join("", sent.stream().map(Sent::text).toList());
        for (int v = 1; v <= 500; v++) {
            assertThat(all).contains("{\"version\":" + v + "}");
        }
    }

    private long received() {
        return sent.stream().mapToLong(s -> s.text().split("\"version\"", -1).length - 1).sum();
    }

    private void awaitFrames(int count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (sent.size() < count && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(sent).as("frames sent").hasSizeGreaterThanOrEqualTo(count);
    }

    /** A connection that notes what is sent on it: the network is the boundary here. */
    private WebSocketSession connection() {
        return (WebSocketSession) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {WebSocketSession.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "sendMessage" -> {
                        sent.add(new Sent(((TextMessage) args[0]).getPayload(), System.nanoTime()));
                        yield null;
                    }
                    case "getId" -> "test";
                    case "isOpen" -> true;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "connection";
                    default -> null;
                });
    }
}
