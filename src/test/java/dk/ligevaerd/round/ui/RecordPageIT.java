package dk.ligevaerd.round.ui;

import static dk.ligevaerd.testing.DemoUsers.CIVIL2;
import static dk.ligevaerd.testing.DemoUsers.KOMMUNE1;
import static dk.ligevaerd.testing.DemoUsers.OBSERVER1;
import static dk.ligevaerd.testing.DemoUsers.WORKSPACE;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.NativeDetails;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.round.RecordView;
import dk.ligevaerd.round.RoundService;
import dk.ligevaerd.shared.ui.Markup;
import dk.ligevaerd.testing.DemoAppContext;
import dk.ligevaerd.testing.RunAs;
import dk.ligevaerd.ui.NotFoundOrNoAccessView;
import dk.ligevaerd.workspace.WorkspaceService;
import dk.ligevaerd.workspace.WorkspaceSummary;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/** A decision record on a page of its own: for everyone in the workspace, for nobody else. */
@DemoAppContext
@ViewPackages(packages = "dk.ligevaerd")
class RecordPageIT extends SpringBrowserlessTest {

    @Autowired WorkspaceService workspaces;
    @Autowired RoundService rounds;
    @Autowired AccountService accounts;

    private long demoWorkspace() {
        return workspaces.mine().stream().filter(w -> w.name().equals(WORKSPACE)).findFirst()
                .map(WorkspaceSummary::id).orElseThrow();
    }

    @Test
    @WithUserDetails(OBSERVER1)
    void an_observer_reads_the_demo_record_with_links_to_its_history_equality_and_discussion() {
        long id = demoWorkspace();
        RecordView record = rounds.recordBySeq(id, 1).orElseThrow();

        navigate("workspace/" + id + "/record/1", RecordPage.class);

        assertThat($(H1.class).id("record-page-title").getText()).isEqualTo("Beslutningsprotokol nr. 1");
        assertThat($(Paragraph.class).id("record-page-round").getText()).isEqualTo(record.title());
        assertThat($(RecordPanel.class).single().getElement().getAttribute("data-record-seq")).isEqualTo("1");
        assertThat($(Anchor.class).id("record-page-equality").getHref())
                .isEqualTo("workspace/" + id + "/equality?round=" + record.roundId());
        assertThat($(Anchor.class).id("record-page-discuss").getHref())
                .isEqualTo("workspace/" + id + "/discussion?on=record&item=" + record.roundId());
        assertThat($(Anchor.class).id("record-page-discuss").getText()).isEqualTo("Drøft beslutningsprotokollen");
        assertThat($(Anchor.class).id("record-page-history").getHref()).isEqualTo("workspace/" + id + "/history?area=round");
        assertThat($(Anchor.class).id("record-page-history").getText()).isEqualTo("Alle beslutninger i historikken");
    }

    @Test
    @WithUserDetails(OBSERVER1)
    void the_breadcrumb_ends_with_the_record_itself() {
        long id = demoWorkspace();

        navigate("workspace/" + id + "/record/1", RecordPage.class);

        Nav crumbs = $(Nav.class).withClassName("breadcrumbs").single();
        List<Component> trail = crumbs.getChildren().filter(c -> !"true".equals(c.getElement().getAttribute("aria-hidden")))
                .toList();
        assertThat(trail).hasSize(3);
        assertThat(trail.get(0).getElement().getAttribute("href")).isEqualTo("workspace/" + id);
        assertThat(trail.get(1).getElement().getAttribute("href")).isEqualTo("workspace/" + id + "/rounds");
        assertThat(trail.get(2).getElement().getText()).isEqualTo("Beslutningsprotokol nr. 1");
        assertThat(trail.get(2).getElement().getAttribute("aria-current")).isEqualTo("page");
        assertThat(crumbs.getElement().getTextRecursively()).doesNotContain("Historik");
        assertThat($(Anchor.class).withId("record-page-previous").exists()).isFalse();
    }

    @Test
    @WithUserDetails(CIVIL2)
    void outsiders_missing_records_and_malformed_numbers_get_the_not_found_page() {
        long demo = demoWorkspace();
        long kommunesOwn = RunAs.user(accounts, KOMMUNE1,
                () -> workspaces.create("Kun kommunen " + System.nanoTime(), "", List.of("Kommune", "Civilsamfund"), 0));

        navigate("workspace/" + kommunesOwn + "/record/1", NotFoundOrNoAccessView.class);
        navigate("workspace/" + demo + "/record/999", NotFoundOrNoAccessView.class);
        navigate("workspace/" + demo + "/record/abc", NotFoundOrNoAccessView.class);
        navigate("workspace/" + demo + "/record/-1", NotFoundOrNoAccessView.class);
    }

    @Test
    @WithUserDetails(OBSERVER1)
    void the_record_is_a_handful_of_nodes_on_the_server_and_its_ballots_are_drawn_when_first_opened() {
        long id = demoWorkspace();
        RecordView record = rounds.recordBySeq(id, 1).orElseThrow();

        navigate("workspace/" + id + "/record/1", RecordPage.class);

        RecordPanel panel = $(RecordPanel.class).single();
        int[] nodes = {0};
        panel.getElement().getNode().visitNodeTree(node -> nodes[0]++);
        // The tables, turnout and closing are one node of markup; the ballots' disclosure and the
        // three download links are what is left.
        assertThat(nodes[0]).isLessThan(25);
        Markup shown = $(Markup.class).from(panel).all().getFirst();
        assertThat(shown.markup()).contains("result-table").contains("record-closing").doesNotContain("named-ballots");
        NativeDetails ballots = $(NativeDetails.class).from(panel).single();
        assertThat(ballots.getContent()).as("not drawn while closed").isNull();

        ballots.setOpen(true);
        com.vaadin.flow.component.ComponentUtil.fireEvent(ballots, new NativeDetails.ToggleEvent(ballots, true));

        String named = ((Markup) ballots.getContent()).markup();
        for (RecordView.NamedBallot b : record.ballots()) {
            assertThat(named).contains(b.voter().name()
                    .replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
        }
    }
}
