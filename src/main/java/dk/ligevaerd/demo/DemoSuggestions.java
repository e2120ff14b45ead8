package dk.ligevaerd.demo;

import dk.ligevaerd.account.UserSummary;
import dk.ligevaerd.statement.CollabService;
import dk.ligevaerd.statement.LiveSnapshot;
import dk.ligevaerd.suggestion.SuggestionService;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Two suggested changes in the demo workspace, so a newcomer sees the flow: one by civil society
 * that the municipality accepts (it goes into the text, written by its proposer), and one by the
 * municipality that civil society declines with a reason.
 */
@Component
class DemoSuggestions {

    private final SuggestionService suggestions;
    private final CollabService collab;

    DemoSuggestions(SuggestionService suggestions, CollabService collab) {
        this.suggestions = suggestions;
        this.collab = collab;
    }

    @EventListener
    @Order(15)
    void on(DemoWorkspaceCreated demo) {
        long ws = demo.workspaceId();
        UserSummary civil1 = demo.user("civil1");
        UserSummary civil2 = demo.user("civil2");
        UserSummary kommune1 = demo.user("kommune1");
        UserSummary kommune3 = demo.user("kommune3");

        long accepted = suggest(civil2, ws, "faste og trygge besøg", "faste, trygge og meningsfulde besøg",
                "Et besøg skal give mening for den ældre, ikke kun komme til tiden.");
        DemoUsers.as(kommune1, () -> suggestions.accept(ws, accepted));

        long declined = suggest(kommune3, ws, " – ikke kun på antallet af besøg", " og på antallet af besøg",
                "Byrådet vil kunne følge antallet af besøg.");
        DemoUsers.run(civil1, () -> suggestions.decline(ws, declined,
                "Antallet af besøg må ikke blive målet i sig selv; det er netop det, formålet skal værne om."));
    }

    private long suggest(UserSummary who, long ws, String old, String text, String reason) {
        LiveSnapshot now = DemoUsers.as(who, () -> collab.snapshot(ws));
        int at = now.text().indexOf(old);
        if (at < 0) {
            throw new IllegalStateException("demo text lacks \"" + old + "\"");
        }
        return DemoUsers.as(who, () -> suggestions.suggest(ws, now.version(), at, at + old.length(), text, reason));
    }
}
