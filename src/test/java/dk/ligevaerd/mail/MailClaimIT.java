package dk.ligevaerd.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Several workers claim from one outbox at the same instant, on real threads with their own
 * database connections, and a real SMTP server receives every mail exactly once.
 */
@SpringBootTest(properties = {"ligevaerd.demo.enabled=false",
        "spring.datasource.url=jdbc:h2:file:./target/test-db/mail-claim-${random.uuid}",
        "ligevaerd.mail.poll-interval=1h", "ligevaerd.mail.batch-size=7"})
class MailClaimIT {

    static final int MAILS = 150;
    static final int WORKERS = 4;
    // Shared with the PostgreSQL twin in the same test run; each run tells its mails apart by subject.
    static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @Autowired MailOutbox outbox;
    @Autowired MailWorker worker;
    @Autowired JdbcTemplate jdbc;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void racing_workers_send_each_mail_exactly_once() throws Exception {
        String run = "r" + System.nanoTime();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            for (int i = 0; i < MAILS; i++) {
                outbox.queue(new OutgoingMail("racer" + i + "@example.org", run + " mail " + i,
                        new MailBody().paragraph("Mail number " + i)));
            }
        });

        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        List<Future<Integer>> claimedByWorker = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            claimedByWorker.add(pool.submit(() -> {
                go.await();
                int claimed = 0;
                int round;
                while ((round = worker.sendDue()) > 0 || unsent(run) > 0) {
                    claimed += round;
                    if (round == 0) {
                        Thread.sleep(20);
                    }
                }
                return claimed;
            }));
        }
        go.countDown();
        List<Integer> counts = new ArrayList<>();
        for (Future<Integer> f : claimedByWorker) {
            counts.add(f.get(120, TimeUnit.SECONDS));
        }
        pool.shutdown();
        System.out.println("Mails claimed by each racing worker: " + counts);

        assertThat(SMTP.waitForIncomingEmail(30_000, MAILS)).isTrue();
        Thread.sleep(1000);
        List<ReceivedMail> received = Arrays.stream(SMTP.getReceivedMessages()).map(ReceivedMail::of)
                .filter(m -> m.subject().startsWith(run + " ")).toList();
        Map<String, Long> perSubject = received.stream()
                .collect(Collectors.groupingBy(ReceivedMail::subject, Collectors.counting()));
        assertThat(perSubject).hasSize(MAILS);
        assertThat(perSubject.values()).allMatch(n -> n == 1);
        assertThat(received).hasSize(MAILS);
        Map<String, String> recipients = received.stream()
                .collect(Collectors.toMap(ReceivedMail::subject, m -> m.to().getFirst(), (a, b) -> a));
        assertThat(recipients).containsEntry(run + " mail 7", "racer7@example.org");
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where subject like ? and sent_at is not null"
                + " and attempts = 1", Integer.class, run + " %")).as("each claimed once").isEqualTo(MAILS);
        assertThat(counts.stream().mapToInt(Integer::intValue).sum())
                .as("mails claimed by the racing workers (the background worker may take some too)")
                .isLessThanOrEqualTo(MAILS);
    }

    private int unsent(String run) {
        return jdbc.queryForObject("select count(*) from mail_outbox where subject like ? and sent_at is null",
                Integer.class, run + " %");
    }
}
