package dk.ligevaerd.workspace.ui;

import static dk.ligevaerd.testing.DemoUsers.CIVIL1;
import static dk.ligevaerd.testing.DemoUsers.CIVIL2;
import static dk.ligevaerd.testing.DemoUsers.CIVIL3;
import static dk.ligevaerd.testing.DemoUsers.CIVIL_SOCIETY;
import static dk.ligevaerd.testing.DemoUsers.KOMMUNE1;
import static dk.ligevaerd.testing.DemoUsers.KOMMUNE2;
import static dk.ligevaerd.testing.DemoUsers.KOMMUNE3;
import static dk.ligevaerd.testing.DemoUsers.MUNICIPALITY;
import static dk.ligevaerd.testing.DemoUsers.OBSERVER1;
import static dk.ligevaerd.testing.DemoUsers.WORKSPACE;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.NativeDetails;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.testing.DemoAppContext;
import dk.ligevaerd.testing.RunAs;
import dk.ligevaerd.ui.NotFoundOrNoAccessView;
import dk.ligevaerd.workspace.WorkspaceService;
import dk.ligevaerd.workspace.WorkspaceSummary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

@DemoAppContext
@ViewPackages(packages = "dk.ligevaerd")
class WorkspaceViewIT extends SpringBrowserlessTest {

    @Autowired
    WorkspaceService workspaces;

    @Autowired
    AccountService accounts;

    @Test
    @WithUserDetails(KOMMUNE2)
    void members_are_listed_in_one_column_per_side_and_observers_apart() {
        openDemoWorkspace();

        assertThat($(H1.class).id("workspace-title").getText()).isEqualTo(WORKSPACE);
        assertThat(membersIn(MUNICIPALITY)).containsExactlyInAnyOrder(KOMMUNE1, KOMMUNE2, KOMMUNE3);
        assertThat(membersIn(CIVIL_SOCIETY)).containsExactlyInAnyOrder(CIVIL1, CIVIL2, CIVIL3);
        assertThat(membersIn(Messages.get(Messages.DANISH, "workspace.observers"))).containsExactly(OBSERVER1);
    }

    @Test
    @WithUserDetails(CIVIL2)
    void someone_outside_a_workspace_gets_the_same_page_as_for_one_that_does_not_exist() {
        long kommunesOwn = RunAs.user(accounts, KOMMUNE1,
                () -> workspaces.create("Kun kommunen", "", List.of("Kommune", "Civilsamfund"), 0));

        navigate("workspace/" + kommunesOwn, NotFoundOrNoAccessView.class);
        navigate("workspace/" + (kommunesOwn + 1000), NotFoundOrNoAccessView.class);
        navigate("workspace/not-a-number", NotFoundOrNoAccessView.class);

        assertThat($(H1.class).single().getText())
                .isEqualTo(Messages.get(Messages.DANISH, "error.notFoundOrNoAccess.title"));
        assertThat($(H1.class).withText("Kun kommunen").exists()).isFalse();
    }

    @Test
    @WithUserDetails(KOMMUNE2)
    void the_description_and_who_is_here_sit_in_a_disclosure_whose_summary_counts_those_here() {
        openDemoWorkspace();

        NativeDetails about = $(NativeDetails.class).id("workspace-about");
        // Open unless the browser reports a phone's width (see PhoneWidthBrowserIT).
        assertThat(about.isOpen()).isTrue();
        assertThat(about.getElement().getTextRecursively()).contains(
                Messages.get(Messages.DANISH, "workspace.onlineNow"), Messages.get(Messages.DANISH, "workspace.you"));
        // Who is here is drawn as the markup of one element (OnlinePanel): one person, one entry.
        String drawn = $(Div.class).withClassName("online-groups").single().getElement().getProperty("innerHTML");
        int here = drawn.split("class=\"online-person\"", -1).length - 1;
        assertThat(here).isPositive();
        assertThat($(Span.class).id("workspace-about-summary").getText()).isEqualTo(
                Messages.get(Messages.DANISH, "workspace.about") + " · "
                        + Messages.get(Messages.DANISH, "workspace.aboutHere", here));
    }

    @Test
    @WithUserDetails(KOMMUNE1)
    void the_owner_manages_sides_invitations_and_settings() {
        openDemoWorkspace();

        assertThat(tabIds()).containsExactly("tab-people", "tab-statement", "tab-priorities", "tab-rounds", "tab-discussion",
                "tab-equality", "tab-activity", "tab-outbox", "tab-sides", "tab-invitations", "tab-settings");
    }

    @Test
    @WithUserDetails(CIVIL2)
    void a_participant_sees_the_shared_tabs_but_no_owner_tabs() {
        openDemoWorkspace();

        assertThat(tabIds()).containsExactly("tab-people", "tab-statement", "tab-priorities", "tab-rounds", "tab-discussion",
                "tab-equality", "tab-activity");
        assertThat($(Div.class).withId("invitations-panel").exists()).isFalse();
    }

    @Test
    @WithUserDetails(KOMMUNE1)
    void a_page_open_on_another_tab_holds_no_drawn_member_list_and_draws_it_afresh_when_people_is_chosen() {
        long id = demoWorkspaceId();
        navigate("workspace/" + id + "/rounds", WorkspaceView.class);
        TabSheet tabs = $(TabSheet.class).single();
        Tab people = $(Tab.class).id("tab-people");
        Tab sides = $(Tab.class).id("tab-sides");

        assertThat(tabs.getComponent(people).getElement().getChildCount()).isZero();
        assertThat(tabs.getComponent(sides).getElement().getChildCount()).isZero();

        tabs.setSelectedTab(people);
        assertThat(membersIn(MUNICIPALITY)).containsExactlyInAnyOrder(KOMMUNE1, KOMMUNE2, KOMMUNE3);
        assertThat(membersIn(CIVIL_SOCIETY)).containsExactlyInAnyOrder(CIVIL1, CIVIL2, CIVIL3);

        tabs.setSelectedTab(sides);
        assertThat(tabs.getComponent(people).getElement().getChildCount()).isZero();
        assertThat(tabs.getComponent(sides).getElement().getChildCount()).isPositive();

        tabs.setSelectedTab($(Tab.class).id("tab-rounds"));
        assertThat(tabs.getComponent(sides).getElement().getChildCount()).isZero();
        tabs.setSelectedTab(people);
        assertThat(membersIn(CIVIL_SOCIETY)).containsExactlyInAnyOrder(CIVIL1, CIVIL2, CIVIL3);
    }

    private long demoWorkspaceId() {
        return workspaces.mine().stream().filter(w -> w.name().equals(WORKSPACE)).findFirst()
                .map(WorkspaceSummary::id).orElseThrow();
    }

    private void openDemoWorkspace() {
        long id = demoWorkspaceId();
        navigate(WorkspaceView.class, Map.of("workspaceId", String.valueOf(id)));
    }

    private List<String> membersIn(String columnHeading) {
        Div people = $(Div.class).id("people-panel");
        Div column = $(Div.class).from(people).withClassName("side-column")
                .withCondition(c -> c.getElement().getChild(0).getTextRecursively().startsWith(columnHeading))
                .single();
        return $(ListItem.class).from(column).withClassName("member-row").all().stream()
                .map(row -> row.getElement().getAttribute("data-user")).toList();
    }

    private List<String> tabIds() {
        return $(Tab.class).all().stream().map(t -> t.getId().orElse("")).toList();
    }
}
