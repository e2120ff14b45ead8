package dk.ligevaerd.demo;

import dk.ligevaerd.account.UserSummary;
import dk.ligevaerd.deliberation.CommentService;
import dk.ligevaerd.deliberation.TargetKind;
import dk.ligevaerd.priority.PriorityService;
import dk.ligevaerd.priority.PriorityView;
import dk.ligevaerd.round.RoundService;
import dk.ligevaerd.round.RoundView;
import dk.ligevaerd.statement.CollabService;
import dk.ligevaerd.statement.LiveSnapshot;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A few comment threads in the demo workspace, so a newcomer sees the discussion: a question about
 * a passage of the statement answered by the other side, a resolved thread on a priority, and a
 * remark on the closed round's record. Written through the real service, after the statement and
 * the round.
 */
@Component
class DemoDiscussion {

    private final CommentService comments;
    private final CollabService collab;
    private final PriorityService priorities;
    private final RoundService rounds;

    DemoDiscussion(CommentService comments, CollabService collab, PriorityService priorities, RoundService rounds) {
        this.comments = comments;
        this.collab = collab;
        this.priorities = priorities;
        this.rounds = rounds;
    }

    @EventListener
    @Order(30)
    void on(DemoWorkspaceCreated demo) {
        long ws = demo.workspaceId();
        UserSummary kommune1 = demo.user("kommune1");
        UserSummary kommune2 = demo.user("kommune2");
        UserSummary civil1 = demo.user("civil1");
        UserSummary civil2 = demo.user("civil2");

        long onMeasure = onPassage(civil2, ws, "høre til",
                "Hvordan vil vi vide, om de ældre oplever at høre til? Skal vi spørge dem selv en gang om året?");
        DemoUsers.as(kommune2, () -> comments.reply(ws, onMeasure,
                "Vi kan bruge trivselsmålingen, men et kort interview lavet af foreningerne er nok bedre."));
        DemoUsers.as(civil2, () -> comments.reply(ws, onMeasure, "Enig – lad os skrive det ind i næste udkast."));

        long onCoordination = onPassage(civil1, ws, "samler henvisninger og koordinering ét sted",
                "Betyder det, at kommunen også bestemmer, hvem der bliver besøgsven?");
        DemoUsers.as(kommune1, () -> comments.reply(ws, onCoordination,
                "Nej, kun at henvisningerne kommer ét sted fra. Foreningerne matcher selv."));

        long entry = DemoUsers.as(kommune1, () -> priorities.list(ws)).stream()
                .filter(p -> p.title().startsWith("Én indgang")).map(PriorityView::id).findFirst().orElseThrow();
        long onPriority = DemoUsers.as(civil1, () -> comments.startOn(ws, TargetKind.PRIORITY, entry,
                "Hvem får henvisningerne, når den ansvarlige er på ferie?"));
        DemoUsers.as(kommune2, () -> comments.reply(ws, onPriority, "Ældreområdets sekretariat dækker ind."));
        DemoUsers.run(civil1, () -> comments.resolve(ws, onPriority));

        long round = DemoUsers.as(kommune1, () -> rounds.list(ws)).stream()
                .filter(r -> r.title().equals(DemoRound.TITLE)).map(RoundView::id).findFirst().orElseThrow();
        // The round is closed by now, so the remark is on its record; were it not, on the round.
        TargetKind onRecord = DemoUsers.as(civil2, () -> rounds.record(ws, round)).isPresent() ? TargetKind.RECORD
                : TargetKind.ROUND;
        DemoUsers.as(civil2, () -> comments.startOn(ws, onRecord, round,
                "Kommunen stemte samlet, men uden paritet ville vores forslag være endt længere nede."));
    }

    private long onPassage(UserSummary who, long ws, String words, String body) {
        LiveSnapshot now = DemoUsers.as(who, () -> collab.snapshot(ws));
        int at = now.text().indexOf(words);
        if (at < 0) {
            throw new IllegalStateException("demo text lacks \"" + words + "\"");
        }
        return DemoUsers.as(who, () -> comments.startOnPassage(ws, now.version(), at, at + words.length(), body));
    }
}
