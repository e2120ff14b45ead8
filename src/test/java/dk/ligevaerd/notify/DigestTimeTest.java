package dk.ligevaerd.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DigestTimeTest {

    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
    private static final LocalTime SEVEN = LocalTime.of(7, 0);

    @Test
    void before_the_digest_time_yesterday_s_digest_time_is_the_cut_off() {
        assertThat(DigestWorker.lastDigestTime(Instant.parse("2026-12-07T05:59:00Z"), SEVEN, COPENHAGEN))
                .isEqualTo(Instant.parse("2026-12-06T06:00:00Z"));
    }

    @Test
    void from_the_digest_time_on_today_s_is_the_cut_off() {
        assertThat(DigestWorker.lastDigestTime(Instant.parse("2026-12-07T06:00:00Z"), SEVEN, COPENHAGEN))
                .isEqualTo(Instant.parse("2026-12-07T06:00:00Z"));
        assertThat(DigestWorker.lastDigestTime(Instant.parse("2026-12-07T22:30:00Z"), SEVEN, COPENHAGEN))
                .isEqualTo(Instant.parse("2026-12-07T06:00:00Z"));
    }

    @Test
    void summer_time_keeps_the_digest_at_seven_local_time() {
        assertThat(DigestWorker.lastDigestTime(Instant.parse("2026-07-01T12:00:00Z"), SEVEN, COPENHAGEN))
                .isEqualTo(Instant.parse("2026-07-01T05:00:00Z"));
    }
}
