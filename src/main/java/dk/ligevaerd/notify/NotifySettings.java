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
 */
@ConfigurationProperties("ligevaerd.notify")
public record NotifySettings(LocalTime digestAt, ZoneId zone, Duration digestPoll, Duration reminderPoll) {

    public NotifySettings {
        digestAt = digestAt == null ? LocalTime.of(7, 0) : digestAt;
        zone = zone == null ? ZoneId.of("Europe/Copenhagen") : zone;
        digestPoll = digestPoll == null ? Duration.ofMinutes(5) : digestPoll;
        reminderPoll = reminderPoll == null ? Duration.ofMinutes(5) : reminderPoll;
    }
}
