package dk.ligevaerd.insight;

import static dk.ligevaerd.support.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.deliberation.CommentService;
import dk.ligevaerd.deliberation.TargetKind;
import dk.ligevaerd.insight.metrics.Measure;
import dk.ligevaerd.insight.metrics.Weekly;
import dk.ligevaerd.priority.PriorityService;
import dk.ligevaerd.priority.ValueLens;
import dk.ligevaerd.support.MutableClock;
import dk.ligevaerd.support.TestClockConfig;
import dk.ligevaerd.workspace.InvitationService;
import dk.ligevaerd.workspace.WorkspaceFixture;
import dk.ligevaerd.workspace.WorkspaceService;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * Each side's share of comments and replies, week by week: a reply counts in the week it was
 * written, whatever week its thread began in, and weeks start on Monday in the zone asked for.
 * Expected counts worked out by hand in the comments.
 */
@SpringBootTest(properties = {"ligevaerd.demo.enabled=false",
        "spring.datasource.url=jdbc:h2:file:./target/test-db/weekly-comments-${random.uuid}"})
@Import(TestClockConfig.class)
class WeeklyCommentSharesIT {

    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    @Autowired AccountService accounts;
    @Autowired WorkspaceService workspaces;
    @Autowired InvitationService invitations;
    @Autowired PriorityService priorities;
    @Autowired CommentService comments;
    @Autowired InsightService insight;
    @Autowired MutableClock clock;

    WorkspaceFixture f;
    LocalDate firstWeek;
    LocalDate secondWeek;

    @BeforeEach
    void comments_in_two_weeks() {
        f = new WorkspaceFixture(accounts, workspaces, invitations);
        long priority = as(f.owner, () -> priorities.propose(f.workspaceId, "Faste besøg", "",
                Set.of(ValueLens.SERVICE_QUALITY)));
        // Monday, 10 o'clock in Copenhagen, a week or two ahead: the clock only moves forward.
        firstWeek = Weekly.weekOf(clock.instant(), COPENHAGEN).plusWeeks(2);
        secondWeek = firstWeek.plusWeeks(1);
        moveTo(firstWeek.atTime(10, 0).atZone(COPENHAGEN).toInstant());

        // First week: Kommune starts a thread and replies once, Civilsamfund replies once.
        long first = as(f.participant, () -> comments.startOn(f.workspaceId, TargetKind.PRIORITY, priority,
                "Hvem dækker ferierne?"));
        as(f.otherModerator, () -> comments.reply(f.workspaceId, first, "Foreningen har en vikarliste."));
        as(f.owner, () -> comments.reply(f.workspaceId, first, "Godt, så skriver vi det ind."));

        // Second week, just after midnight on its Monday in Copenhagen (still Sunday in UTC):
        // Civilsamfund starts a thread, answers in it, and replies in the first week's thread.
        moveTo(secondWeek.atTime(LocalTime.of(0, 30)).atZone(COPENHAGEN).toInstant());
        long second = as(f.otherModerator, () -> comments.startOn(f.workspaceId, TargetKind.PRIORITY, priority,
                "Kan besøgene også være i grupper?"));
        clock.advance(Duration.ofHours(12));
        as(f.otherModerator, () -> comments.reply(f.workspaceId, second, "Fx en fast kaffeeftermiddag."));
        clock.advance(Duration.ofDays(2));
        as(f.otherModerator, () -> comments.reply(f.workspaceId, first, "Vikarlisten er opdateret."));
    }

    private void moveTo(Instant target) {
        clock.advance(Duration.between(clock.instant(), target));
    }

    private static Weekly commentsByWeek(EqualityReport report) {
        return report.weeklyMeasures().stream().filter(w -> w.key().equals("comments")).findFirst().orElseThrow();
    }

    @Test
    void each_sides_share_of_comments_and_replies_is_counted_per_week() {
        EqualityReport report = as(f.observer, () -> insight.report(f.workspaceId, null, null, COPENHAGEN));

        Weekly weekly = commentsByWeek(report);
        assertThat(weekly.weeks()).containsOnlyKeys(firstWeek, secondWeek);
        // First week: Kommune 2 (the thread and a reply), Civilsamfund 1; exactly two thirds is no dominance.
        Measure first = weekly.weeks().get(firstWeek);
        assertThat(first.counts()).containsExactly(entry(f.municipalSideId, 2L), entry(f.civilSideId, 1L));
        assertThat(first.share(f.municipalSideId)).isEqualTo(2.0 / 3);
        assertThat(first.dominantSide()).isEmpty();
        // Second week: Civilsamfund 3 (a thread, a reply in it, a reply in the first week's thread), Kommune 0.
        Measure second = weekly.weeks().get(secondWeek);
        assertThat(second.counts()).containsExactly(entry(f.municipalSideId, 0L), entry(f.civilSideId, 3L));
        assertThat(second.share(f.civilSideId)).isEqualTo(1.0);
        assertThat(second.dominantSide()).contains(f.civilSideId);
        // The weeks add up to the period's share of comments and replies.
        Measure all = report.measures().stream().filter(m -> m.key().equals("comments")).findFirst().orElseThrow();
        assertThat(all.counts()).containsExactly(entry(f.municipalSideId, 2L), entry(f.civilSideId, 4L));
    }

    @Test
    void weeks_begin_on_monday_in_the_zone_asked_for() {
        EqualityReport report = as(f.observer, () -> insight.report(f.workspaceId, null, null, ZoneOffset.UTC));

        // In UTC the second thread was started on the first week's Sunday evening.
        Weekly weekly = commentsByWeek(report);
        assertThat(weekly.weeks()).containsOnlyKeys(firstWeek, secondWeek);
        assertThat(weekly.weeks().get(firstWeek).counts()).containsExactly(entry(f.municipalSideId, 2L),
                entry(f.civilSideId, 2L));
        assertThat(weekly.weeks().get(secondWeek).counts()).containsExactly(entry(f.municipalSideId, 0L),
                entry(f.civilSideId, 2L));
    }

    @Test
    void a_period_counts_only_its_own_weeks() {
        Instant from = secondWeek.atStartOfDay(COPENHAGEN).toInstant();
        EqualityReport report = as(f.observer, () -> insight.report(f.workspaceId, from, null, COPENHAGEN));

        assertThat(commentsByWeek(report).weeks()).containsOnlyKeys(secondWeek);
    }
}
