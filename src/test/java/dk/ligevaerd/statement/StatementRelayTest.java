package dk.ligevaerd.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dk.ligevaerd.statement.StatementRelay.Notice;
import dk.ligevaerd.support.FakeClusterChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The notices nodes send about accepted statement versions, and how a node folds them. */
class StatementRelayTest {

    @Test
    void a_notice_reads_back_as_it_was_written() {
        assertThat(new Notice(42, 17).encode()).isEqualTo("42.17");
        assertThat(Notice.decode("42.17")).isEqualTo(new Notice(42, 17));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "42", "42.", ".17", "42.17.1", "x.17", "42.x", "0.17", "42.0", "-42.17",
            "42.99999999999", "42:17"})
    void a_malformed_notice_is_rejected(String body) {
        assertThatThrownBy(() -> Notice.decode(body)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void accepted_versions_are_announced_and_notices_arriving_meanwhile_fold_into_one_more_round()
            throws InterruptedException {
        FakeClusterChannel channel = new FakeClusterChannel("here");
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> followed = new CopyOnWriteArrayList<>();
        StatementRelay relay = new StatementRelay(channel, (workspaceId, version) -> {
            followed.add(workspaceId + "@" + version);
            firstStarted.countDown();
            waitFor(release);
        }, () -> {
        });
        try {
            relay.accepted(42, 3);
            assertThat(channel.sent()).containsExactly(new FakeClusterChannel.Sent("statement", "42.3"));

            channel.deliver("there", "statement", "42.4");
            firstStarted.await();
            for (int v = 5; v <= 50; v++) {
                channel.deliver("there", "statement", "42." + v);
            }
            channel.deliver("there", "statement", "nonsense");
            release.countDown();

            await().atMost(Duration.ofSeconds(5)).until(() -> followed.size() == 2);
            assertThat(followed).containsExactly("42@4", "42@50");
        } finally {
            relay.close();
        }
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
