package dk.ligevaerd.round.ui;

import static dk.ligevaerd.testing.DemoUsers.CIVIL1;
import static dk.ligevaerd.testing.DemoUsers.CIVIL2;
import static dk.ligevaerd.testing.DemoUsers.KOMMUNE1;
import static dk.ligevaerd.testing.DemoUsers.KOMMUNE2;
import static dk.ligevaerd.testing.DemoUsers.WORKSPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.server.VaadinSession;
import dk.ligevaerd.priority.PriorityService;
import dk.ligevaerd.priority.PriorityView;
import dk.ligevaerd.round.DecisionRule;
import dk.ligevaerd.round.RoundDraft;
import dk.ligevaerd.round.RoundService;
import dk.ligevaerd.round.RoundView;
import dk.ligevaerd.round.rules.Vote;
import dk.ligevaerd.shared.LiveEventBus;
import dk.ligevaerd.shared.ui.Sketch;
import dk.ligevaerd.testing.DemoAppContext;
import dk.ligevaerd.testing.RunAs;
import dk.ligevaerd.workspace.WorkspaceService;
import dk.ligevaerd.workspace.WorkspaceSummary;
import dk.ligevaerd.workspace.ui.WorkspaceListView;
import dk.ligevaerd.workspace.ui.WorkspaceView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * A round card states what its rule says now (issue 13): which side has not voted, what blocks a
 * consent round, or what closing now would give; never a percentage the rule does not use. Each
 * state is read as a member would see it, in Danish and in English.
 */
@DemoAppContext
@ViewPackages(packages = "dk.ligevaerd")
class RoundStandingsViewIT extends SpringBrowserlessTest {

    private static final Locale DANISH = Locale.forLanguageTag("da");

    @Autowired WorkspaceService workspaces;
    @Autowired RoundService rounds;
    @Autowired PriorityService priorities;
    @Autowired UserDetailsService users;
    @Autowired LiveEventBus bus;
    @Autowired StandingsDrawings drawings;

    private long workspaceId;
    private final List<Long> made = new ArrayList<>();

    @BeforeEach
    void the_demo_workspace() {
        workspaceId = RunAs.user(users, KOMMUNE1, () -> workspaces.mine().stream()
                .filter(w -> w.name().equals(WORKSPACE)).findFirst().map(WorkspaceSummary::id).orElseThrow());
    }

    @AfterEach
    void the_rounds_are_cancelled() {
        for (long id : made) {
            RunAs.user(users, KOMMUNE1, () -> {
                rounds.cancel(workspaceId, id, "Test over");
                return null;
            });
        }
    }

    @Test
    @WithUserDetails(KOMMUNE2)
    void a_consent_round_says_who_has_not_voted_what_blocks_it_and_never_a_support_figure() {
        long round = open(RoundDraft.adopt("Samtykke live", null, DecisionRule.CONSENT));

        String da = standings(round, DANISH);
        String en = standings(round, Locale.ENGLISH);
        assertThat(da).contains("Ingen afgørelse endnu: Kommune har ikke stemt og Civilsamfund har ikke stemt.")
                .doesNotContain("%").doesNotContain("vedtaget");
        assertThat(en).contains("No decision yet: Kommune has not voted and Civilsamfund has not voted.")
                .doesNotContain("%").doesNotContain("adopted");

        vote(KOMMUNE1, round, Vote.YES, null);
        da = standings(round, DANISH);
        en = standings(round, Locale.ENGLISH);
        assertThat(da).contains("Ingen afgørelse endnu: Civilsamfund har ikke stemt.")
                .doesNotContain("Kommune har ikke stemt").doesNotContain("%").doesNotContain("vedtaget");
        assertThat(en).contains("No decision yet: Civilsamfund has not voted.").doesNotContain("%")
                .doesNotContain("adopted");

        vote(CIVIL1, round, Vote.OBJECT, "Frivillige nævnes ikke");
        da = standings(round, DANISH);
        en = standings(round, Locale.ENGLISH);
        assertThat(da).contains("Blokeret af en indsigelse").contains("Civilsamfund Frivillige nævnes ikke")
                .doesNotContain("%").doesNotContain("Ingen afgørelse endnu");
        assertThat(en).contains("Blocked by an objection").contains("Civilsamfund Frivillige nævnes ikke")
                .doesNotContain("%");

        vote(CIVIL1, round, Vote.YES, null);
        assertThat(standings(round, DANISH))
                .contains("Hvis runden lukkede nu, ville teksten blive vedtaget: ingen har gjort indsigelse.")
                .contains("Ingen indsigelser indtil nu.").doesNotContain("%");
        assertThat(standings(round, Locale.ENGLISH))
                .contains("If the round closed now, the text would be adopted: nobody has objected.")
                .doesNotContain("%");
    }

    @Test
    @WithUserDetails(KOMMUNE2)
    void side_parity_and_double_majority_name_what_they_decide_by() {
        long parity = open(RoundDraft.adopt("Paritet live", null, DecisionRule.SIDE_PARITY));
        long both = open(RoundDraft.adopt("Dobbelt live", null, DecisionRule.DOUBLE_MAJORITY));
        for (long round : List.of(parity, both)) {
            vote(KOMMUNE1, round, Vote.YES, null);
            vote(CIVIL1, round, Vote.NO, null);
        }

        assertThat(standings(parity, DANISH)).contains("Hvis runden lukkede nu, ville teksten ikke blive vedtaget: "
                + "med lige vægt til hver side er opbakningen 50,0 %, ikke over 50 %.");
        assertThat(standings(parity, Locale.ENGLISH)).contains("If the round closed now, the text would not be "
                + "adopted: with every side weighing the same, support is 50").contains(", not above 50 %.");
        assertThat(standings(both, DANISH)).contains("Hvis runden lukkede nu, ville teksten ikke blive vedtaget: "
                + "opbakningen er ikke over 50 % hos Civilsamfund.")
                .doesNotContain("med lige vægt til hver side er opbakningen");
        assertThat(standings(both, Locale.ENGLISH)).contains("If the round closed now, the text would not be adopted: "
                + "support is not above 50 % in Civilsamfund.");
    }

    @Test
    @WithUserDetails(KOMMUNE2)
    void a_secret_consent_round_shows_each_objections_side_live_but_not_its_reason() {
        long round = open(RoundDraft.adopt("Hemmeligt samtykke", null, DecisionRule.CONSENT).withSecret(true));
        navigate(WorkspaceView.class, Map.of("workspaceId", String.valueOf(workspaceId), "section", "rounds"));
        takeInLiveEvents();
        Div standings = $(Div.class).id("round-standings-" + round);
        assertThat(standings.getElement().getTextRecursively()).contains("Ingen indsigelser indtil nu.");

        vote(CIVIL2, round, Vote.OBJECT, "Et ord kun jeg bruger");
        takeInLiveEvents();

        // The same card, redrawn in place by the live event.
        String shown = $(Div.class).id("round-standings-" + round).getElement().getTextRecursively();
        assertThat(shown).contains("Én indsigelse").contains("Civilsamfund")
                .contains("i en hemmelig runde vises begrundelsen i protokollen")
                .doesNotContain("Et ord kun jeg bruger").doesNotContain("Blokeret");
        assertThat(standings(round, Locale.ENGLISH)).contains("One objection").contains("Civilsamfund")
                .doesNotContain("Et ord kun jeg bruger");
    }

    @Test
    @WithUserDetails(KOMMUNE2)
    void dot_voting_says_which_priorities_closing_now_would_adopt() {
        List<PriorityView> three = RunAs.user(users, KOMMUNE1, () -> priorities.list(workspaceId)).stream()
                .limit(3).toList();
        long round = open(RoundDraft.dots("Prikker live", three.stream().map(PriorityView::id).toList(), 5, 5, 1)
                .withAdoptOnlyWithEverySide(true));
        String first = three.get(0).title();
        String second = three.get(1).title();
        RunAs.user(users, KOMMUNE1, () -> {
            rounds.castDots(workspaceId, round, Map.of(three.get(0).id(), 5));
            return null;
        });
        assertThat(standings(round, DANISH)).contains("Ingen afgørelse endnu: Civilsamfund har ikke stemt.");
        assertThat(standings(round, Locale.ENGLISH)).contains("No decision yet: Civilsamfund has not voted.");

        RunAs.user(users, CIVIL1, () -> {
            rounds.castDots(workspaceId, round, Map.of(three.get(1).id(), 5));
            return null;
        });
        // Each side gave its points to one priority only, so no priority has points from both.
        assertThat(standings(round, DANISH)).contains("Hvis runden lukkede nu, ville ingen prioritet blive vedtaget.");
        assertThat(standings(round, Locale.ENGLISH)).contains("If the round closed now, no priority would be adopted.");

        RunAs.user(users, CIVIL1, () -> {
            rounds.castDots(workspaceId, round, Map.of(three.get(0).id(), 1, three.get(1).id(), 4));
            return null;
        });
        assertThat(standings(round, DANISH)).contains("Hvis runden lukkede nu, ville denne prioritet blive vedtaget: “"
                + first + "”.").doesNotContain("“" + second + "”.");
        assertThat(standings(round, Locale.ENGLISH)).contains("If the round closed now, this priority would be "
                + "adopted: “" + first + "”.");
    }

    @Test
    @WithUserDetails(KOMMUNE2)
    void the_standings_are_drawn_once_per_change_and_language_for_every_page_whatever_the_viewer() {
        List<Long> options = RunAs.user(users, KOMMUNE1, () -> priorities.list(workspaceId)).stream().limit(2)
                .map(PriorityView::id).toList();
        long round = open(RoundDraft.dots("Tegnet én gang", options, 5, 5, 1));
        RunAs.user(users, KOMMUNE1, () -> {
            rounds.castDots(workspaceId, round, Map.of(options.getFirst(), 5));
            return null;
        });
        // The voter's own view holds their ballot; another member's does not: the standings are the same.
        RoundView voters = RunAs.user(users, KOMMUNE1, () -> rounds.get(workspaceId, round));
        RoundView others = RunAs.user(users, CIVIL1, () -> rounds.get(workspaceId, round));
        assertThat(voters).isNotEqualTo(others);
        java.util.concurrent.atomic.AtomicInteger drawn = new java.util.concurrent.atomic.AtomicInteger();
        java.util.function.Function<RoundView, Sketch> draw = everyone -> {
            assertThat(everyone.myBallot()).as("drawn from the round as everyone sees it").isNull();
            drawn.incrementAndGet();
            return Sketch.of(new com.vaadin.flow.dom.Element("div"));
        };

        drawings.of(voters, DANISH, draw);
        drawings.of(others, DANISH, draw);
        assertThat(drawn).as("one drawing for both pages in Danish").hasValue(1);
        drawings.of(others, Locale.ENGLISH, draw);
        assertThat(drawn).as("English has its own").hasValue(2);

        RunAs.user(users, CIVIL1, () -> {
            rounds.castDots(workspaceId, round, Map.of(options.getLast(), 5));
            return null;
        });
        drawings.of(RunAs.user(users, CIVIL1, () -> rounds.get(workspaceId, round)), DANISH, draw);
        assertThat(drawn).as("a ballot changed the standings").hasValue(3);

        drawings.forget(round);
        drawings.of(RunAs.user(users, CIVIL1, () -> rounds.get(workspaceId, round)), DANISH, draw);
        assertThat(drawn).as("drawn afresh once forgotten").hasValue(4);
    }

    private long open(RoundDraft draft) {
        long id = RunAs.user(users, KOMMUNE1, () -> {
            long created = rounds.create(workspaceId, draft);
            rounds.open(workspaceId, created);
            return created;
        });
        made.add(id);
        return id;
    }

    private void vote(String voter, long round, Vote vote, String reason) {
        RunAs.user(users, voter, () -> {
            rounds.castAdopt(workspaceId, round, vote, reason);
            return null;
        });
    }

    /** The round's standings as a fresh Rounds tab shows them in this language. */
    private String standings(long round, Locale locale) {
        UI.getCurrent().setLocale(locale);
        VaadinSession.getCurrent().setLocale(locale);
        // Away and back, so the page is built afresh in the language, as the language switch's reload does.
        navigate(WorkspaceListView.class);
        navigate(WorkspaceView.class, Map.of("workspaceId", String.valueOf(workspaceId), "section", "rounds"));
        takeInLiveEvents();
        // Percentages come with the locale's own (no-break) space before the sign.
        String text = $(Div.class).id("round-standings-" + round).getElement().getTextRecursively()
                .replace('\u00a0', ' ').replace('\u202f', ' ');
        UI.getCurrent().setLocale(DANISH);
        VaadinSession.getCurrent().setLocale(DANISH);
        return text;
    }

    private void takeInLiveEvents() {
        VaadinSession session = VaadinSession.getCurrent();
        await().pollInSameThread().pollInterval(Duration.ofMillis(20)).atMost(Duration.ofSeconds(30)).until(() -> {
            session.getService().runPendingAccessTasks(session);
            return bus.idle() && session.getPendingAccessQueue().isEmpty();
        });
    }
}
