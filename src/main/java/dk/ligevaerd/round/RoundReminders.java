package dk.ligevaerd.round;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which open rounds end voting soon, for the reminder to those who have not voted. For a feature
 * that tells people, inside its own transaction; no one calls it on a person's behalf.
 */
@Component
public class RoundReminders {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    RoundReminders(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The open rounds whose closing time comes within {@code window} and that have had no reminder,
     * each marked reminded in the caller's transaction. A conditional update claims each round, so
     * of several nodes looking at once only one reminds it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Long> claimClosingWithin(Duration window) {
        Instant now = clock.instant();
        List<Long> due = jdbc.queryForList("select id from decision_round where state = 'OPEN'"
                + " and voting_ended_at is null and reminder_sent_at is null and closes_at > ? and closes_at <= ?"
                + " order by id", Long.class, utc(now), utc(now.plus(window)));
        List<Long> claimed = new ArrayList<>();
        for (long id : due) {
            if (jdbc.update("update decision_round set reminder_sent_at = ? where id = ? and reminder_sent_at is null",
                    utc(now), id) == 1) {
                claimed.add(id);
            }
        }
        return claimed;
    }

    /** The people who have cast a ballot in the round so far. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Set<Long> voters(long roundId) {
        return new HashSet<>(jdbc.queryForList("select user_id from ballot where round_id = ?", Long.class, roundId));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
