package dk.ligevaerd.workspace.ui;

import static dk.ligevaerd.testing.DemoUsers.CIVIL1;
import static dk.ligevaerd.testing.DemoUsers.CIVIL2;
import static dk.ligevaerd.testing.DemoUsers.CIVIL3;
import static dk.ligevaerd.testing.DemoUsers.KOMMUNE1;
import static dk.ligevaerd.testing.DemoUsers.KOMMUNE2;
import static dk.ligevaerd.testing.DemoUsers.KOMMUNE3;
import static dk.ligevaerd.testing.DemoUsers.WORKSPACE;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import dk.ligevaerd.priority.PriorityService;
import dk.ligevaerd.priority.PriorityView;
import dk.ligevaerd.priority.ValueLens;
import dk.ligevaerd.round.RoundDraft;
import dk.ligevaerd.round.RoundService;
import dk.ligevaerd.shared.LiveEventBus;
import dk.ligevaerd.testing.DemoAppContext;
import dk.ligevaerd.testing.LiveEvents;
import dk.ligevaerd.testing.RunAs;
import dk.ligevaerd.workspace.WorkspaceDetails;
import dk.ligevaerd.workspace.WorkspaceService;
import dk.ligevaerd.workspace.WorkspaceSummary;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * What a live event does to an open workspace page, with real services and the real bus: a ballot
 * updates its round's card and nothing else, and a burst of ballots costs the page a few updates.
 * Ballots are cast while the test holds the page's session, as a request would, so the page can
 * take them in only when the test lets its pending work run.
 */
@DemoAppContext
@ViewPackages(packages = "dk.ligevaerd")
class WorkspaceLiveUpdatesIT extends SpringBrowserlessTest {

    private static final List<String> VOTERS = List.of(KOMMUNE1, KOMMUNE2, KOMMUNE3, CIVIL1, CIVIL2, CIVIL3);
    private static final Pattern FIRST_NUMBER = Pattern.compile("\\d+");

    @Autowired WorkspaceService workspaces;
    @Autowired PriorityService priorities;
    @Autowired RoundService rounds;
    @Autowired LiveEventBus bus;
    @Autowired UserDetailsService users;

    private long workspaceId;
    private long roundId;
    private List<Long> options;
    private WorkspaceDetails details;

    @BeforeEach
    void an_open_round() {
        workspaceId = RunAs.user(users, KOMMUNE1, () -> workspaces.mine().stream()
                .filter(w -> w.name().equals(WORKSPACE)).findFirst().map(WorkspaceSummary::id).orElseThrow());
        details = RunAs.user(users, KOMMUNE1, () -> workspaces.details(workspaceId));
        options = RunAs.user(users, KOMMUNE1, () -> priorities.list(workspaceId)).stream().map(PriorityView::id)
                .limit(3).toList();
        roundId = RunAs.user(users, KOMMUNE1, () -> {
            long id = rounds.create(workspaceId, RoundDraft.dots("Live updates", options, 5, 5, 1).withSecret(false));
            rounds.open(workspaceId, id);
            return id;
        });
    }

    @AfterEach
    void the_round_is_cancelled() {
        RunAs.user(users, KOMMUNE1, () -> {
            rounds.cancel(workspaceId, roundId, "Test over");
            return null;
        });
    }

    @Test
    @WithUserDetails(KOMMUNE2)
    void a_ballot_updates_its_rounds_card_and_redraws_no_other_panel() {
        open("priorities");
        List<Component> priorityCards = $(Div.class).withClassName("priority-card").all().stream()
                .map(Component.class::cast).toList();
        List<Component> frame = frame();
        assertThat(priorityCards).isNotEmpty();

        cast(CIVIL2, 1);
        LiveEvents.takeIn(bus);

        assertThat($(Div.class).withClassName("priority-card").all()).containsExactlyElementsOf(
                priorityCards.stream().map(Div.class::cast).toList());
        assertThat(frame()).containsExactlyElementsOf(frame);

        open("rounds");
        assertThat(ballotsShown(civilSide())).isEqualTo(1);
    }

    @Test
    @WithUserDetails(KOMMUNE2)
    void forty_ballots_in_a_burst_cost_the_page_a_few_updates_and_end_at_the_right_count() {
        open("rounds");
        Component card = $(Div.class).id("round-" + roundId);
        List<Component> frame = frame();
        int updatesBefore = view().liveUpdates();

        for (int i = 0; i < 40; i++) {
            cast(VOTERS.get(i % VOTERS.size()), 1 + i % 3);
        }
        LiveEvents.takeIn(bus);

        assertThat(view().liveUpdates() - updatesBefore).isBetween(1, 3);
        assertThat(ballotsShown(municipalSide())).isEqualTo(3);
        assertThat(ballotsShown(civilSide())).isEqualTo(3);
        assertThat($(Div.class).id("round-" + roundId)).isSameAs(card);
        assertThat(frame()).containsExactlyElementsOf(frame);
    }

    @Test
    @WithUserDetails(KOMMUNE2)
    void a_ballot_changes_the_counts_in_place_and_they_read_as_a_fresh_page_would() {
        open("rounds");
        Div card = $(Div.class).id("round-" + roundId);
        Div live = $(Div.class).id("round-live-" + roundId);
        List<Component> cardParts = card.getChildren().toList();
        List<Component> liveParts = live.getChildren().toList();
        Span civilCount = $(Span.class).id("turnout-" + roundId + "-" + civilSide());
        Span municipalCount = $(Span.class).id("turnout-" + roundId + "-" + municipalSide());
        Div form = ballotForm();

        cast(CIVIL2, 2);
        cast(CIVIL3, 1);
        LiveEvents.takeIn(bus);

        // The same components, with new text: nothing of the card was built again.
        assertThat(card.getChildren().toList()).containsExactlyElementsOf(cardParts);
        assertThat(live.getChildren().toList()).containsExactlyElementsOf(liveParts);
        assertThat($(Span.class).id("turnout-" + roundId + "-" + civilSide())).isSameAs(civilCount);
        assertThat($(Span.class).id("turnout-" + roundId + "-" + municipalSide())).isSameAs(municipalCount);
        assertThat(ballotForm()).isSameAs(form);
        assertThat(ballotsShown(civilSide())).isEqualTo(2);
        assertThat(ballotsShown(municipalSide())).isZero();
        String liveShown = live.getElement().getTextRecursively();
        String standingsShown = $(Div.class).id("round-standings-" + roundId).getElement().getTextRecursively();

        open("rounds");
        assertThat($(Div.class).id("round-live-" + roundId).getElement().getTextRecursively()).isEqualTo(liveShown);
        assertThat($(Div.class).id("round-standings-" + roundId).getElement().getTextRecursively())
                .isEqualTo(standingsShown);
    }

    @Test
    @WithUserDetails(KOMMUNE2)
    void a_secret_round_shows_its_new_turnout_and_still_no_standings() {
        long secret = RunAs.user(users, KOMMUNE1, () -> {
            long id = rounds.create(workspaceId, RoundDraft.dots("Secret live", options, 5, 5, 1).withSecret(true));
            rounds.open(workspaceId, id);
            return id;
        });
        try {
            open("rounds");
            Span count = $(Span.class).id("turnout-" + secret + "-" + civilSide());
            String hidden = $(Div.class).id("round-standings-" + secret).getElement().getTextRecursively();

            RunAs.user(users, CIVIL2, () -> {
                rounds.castDots(workspaceId, secret, Map.of(options.getFirst(), 3));
                return null;
            });
            LiveEvents.takeIn(bus);

            assertThat($(Span.class).id("turnout-" + secret + "-" + civilSide())).isSameAs(count);
            assertThat(count.getText().trim()).startsWith("1 ");
            assertThat($(Div.class).id("round-standings-" + secret).getElement().getTextRecursively())
                    .isEqualTo(hidden);
        } finally {
            RunAs.user(users, KOMMUNE1, () -> {
                rounds.cancel(workspaceId, secret, "Test over");
                return null;
            });
        }
    }

    @Test
    @WithUserDetails(KOMMUNE2)
    void a_new_priority_adds_its_card_and_keeps_the_others() {
        open("priorities");
        List<Div> before = $(Div.class).withClassName("priority-card").all();

        long proposed = RunAs.user(users, CIVIL2, () -> priorities.propose(workspaceId, "Live row", "",
                Set.of(ValueLens.PARTICIPATION)));
        try {
            LiveEvents.takeIn(bus);

            List<Div> after = $(Div.class).withClassName("priority-card").all();
            assertThat(after).hasSize(before.size() + 1).containsAll(before);
            assertThat(after.stream().filter(c -> !before.contains(c)).map(c -> c.getElement()
                    .getAttribute("data-priority"))).containsExactly(String.valueOf(proposed));
        } finally {
            RunAs.user(users, CIVIL2, () -> {
                priorities.withdraw(workspaceId, proposed);
                return null;
            });
        }
    }

    @Test
    @WithUserDetails(KOMMUNE2)
    void a_recorded_event_adds_one_entry_on_top_of_the_history_and_keeps_the_others() {
        open("history");
        List<ListItem> before = $(ListItem.class).withClassName("activity-item").all();

        long proposed = RunAs.user(users, CIVIL2, () -> priorities.propose(workspaceId, "Live entry", "",
                Set.of(ValueLens.PARTICIPATION)));
        try {
            LiveEvents.takeIn(bus);

            List<ListItem> after = $(ListItem.class).withClassName("activity-item").all();
            assertThat(after).hasSize(before.size() + 1);
            assertThat(after.subList(1, after.size())).containsExactlyElementsOf(before);
            assertThat(after.getFirst().getElement().getAttribute("data-kind")).isEqualTo("priority.proposed");
        } finally {
            RunAs.user(users, CIVIL2, () -> {
                priorities.withdraw(workspaceId, proposed);
                return null;
            });
        }
    }

    private void open(String tab) {
        navigate(WorkspaceView.class, Map.of("workspaceId", String.valueOf(workspaceId), "section", tab));
        // This page's own arrival is a live event too.
        LiveEvents.takeIn(bus);
    }

    private WorkspaceView view() {
        return $(WorkspaceView.class).single();
    }

    /** The parts of the page around the tabs: who I am, who is here. */
    private List<Component> frame() {
        return Stream.concat($(Div.class).withClassName("my-place").single().getChildren(),
                $(OnlinePanel.class).single().getChildren()).toList();
    }

    private void cast(String voter, int points) {
        RunAs.user(users, voter, () -> {
            rounds.castDots(workspaceId, roundId, Map.of(options.getFirst(), points));
            return null;
        });
    }


    private long municipalSide() {
        return details.sides().get(0).id();
    }

    private long civilSide() {
        return details.sides().get(1).id();
    }

    private Div ballotForm() {
        List<Div> forms = $(Div.class).withClassName("ballot-form").all().stream()
                .filter(form -> String.valueOf(roundId).equals(form.getElement().getAttribute("data-round"))).toList();
        assertThat(forms).hasSize(1);
        return forms.getFirst();
    }

    private int ballotsShown(long sideId) {
        String text = $(Span.class).id("turnout-" + roundId + "-" + sideId).getText();
        Matcher number = FIRST_NUMBER.matcher(text);
        assertThat(number.find()).as(text).isTrue();
        return Integer.parseInt(number.group());
    }
}
