package dk.ligevaerd.workspace.ui;

import static dk.ligevaerd.testing.DemoUsers.CIVIL2;
import static dk.ligevaerd.testing.DemoUsers.KOMMUNE1;
import static dk.ligevaerd.testing.DemoUsers.WORKSPACE;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.priority.PriorityService;
import dk.ligevaerd.priority.ValueLens;
import dk.ligevaerd.shared.LiveEventBus;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.statement.CollabService;
import dk.ligevaerd.testing.DemoAppContext;
import dk.ligevaerd.testing.LiveEvents;
import dk.ligevaerd.testing.RunAs;
import dk.ligevaerd.workspace.InvitationService;
import dk.ligevaerd.workspace.Role;
import dk.ligevaerd.workspace.SideView;
import dk.ligevaerd.workspace.WorkspaceService;
import dk.ligevaerd.workspace.WorkspaceSummary;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * A newly created workspace guides its owner: a checklist near the top names the first steps,
 * ticks them as they are done, and makes the other side's first moderator's link right there.
 */
@DemoAppContext
@ViewPackages(packages = "dk.ligevaerd")
class StartChecklistIT extends SpringBrowserlessTest {

    @Autowired
    WorkspaceService workspaces;

    @Autowired
    InvitationService invitations;

    @Autowired
    PriorityService priorities;

    @Autowired
    AccountService accounts;

    @Autowired
    CollabService collab;

    @Autowired
    LiveEventBus bus;

    @Test
    @WithUserDetails(KOMMUNE1)
    void a_new_workspace_shows_its_first_steps_none_of_them_done() {
        long id = newWorkspace();
        open(id);

        Div checklist = $(Div.class).id("start-checklist");
        assertThat(checklist.isVisible()).isTrue();
        assertThat(steps()).extracting(this::label).containsExactly(
                da("start.invite", "Civilsamfund"), da("start.step.draft"), da("start.step.priorities"));
        assertThat(steps()).noneMatch(s -> s.hasClassName("done"));
        assertThat($(Button.class).from(checklist).withText(da("start.invite.action", "Civilsamfund")).exists())
                .isTrue();
    }

    @Test
    @WithUserDetails(KOMMUNE1)
    void the_invite_action_makes_a_moderator_link_for_the_side_without_one_and_ticks_the_step() {
        long id = newWorkspace();
        open(id);

        $(Button.class).from($(Div.class).id("start-checklist")).withText(da("start.invite.action", "Civilsamfund"))
                .single().click();

        assertThat(invitations.list(id)).singleElement().satisfies(i -> {
            assertThat(i.role()).isEqualTo(Role.MODERATOR);
            assertThat(i.sideName()).isEqualTo("Civilsamfund");
        });
        assertThat(step("invite").hasClassName("done")).isTrue();
        assertThat(label(step("invite"))).isEqualTo(da("start.invite", "Civilsamfund"));
        assertThat(step("invite").getElement().getTextRecursively()).contains(da("start.invite.waiting"));
    }

    @Test
    @WithUserDetails(KOMMUNE1)
    void the_invite_form_defaults_to_the_side_that_has_nobody_yet_and_to_its_moderator() {
        long id = newWorkspace();
        open(id);
        TabSheet tabs = $(TabSheet.class).single();
        tabs.setSelectedTab($(Tab.class).id("tab-invitations"));

        @SuppressWarnings("unchecked")
        Select<SideView> side = $(Select.class).id("invite-side");
        @SuppressWarnings("unchecked")
        Select<Role> role = $(Select.class).id("invite-role");
        assertThat(side.getValue().name()).isEqualTo("Civilsamfund");
        assertThat(role.getValue()).isEqualTo(Role.MODERATOR);
    }

    @Test
    @WithUserDetails(KOMMUNE1)
    void a_proposed_priority_ticks_its_step_and_the_step_leads_to_its_tab() {
        long id = newWorkspace();
        priorities.propose(id, "Flere besøgsvenner", "", Set.of(ValueLens.PARTICIPATION));
        open(id);

        assertThat(step("priorities").hasClassName("done")).isTrue();
        assertThat(step("statement").hasClassName("done")).isFalse();

        $(Button.class).id("start-open-priorities").click();

        assertThat($(TabSheet.class).single().getSelectedTab().getId()).contains("tab-priorities");
    }

    @Test
    @WithUserDetails(KOMMUNE1)
    void a_first_draft_ticks_its_step_at_once_while_the_writer_stays_on_the_statement_and_emptying_it_unticks_it() {
        long id = newWorkspace();
        open(id);
        $(Button.class).id("start-open-statement").click();
        assertThat(step("statement").hasClassName("done")).isFalse();

        String draft = "Vi vil have flere besøgsvenner i Vestbyen.";
        collab.edit(id, "first-draft", 0, 0, draft);
        LiveEvents.takeIn(bus);

        assertThat($(TabSheet.class).single().getSelectedTab().getId()).contains("tab-statement");
        assertThat(step("statement").hasClassName("done")).isTrue();

        collab.edit(id, "first-draft", 0, draft.length(), "");
        LiveEvents.takeIn(bus);

        assertThat(step("statement").hasClassName("done")).isFalse();
    }

    @Test
    @WithUserDetails(KOMMUNE1)
    void a_workspace_where_every_side_has_a_moderator_shows_no_checklist() {
        long demo = workspaces.mine().stream().filter(w -> w.name().equals(WORKSPACE)).findFirst()
                .map(WorkspaceSummary::id).orElseThrow();
        open(demo);

        assertThat($(Div.class).withId("start-checklist").exists()).isFalse();
    }

    @Test
    @WithUserDetails(CIVIL2)
    void a_member_who_opens_an_invitation_is_offered_the_workspace_instead_of_joining() {
        long demo = workspaces.mine().stream().filter(w -> w.name().equals(WORKSPACE)).findFirst()
                .map(WorkspaceSummary::id).orElseThrow();
        int members = workspaces.details(demo).members().size();
        String path = RunAs.user(accounts, KOMMUNE1, () -> {
            long kommune = workspaces.details(demo).me().sideId();
            return invitations.create(demo, kommune, Role.PARTICIPANT, Duration.ofDays(2)).path();
        });

        navigate(path, InvitationAcceptView.class);

        assertThat($(Paragraph.class).id("invitation-already-member").getText()).isEqualTo(da("invitation.alreadyMember"));
        assertThat($(Button.class).withId("join").exists()).isFalse();
        $(Button.class).id("open-workspace").click();

        assertThat(getCurrentView()).isInstanceOf(WorkspaceView.class);
        assertThat(workspaces.details(demo).members()).hasSize(members);
    }

    private long newWorkspace() {
        return workspaces.create("Nyt rum " + UUID.randomUUID().toString().substring(0, 6), "",
                List.of("Kommune", "Civilsamfund"), 0);
    }

    private void open(long id) {
        navigate(WorkspaceView.class, Map.of("workspaceId", String.valueOf(id)));
    }


    private List<ListItem> steps() {
        return $(ListItem.class).from($(Div.class).id("start-checklist")).withClassName("start-step").all();
    }

    private ListItem step(String name) {
        return steps().stream().filter(s -> name.equals(s.getElement().getAttribute("data-step"))).findFirst()
                .orElseThrow();
    }

    private String label(ListItem step) {
        return step.getElement().getChildren().filter(c -> c.getClassList().contains("start-label")).findFirst()
                .orElseThrow().getTextRecursively();
    }

    private static String da(String key, Object... arguments) {
        return Messages.get(Messages.DANISH, key, arguments);
    }
}
