package dk.ligevaerd.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The product's own mail settings (the SMTP server itself is Spring Boot's {@code spring.mail.*}).
 *
 * @param from the sender address of every mail
 * @param baseUrl the address people open the application at, for links in mails
 * @param pollInterval how often the worker looks for due mail besides being woken after a commit
 * @param lease how long a claimed mail is reserved for the node that claimed it; after that, a node
 *        that died while sending no longer holds it back
 * @param firstRetry the wait after the first failed attempt; it doubles with every further failure
 * @param maxRetry the longest wait between attempts
 * @param maxAttempts after this many failed attempts a mail is marked failed (it stays in the outbox)
 * @param batchSize how many mails one worker claims at a time and sends over one SMTP connection
 *        (100: twenty held the worker to 183–195 mails a second on the project's 2-core machine, a
 *        hundred sent 274–371, docs/performance.md); a batch must go out within the lease, so a server
 *        slower than a second a mail needs a smaller batch or a longer lease
 */
@ConfigurationProperties("ligevaerd.mail")
public record MailSettings(String from, String baseUrl, Duration pollInterval, Duration lease,
        Duration firstRetry, Duration maxRetry, int maxAttempts, int batchSize) {

    public MailSettings {
        from = from == null || from.isBlank() ? "Ligeværd <noreply@localhost>" : from;
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8080" : baseUrl.replaceAll("/+$", "");
        pollInterval = pollInterval == null ? Duration.ofSeconds(10) : pollInterval;
        lease = lease == null ? Duration.ofMinutes(2) : lease;
        firstRetry = firstRetry == null ? Duration.ofSeconds(30) : firstRetry;
        maxRetry = maxRetry == null ? Duration.ofHours(1) : maxRetry;
        maxAttempts = maxAttempts <= 0 ? 20 : maxAttempts;
        batchSize = batchSize <= 0 ? 100 : batchSize;
    }

    /** An absolute link to a path of the application, such as {@code invite/abc}. */
    public String link(String path) {
        return baseUrl + "/" + path.replaceAll("^/+", "");
    }

    /** The wait before the next attempt after {@code failures} failed ones. */
    public Duration backoff(int failures) {
        Duration wait = firstRetry.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 20));
        return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }
}
