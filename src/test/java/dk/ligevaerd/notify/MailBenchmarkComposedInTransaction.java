package dk.ligevaerd.notify;

import org.junit.jupiter.api.Tag;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link MailBenchmark} with every notification composed in its event's own transaction, as before
 * {@link NotificationIntents}: the "before" figures, measured in the same run as the "after".
 */
@Tag("benchmark")
@TestPropertySource(properties = "ligevaerd.notify.compose-after-commit-over=1000000")
class MailBenchmarkComposedInTransaction extends MailBenchmark {
}
