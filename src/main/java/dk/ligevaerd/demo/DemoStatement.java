package dk.ligevaerd.demo;

import dk.ligevaerd.account.UserSummary;
import dk.ligevaerd.statement.CollabService;
import dk.ligevaerd.statement.LiveSnapshot;
import dk.ligevaerd.statement.PushOutcome;
import dk.ligevaerd.statement.StatementService;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A draft purpose statement for the demo workspace, written by both sides change by change through
 * the same path as the live editor, so that authorship, history and versions are real: the
 * municipality starts, civil society widens it, and two versions are saved along the way.
 */
@Component
class DemoStatement {

    private static final String CLIENT = "demo";

    private final CollabService collab;
    private final StatementService statements;

    DemoStatement(CollabService collab, StatementService statements) {
        this.collab = collab;
        this.statements = statements;
    }

    @EventListener
    @Order(10)
    void write(DemoWorkspaceCreated demo) {
        long ws = demo.workspaceId();
        UserSummary kommune1 = demo.user("kommune1");
        UserSummary kommune2 = demo.user("kommune2");
        UserSummary civil1 = demo.user("civil1");
        UserSummary civil2 = demo.user("civil2");

        append(kommune2, ws, "Formål\n\nBesøgsvenner i Vestbyen skal sikre, at ensomme ældre får faste og trygge besøg hver uge.");
        replace(civil1, ws, "hver uge.", "hver uge – og at de ældre selv er med til at bestemme, hvad et godt besøg er.");
        DemoUsers.as(kommune1, () -> statements.saveVersion(ws, "Første udkast"));

        append(civil2, ws, "\n\nTilbuddet bygger på foreningernes frivillige og åbner døre til fællesskaber i Vestbyen: "
                + "klubber, spisefællesskaber og foreningsliv.");
        append(kommune2, ws, "\n\nKommunen samler henvisningerne ét sted, så de frivillige kan bruge deres tid på besøgene.");
        replace(civil1, ws, "ensomme ældre", "ældre, der føler sig alene,");
        replace(kommune1, ws, "samler henvisningerne ét sted", "samler henvisninger og koordinering ét sted");
        DemoUsers.as(civil1, () -> statements.saveVersion(ws, "Udkast til styregruppemødet"));

        append(civil2, ws, "\n\nVi måler succes på, om de ældre oplever at høre til – ikke kun på antallet af besøg.");
    }

    private void append(UserSummary who, long ws, String text) {
        LiveSnapshot now = DemoUsers.as(who, () -> collab.snapshot(ws));
        edit(who, ws, now.text().length(), now.text().length(), text);
    }

    private void replace(UserSummary who, long ws, String old, String text) {
        LiveSnapshot now = DemoUsers.as(who, () -> collab.snapshot(ws));
        int at = now.text().indexOf(old);
        if (at < 0) {
            throw new IllegalStateException("demo text lacks \"" + old + "\"");
        }
        edit(who, ws, at, at + old.length(), text);
    }

    private void edit(UserSummary who, long ws, int from, int to, String text) {
        PushOutcome outcome = DemoUsers.as(who, () -> collab.edit(ws, CLIENT, from, to, text));
        if (!(outcome instanceof PushOutcome.Accepted)) {
            throw new IllegalStateException("demo change refused: " + outcome);
        }
    }
}
