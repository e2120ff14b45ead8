package dk.ligevaerd.notify;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When the daily digest goes out.
 *
 * @param digestAt   the time of day the digest gathers what waited since the last one
 * @param zone       the zone that time of day is in
 * @param digestPoll how often each node looks whether a digest is due (zero: never, for tests)
 * @param reminderPoll how often each node looks for rounds whose voting ends within a day, to remind
 *                     those who have not voted (zero: never, for tests)
 * @param composeAfterCommitOver a notification to more people than this is composed after the commit
 *                     of its event, from a row written with the event ({@link NotificationIntents}),
 *                     so that closing a round in a large workspace stays short; to fewer, in the
 *                     event's own transaction
 * @param intentPoll   how often each node looks for such rows besides being woken after each commit
 *                     that wrote one (zero: never, not even when woken; for tests)
 */
@ConfigurationProperties("ligevaerd.notify")
public record NotifySettings(LocalTime digestAt, ZoneId zone, Duration digestPoll, Duration reminderPoll,
        Integer composeAfterCommitOver, Duration intentPoll) {

    public NotifySettings {
        digestAt = digestAt == null ? LocalTime.of(7, 0) : digestAt;
        zone = zone == null ? ZoneId.of("Europe/Copenhagen") : zone;
        digestPoll = digestPoll == null ? Duration.ofMinutes(5) : digestPoll;
        reminderPoll = reminderPoll == null ? Duration.ofMinutes(5) : reminderPoll;
        composeAfterCommitOver = composeAfterCommitOver == null ? 100 : composeAfterCommitOver;
        intentPoll = intentPoll == null ? Duration.ofSeconds(10) : intentPoll;
    }
}
