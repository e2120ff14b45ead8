package dk.ligevaerd.mail;

import static dk.ligevaerd.support.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dk.ligevaerd.Application;
import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.workspace.InvitationService;
import dk.ligevaerd.workspace.NewInvitation;
import dk.ligevaerd.workspace.Role;
import dk.ligevaerd.workspace.WorkspaceFixture;
import dk.ligevaerd.workspace.WorkspaceService;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Mail survives a restart and goes out once. The application runs three times on the same H2
 * file: first with no SMTP server configured (the mail is kept and listed, not dropped), then with
 * an SMTP address where nothing answers (attempts are counted and retried with a growing wait),
 * and last with a real SMTP server, which receives the mail exactly once.
 */
class MailRestartIT {

    private static ConfigurableApplicationContext start(String databaseUrl, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--management.server.port=0",
                "--spring.datasource.url=" + databaseUrl,
                "--ligevaerd.demo.enabled=false",
                "--ligevaerd.rounds.auto-close.enabled=false",
                "--ligevaerd.mail.poll-interval=200ms",
                "--ligevaerd.mail.first-retry=300ms",
                "--ligevaerd.mail.max-retry=1s",
                "--ligevaerd.security.bcrypt-strength=4",
                "--vaadin.devmode.devTools.enabled=false"));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(Application.class).run(args.toArray(String[]::new));
    }

    private static Map<String, Object> row(ConfigurableApplicationContext context, long id) {
        return context.getBean(JdbcTemplate.class).queryForMap(
                "select attempts, sent_at, last_error, claimed_until from mail_outbox where id = ?", id);
    }

    @Test
    void unsent_mail_is_kept_without_smtp_retried_while_smtp_fails_and_sent_once_after_a_restart() throws Exception {
        Path folder = Files.createTempDirectory(Path.of("target"), "mail-restart-");
        String url = "jdbc:h2:file:" + folder.toAbsolutePath().resolve("db") + ";WRITE_DELAY=0";

        long mailId;
        String token;
        try (ConfigurableApplicationContext first = start(url)) {
            WorkspaceFixture f = new WorkspaceFixture(first.getBean(AccountService.class),
                    first.getBean(WorkspaceService.class), first.getBean(InvitationService.class));
            NewInvitation made = as(f.otherModerator, () -> first.getBean(InvitationService.class).create(
                    f.workspaceId, f.civilSideId, Role.PARTICIPANT, Duration.ofDays(7), "kept@example.org", "Hej"));
            token = made.token();
            mailId = first.getBean(JdbcTemplate.class).queryForObject(
                    "select id from mail_outbox where recipient = 'kept@example.org'", Long.class);
            Thread.sleep(1000);
            assertThat(row(first, mailId).get("sent_at")).as("no SMTP: kept").isNull();
            assertThat(((Number) row(first, mailId).get("attempts")).intValue()).as("no SMTP: not tried").isZero();
        }

        int deadPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            deadPort = probe.getLocalPort();
        }
        try (ConfigurableApplicationContext second = start(url, "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + deadPort, "--spring.mail.properties.mail.smtp.connectiontimeout=1000")) {
            long until = System.currentTimeMillis() + 20_000;
            while (((Number) row(second, mailId).get("attempts")).intValue() < 2 && System.currentTimeMillis() < until) {
                Thread.sleep(100);
            }
            Map<String, Object> failing = row(second, mailId);
            assertThat(((Number) failing.get("attempts")).intValue()).as("retried").isGreaterThanOrEqualTo(2);
            assertThat(failing.get("sent_at")).isNull();
            assertThat(failing.get("last_error")).isNotNull();
        }

        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        try (ConfigurableApplicationContext third = start(url, "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtp.getSmtp().getPort())) {
            assertThat(smtp.waitForIncomingEmail(20_000, 1)).isTrue();
            // Several more polling rounds: the sent mail must not go out again.
            Thread.sleep(2000);
            List<ReceivedMail> received = Arrays.stream(smtp.getReceivedMessages()).map(ReceivedMail::of).toList();
            assertThat(received).hasSize(1);
            assertThat(received.getFirst().to()).containsExactly("kept@example.org");
            assertThat(received.getFirst().inviteToken()).isEqualTo(token);
            assertThat(received.getFirst().subject()).startsWith("Invitation til");
            assertThat(row(third, mailId).get("sent_at")).isNotNull();
        } finally {
            smtp.stop();
        }
    }
}
