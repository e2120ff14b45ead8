package dk.ligevaerd.round;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Closes rounds whose closing time has come, each in its own transaction, through the same lock
 * and record path as a moderator's closing; a round that missed its quorum closes as "no
 * decision". Safe on several nodes at once: a round already closed is skipped.
 */
@Component
class AutoClose {

    private static final Logger log = LoggerFactory.getLogger(AutoClose.class);

    private final RoundService rounds;

    AutoClose(RoundService rounds) {
        this.rounds = rounds;
    }

    /** @return how many rounds this call closed */
    int closeDue() {
        int closed = 0;
        for (Long id : rounds.dueRoundIds()) {
            try {
                if (rounds.closeIfDue(id)) {
                    closed++;
                }
            } catch (RuntimeException e) {
                log.warn("Could not close round {} at its closing time; will try again", id, e);
            }
        }
        return closed;
    }

    /** The timer; switched off in tests, which call {@link #closeDue()} themselves. */
    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    @ConditionalOnProperty(name = "ligevaerd.rounds.auto-close.enabled", havingValue = "true", matchIfMissing = true)
    static class Schedule {

        private final AutoClose autoClose;

        Schedule(AutoClose autoClose) {
            this.autoClose = autoClose;
        }

        @Scheduled(fixedDelayString = "${ligevaerd.rounds.auto-close.interval:PT10S}",
                initialDelayString = "${ligevaerd.rounds.auto-close.interval:PT10S}")
        void tick() {
            autoClose.closeDue();
        }
    }
}
