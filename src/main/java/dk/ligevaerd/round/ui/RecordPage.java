package dk.ligevaerd.round.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import dk.ligevaerd.round.RecordExportService;
import dk.ligevaerd.round.RecordView;
import dk.ligevaerd.round.RoundService;
import dk.ligevaerd.shared.NotFoundOrNoAccessException;
import dk.ligevaerd.workspace.WorkspaceDetails;
import dk.ligevaerd.workspace.WorkspaceService;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One decision record on a page of its own, {@code /workspace/5/record/3}: what a committee member
 * is sent a link to, what the history points at, and what is printed or downloaded for the case
 * file. Anyone in the workspace may read it, observers included; to anyone else it does not exist.
 */
@Route("workspace/:workspaceId/record/:seq")
@PermitAll
public class RecordPage extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final RoundService rounds;
    private final RecordExportService exports;
    private final WorkspaceService workspaces;
    private String title = "Ligeværd";

    public RecordPage(RoundService rounds, RecordExportService exports, WorkspaceService workspaces) {
        this.rounds = rounds;
        this.exports = exports;
        this.workspaces = workspaces;
        addClassNames("page", "record-page");
        setId("record-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        long workspaceId;
        long seq;
        WorkspaceDetails details;
        RecordView record;
        List<Long> numbers;
        try {
            workspaceId = Long.parseLong(event.getRouteParameters().get("workspaceId").orElse(""));
            seq = Long.parseLong(event.getRouteParameters().get("seq").orElse(""));
            details = workspaces.details(workspaceId);
            record = rounds.recordBySeq(workspaceId, seq).orElseThrow(NotFoundOrNoAccessException::new);
            numbers = rounds.recordNumbers(workspaceId);
        } catch (NumberFormatException | NotFoundOrNoAccessException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        title = getTranslation("record.title", seq) + " · " + details.name() + " · Ligeværd";
        String base = "workspace/" + workspaceId;

        Nav crumbs = new Nav();
        crumbs.addClassName("breadcrumbs");
        crumbs.getElement().setAttribute("aria-label", getTranslation("record.page.breadcrumbs"));
        Anchor workspace = new Anchor(base, details.name());
        workspace.setId("record-page-workspace");
        Anchor roundsTab = new Anchor(base + "/rounds", getTranslation("workspace.tab.rounds"));
        roundsTab.setId("record-page-rounds");
        // The trail ends where the reader is: this record, not the History tab it may be reached from.
        Span here = new Span(getTranslation("record.title", seq));
        here.setId("record-page-here");
        here.getElement().setAttribute("aria-current", "page");
        crumbs.add(workspace, separator(), roundsTab, separator(), here);

        H1 heading = new H1(getTranslation("record.title", seq));
        heading.setId("record-page-title");
        Paragraph subtitle = new Paragraph(record.title());
        subtitle.addClassName("record-page-round");
        subtitle.setId("record-page-round");

        Div panel = new Div(new RecordPanel(record, exports, workspaceId, getLocale(), false));
        panel.addClassName("record-page-panel");

        Anchor equality = new Anchor(base + "/equality?round=" + record.roundId(),
                getTranslation("record.page.equality"));
        equality.setId("record-page-equality");
        equality.addClassName("record-page-equality");
        // Into the discussion with its form opened on this record, as the record's card on the Rounds tab leads.
        Anchor discuss = new Anchor(base + "/discussion?on=record&item=" + record.roundId(),
                getTranslation("record.discuss"));
        discuss.setId("record-page-discuss");
        discuss.addClassName("record-page-discuss");
        Anchor history = new Anchor(base + "/history?area=round", getTranslation("record.page.history"));
        history.setId("record-page-history");
        history.addClassName("record-page-history");

        add(crumbs, heading, subtitle, panel, equality, discuss, history, neighbours(base, seq, numbers));
    }

    /** Links to the records before and after this one in the chain. */
    private Nav neighbours(String base, long seq, List<Long> numbers) {
        Nav nav = new Nav();
        nav.addClassName("record-neighbours");
        nav.getElement().setAttribute("aria-label", getTranslation("record.page.neighbours"));
        int at = numbers.indexOf(seq);
        @Nullable Long before = at > 0 ? numbers.get(at - 1) : null;
        @Nullable Long after = at >= 0 && at < numbers.size() - 1 ? numbers.get(at + 1) : null;
        if (before != null) {
            Anchor previous = new Anchor(base + "/record/" + before, "← " + getTranslation("record.title", before));
            previous.setId("record-page-previous");
            nav.add(previous);
        }
        if (after != null) {
            Anchor next = new Anchor(base + "/record/" + after, getTranslation("record.title", after) + " →");
            next.setId("record-page-next");
            nav.add(next);
        }
        return nav;
    }

    private static Span separator() {
        Span s = new Span(" › ");
        s.getElement().setAttribute("aria-hidden", "true");
        return s;
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
