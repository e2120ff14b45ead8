package dk.ligevaerd.notify;

import dk.ligevaerd.round.RoundReminders;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds people a day before a round's voting ends if they have not voted. Every node looks
 * regularly; each round is claimed by a conditional update ({@link RoundReminders}) in the same
 * transaction that queues its mails, so it is reminded once however many nodes look.
 */
@Component
public class ReminderWorker implements SmartLifecycle {

    /** How long before the closing time the reminder goes out. */
    public static final Duration AHEAD = Duration.ofHours(24);
    private static final Logger log = LoggerFactory.getLogger(ReminderWorker.class);

    private final RoundReminders reminders;
    private final Notifier notifier;
    private final TransactionTemplate transactions;
    private final NotifySettings settings;
    private final AtomicBoolean running = new AtomicBoolean();
    private @Nullable ScheduledExecutorService executor;

    ReminderWorker(RoundReminders reminders, Notifier notifier, PlatformTransactionManager transactionManager,
            NotifySettings settings) {
        this.reminders = reminders;
        this.notifier = notifier;
        this.transactions = new TransactionTemplate(transactionManager);
        this.settings = settings;
    }

    /** One pass: reminds every round now due. Safe on several nodes at once. @return the rounds reminded */
    public int remindDue() {
        List<Long> rounds = transactions.execute(status -> {
            List<Long> claimed = reminders.claimClosingWithin(AHEAD);
            claimed.forEach(notifier::votingEndsSoon);
            return claimed;
        });
        if (rounds != null && !rounds.isEmpty()) {
            log.info("Reminded those who have not voted in round(s) {}", rounds);
        }
        return rounds == null ? 0 : rounds.size();
    }

    @Override
    public void start() {
        if (!running.compareAndSet(false, true) || settings.reminderPoll().isZero()) {
            return;
        }
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "reminder-worker");
            thread.setDaemon(true);
            return thread;
        });
        executor = started;
        long every = settings.reminderPoll().toMillis();
        started.scheduleWithFixedDelay(() -> {
            try {
                remindDue();
            } catch (RuntimeException e) {
                log.warn("Reminder round failed; tried again at the next round", e);
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running.set(false);
        ScheduledExecutorService started = executor;
        if (started != null) {
            started.shutdownNow();
            executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }
}
