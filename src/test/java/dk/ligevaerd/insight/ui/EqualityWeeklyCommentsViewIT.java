package dk.ligevaerd.insight.ui;

import static dk.ligevaerd.testing.DemoUsers.CIVIL1;
import static dk.ligevaerd.testing.DemoUsers.KOMMUNE1;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import dk.ligevaerd.deliberation.CommentService;
import dk.ligevaerd.deliberation.TargetKind;
import dk.ligevaerd.priority.PriorityService;
import dk.ligevaerd.priority.ValueLens;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.shared.ui.Chart;
import dk.ligevaerd.support.MutableClock;
import dk.ligevaerd.support.TestClockConfig;
import dk.ligevaerd.testing.DemoAppContext;
import dk.ligevaerd.testing.RunAs;
import dk.ligevaerd.workspace.InvitationService;
import dk.ligevaerd.workspace.Role;
import dk.ligevaerd.workspace.WorkspaceService;
import dk.ligevaerd.workspace.ui.WorkspaceListView;
import dk.ligevaerd.workspace.ui.WorkspaceView;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The equality view's picture of each side's share of comments and replies per week: a sentence
 * while all comments fall in one week, then a chart with the same numbers in a table, which also
 * names the side that dominated a week.
 */
@DemoAppContext
@Import(TestClockConfig.class)
@ViewPackages(packages = "dk.ligevaerd")
@WithUserDetails(KOMMUNE1)
class EqualityWeeklyCommentsViewIT extends SpringBrowserlessTest {

    @Autowired WorkspaceService workspaces;
    @Autowired InvitationService invitations;
    @Autowired PriorityService priorities;
    @Autowired CommentService comments;
    @Autowired UserDetailsService users;
    @Autowired MutableClock clock;

    @Test
    void the_weekly_shares_of_comments_appear_once_two_weeks_have_comments() {
        long workspaceId = workspaces.create("Ugentlige drøftelser", "", List.of("Kommune", "Civilsamfund"), 0);
        long civilSide = workspaces.details(workspaceId).sides().get(1).id();
        String token = invitations.create(workspaceId, civilSide, Role.MODERATOR, Duration.ofDays(1)).token();
        RunAs.user(users, CIVIL1, () -> invitations.accept(token));
        long priority = priorities.propose(workspaceId, "Faste besøg", "", Set.of(ValueLens.SERVICE_QUALITY));
        long thread = comments.startOn(workspaceId, TargetKind.PRIORITY, priority, "Hvem dækker ferierne?");

        openEquality(workspaceId);
        Locale locale = UI.getCurrent().getLocale();
        assertThat($(Div.class).withId("equality-weekly-comments").exists()).isTrue();
        assertThat($(Paragraph.class).id("equality-weekly-comments-too-short").getText()).isEqualTo(Messages.get(
                locale, "equality.weeklyTooShort",
                Messages.get(locale, "equality.measure.comments").toLowerCase(locale)));
        assertThat($(Chart.class).withId("equality-weekly-comments-chart").exists()).isFalse();
        assertThat($(Details.class).withId("equality-weekly-comments-table").exists()).isFalse();

        clock.advance(Duration.ofDays(7));
        RunAs.user(users, CIVIL1, () -> comments.reply(workspaceId, thread, "Foreningen har en vikarliste."));
        RunAs.user(users, CIVIL1, () -> comments.reply(workspaceId, thread, "Den er opdateret nu."));
        openEquality(workspaceId);

        assertThat($(Paragraph.class).withId("equality-weekly-comments-too-short").exists()).isFalse();
        Chart chart = $(Chart.class).id("equality-weekly-comments-chart");
        assertThat(chart.getElement().getAttribute("aria-label")).isEqualTo(Messages.get(locale,
                "equality.weeklyAlt", Messages.get(locale, "equality.measure.comments").toLowerCase(locale)));
        // One line per side, one point per week.
        String option = chart.getElement().getProperty("option");
        assertThat(option).contains("\"name\":\"Kommune\"").contains("\"name\":\"Civilsamfund\"")
                .contains("[100.0,0.0]").contains("[0.0,100.0]");
        String table = $(Details.class).id("equality-weekly-comments-table").getElement().getTextRecursively();
        String all = NumberFormat.getPercentInstance(locale).format(1.0);
        // The first week Kommune's one comment, the next Civilsamfund's two replies: each dominates its week.
        assertThat(table).contains(Messages.get(locale, "equality.weekDominant"))
                .contains("1 (" + all + ")").contains("2 (" + all + ")").contains("⚠ Kommune").contains("⚠ Civilsamfund");
    }

    private void openEquality(long workspaceId) {
        // Away and back, so the tab is built afresh with what is counted now.
        navigate(WorkspaceListView.class);
        navigate("workspace/" + workspaceId + "/equality", WorkspaceView.class);
    }
}
