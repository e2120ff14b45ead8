package dk.ligevaerd.workspace.ui;

import static dk.ligevaerd.testing.DemoUsers.OBSERVER1;
import static dk.ligevaerd.testing.DemoUsers.WORKSPACE;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.RangeInput;
import dk.ligevaerd.round.RoundService;
import dk.ligevaerd.statement.StatementService;
import dk.ligevaerd.statement.VersionView;
import dk.ligevaerd.round.RoundState;
import dk.ligevaerd.round.RoundView;
import dk.ligevaerd.testing.DemoAppContext;
import dk.ligevaerd.workspace.WorkspaceService;
import dk.ligevaerd.workspace.WorkspaceSummary;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * Every tab of the workspace page has an address of its own; what the address says is used, and
 * what cannot be used is ignored with a message rather than an error page.
 */
@DemoAppContext
@ViewPackages(packages = "dk.ligevaerd")
@WithUserDetails(OBSERVER1)
class WorkspaceAddressIT extends SpringBrowserlessTest {

    @Autowired WorkspaceService workspaces;
    @Autowired RoundService rounds;
    @Autowired StatementService statements;

    long workspaceId;

    @BeforeEach
    void theDemoWorkspace() {
        workspaceId = workspaces.mine().stream().filter(w -> w.name().equals(WORKSPACE)).findFirst()
                .map(WorkspaceSummary::id).orElseThrow();
    }

    /** Goes to an address with a query, as a typed or followed link would. */
    private void go(String tab, String query) {
        UI.getCurrent().navigate("workspace/" + workspaceId + tab, QueryParameters.fromString(query));
        assertThat(getCurrentView()).isInstanceOf(WorkspaceView.class);
    }

    private String selectedTab() {
        return $(TabSheet.class).single().getSelectedTab().getId().orElse("");
    }

    private List<String> notices() {
        return $(Notification.class).all().stream().map(n -> n.getElement().getProperty("text", "")
                + n.getElement().getTextRecursively()).toList();
    }

    @SuppressWarnings("unchecked")
    private Select<String> historyArea() {
        return (Select<String>) $(Select.class).id("history-area");
    }

    @Test
    void the_history_opens_with_the_filters_the_address_gives() {
        go("/history", "area=round");

        assertThat(selectedTab()).isEqualTo("tab-activity");
        assertThat(historyArea().getValue()).isEqualTo("round");
        List<String> kinds = $(ListItem.class).withClassName("activity-item").all().stream()
                .map(li -> li.getElement().getAttribute("data-kind")).toList();
        assertThat(kinds).isNotEmpty().allMatch(kind -> kind.startsWith("round."));
        assertThat(notices()).isEmpty();
    }

    @Test
    void malformed_filters_are_ignored_and_named_in_a_message() {
        go("/history", "area=bogus&side=abc&from=2026-13-45&colour=red");

        assertThat(selectedTab()).isEqualTo("tab-activity");
        assertThat(historyArea().getValue()).isNull();
        assertThat(notices()).singleElement().asString().contains("area, side, from, colour");
        assertThat($(Paragraph.class).id("history-summary").getText()).as("nothing filtered away").doesNotStartWith("0 ");
    }

    @Test
    void a_period_that_ends_before_it_starts_keeps_only_its_start() {
        go("/history", "from=2026-11-20&to=2026-11-01");

        assertThat(notices()).singleElement().asString().contains("to");
        WorkspaceView view = (WorkspaceView) getCurrentView();
        assertThat(view.address().getPathWithQueryParameters())
                .isEqualTo("workspace/" + workspaceId + "/history?from=2026-11-20");
    }

    @Test
    void a_link_compares_a_saved_version_with_the_current_text() {
        VersionView oldest = statements.versions(workspaceId).getLast();
        go("/statement", "compare=" + oldest.id());

        assertThat(selectedTab()).isEqualTo("tab-statement");
        Div diff = $(Div.class).id("version-diff");
        assertThat(diff.isVisible()).isTrue();
        assertThat(diff.getElement().getTextRecursively()).contains(oldest.name());
        assertThat(notices()).isEmpty();
    }

    @Test
    void a_link_opens_the_replay_at_a_given_change() {
        go("/statement", "replay=2");

        assertThat($(RangeInput.class).id("replay-slider").getValue()).isEqualTo(2.0);
        assertThat(notices()).isEmpty();
    }

    @Test
    void a_version_of_no_workspace_or_a_change_beyond_the_last_is_ignored_with_a_message() {
        go("/statement", "compare=999999&replay=999999");

        assertThat($(Div.class).withId("version-diff").exists()).isFalse();
        assertThat(notices()).singleElement().asString().contains("compare, replay");
    }

    @Test
    void an_unknown_tab_opens_the_first_one_with_a_message() {
        navigate("workspace/" + workspaceId + "/nonsense", WorkspaceView.class);

        assertThat(selectedTab()).isEqualTo("tab-people");
        assertThat(notices()).singleElement().asString().contains("nonsense");
    }

    @Test
    void changing_a_filter_puts_it_in_the_address() {
        navigate("workspace/" + workspaceId + "/history", WorkspaceView.class);
        historyArea().setValue("priority");

        WorkspaceView view = (WorkspaceView) getCurrentView();
        assertThat(view.address().getPathWithQueryParameters())
                .isEqualTo("workspace/" + workspaceId + "/history?area=priority");
    }

    @Test
    void the_equality_view_can_be_narrowed_to_one_closed_round_by_address() {
        RoundView closed = rounds.list(workspaceId).stream().filter(r -> r.state() == RoundState.CLOSED).findFirst()
                .orElseThrow();
        go("/equality", "round=" + closed.id());

        assertThat(selectedTab()).isEqualTo("tab-equality");
        assertThat($(Paragraph.class).id("equality-round-intro").getText()).contains(closed.title());
        assertThat(notices()).isEmpty();

        go("/equality", "round=999999");
        assertThat($(Paragraph.class).withId("equality-round-intro").exists()).isFalse();
        assertThat(notices()).anyMatch(text -> text.contains("round"));
    }
}
