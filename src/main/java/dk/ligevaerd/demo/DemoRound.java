package dk.ligevaerd.demo;

import dk.ligevaerd.account.UserSummary;
import dk.ligevaerd.priority.PriorityService;
import dk.ligevaerd.priority.PriorityView;
import dk.ligevaerd.round.RoundDraft;
import dk.ligevaerd.round.RoundService;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * One closed round over the demo priorities, voted so that equal weight and head count disagree:
 * all three municipal members vote, two of the three civil-society members do. Counted per head,
 * the municipality's favourite (one entry point for referrals) comes first; with each side
 * weighing the same, civil society's favourite (the elderly shape the service) does. The record
 * shows both, with the notice a newcomer should see.
 */
@Component
class DemoRound {

    static final String TITLE = "Hvad skal komme først?";

    private final RoundService rounds;
    private final PriorityService priorities;

    DemoRound(RoundService rounds, PriorityService priorities) {
        this.rounds = rounds;
        this.priorities = priorities;
    }

    @EventListener
    @Order(20)
    void on(DemoWorkspaceCreated demo) {
        long ws = demo.workspaceId();
        UserSummary kommune1 = demo.user("kommune1");
        UserSummary civil1 = demo.user("civil1");
        Map<String, Long> byTitle = DemoUsers.as(kommune1, () -> priorities.list(ws)).stream()
                .collect(Collectors.toMap(PriorityView::title, PriorityView::id, (first, second) -> first));
        long weekly = id(byTitle, "Faste besøg hver uge hos de mest ensomme");
        long entry = id(byTitle, "Én indgang for henvisning og koordinering");
        long elderly = id(byTitle, "De ældre er med til at forme tilbuddet");
        long volunteers = id(byTitle, "Frivillige bestemmer selv deres form");
        long communities = id(byTitle, "Fællesskaber, ikke kun besøg");

        long round = DemoUsers.as(kommune1, () -> rounds.create(ws,
                RoundDraft.dots(TITLE, List.of(weekly, entry, elderly, volunteers, communities), 5, 4, 2)
                        .withSecret(false)));
        DemoUsers.run(kommune1, () -> rounds.open(ws, round));
        for (String municipal : List.of("kommune1", "kommune2", "kommune3")) {
            DemoUsers.run(demo.user(municipal), () -> rounds.castDots(ws, round, Map.of(entry, 3, weekly, 2)));
        }
        DemoUsers.run(civil1, () -> rounds.castDots(ws, round, Map.of(elderly, 4, volunteers, 1)));
        DemoUsers.run(demo.user("civil2"), () -> rounds.castDots(ws, round, Map.of(elderly, 3, communities, 2)));
        DemoUsers.run(kommune1, () -> rounds.confirmClosing(ws, round));
        DemoUsers.run(civil1, () -> rounds.confirmClosing(ws, round));
    }

    private static long id(Map<String, Long> byTitle, String title) {
        Long id = byTitle.get(title);
        if (id == null) {
            throw new IllegalStateException("the demo has no priority called " + title);
        }
        return id;
    }
}
