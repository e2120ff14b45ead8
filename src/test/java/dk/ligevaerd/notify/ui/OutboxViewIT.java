package dk.ligevaerd.notify.ui;

import static dk.ligevaerd.testing.DemoUsers.CIVIL1;
import static dk.ligevaerd.testing.DemoUsers.CIVIL2;
import static dk.ligevaerd.testing.DemoUsers.KOMMUNE1;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.tabs.Tab;
import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.mail.QueuedMail;
import dk.ligevaerd.notify.OutboxService;
import dk.ligevaerd.shared.LiveEventBus;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.testing.DemoAppContext;
import dk.ligevaerd.testing.LiveEvents;
import dk.ligevaerd.testing.RunAs;
import dk.ligevaerd.workspace.InvitationService;
import dk.ligevaerd.workspace.NewInvitation;
import dk.ligevaerd.workspace.Role;
import dk.ligevaerd.workspace.WorkspaceService;
import dk.ligevaerd.workspace.ui.WorkspaceView;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The outbox tab with no mail server set (the demo context has none): the owner and the other
 * side's moderator see the mail that waits, read its text as text, and never a secret link; a
 * participant has no such tab.
 */
@DemoAppContext
@ViewPackages(packages = "dk.ligevaerd")
class OutboxViewIT extends SpringBrowserlessTest {

    @Autowired WorkspaceService workspaces;
    @Autowired InvitationService invitations;
    @Autowired AccountService accounts;
    @Autowired LiveEventBus bus;

    /** KOMMUNE1's workspace, with CIVIL1 moderating civil society and CIVIL2 an observer. */
    private long workspaceWithMail(String name) {
        return RunAs.user(accounts, KOMMUNE1, () -> {
            long id = workspaces.create(name, "", List.of("Kommune", "Civilsamfund"), 0);
            long civil = workspaces.details(id).sides().get(1).id();
            String moderator = invitations.create(id, civil, Role.MODERATOR, Duration.ofDays(1)).token();
            RunAs.user(accounts, CIVIL1, () -> invitations.accept(moderator));
            String observer = invitations.create(id, null, Role.OBSERVER, Duration.ofDays(1)).token();
            RunAs.user(accounts, CIVIL2, () -> invitations.accept(observer));
            return id;
        });
    }

    @Test
    @WithUserDetails(KOMMUNE1)
    void the_owner_sees_the_waiting_mail_and_reads_its_text_with_the_invitation_link_hidden() {
        long id = workspaceWithMail("Udbakke");
        NewInvitation mailed = invitations.create(id, null, Role.OBSERVER, Duration.ofDays(2), "gaest@example.org",
                "Kom <b>gerne</b> & tag kaffe med");
        navigate("workspace/" + id + "/outbox", WorkspaceView.class);

        assertThat($(Paragraph.class).id("outbox-status").getText())
                .isEqualTo(Messages.get(Messages.DANISH, "outbox.noServer"));
        assertThat($(Paragraph.class).id("outbox-count").getText())
                .isEqualTo(Messages.get(Messages.DANISH, "outbox.count", 1));
        @SuppressWarnings("unchecked")
        Grid<QueuedMail> grid = $(Grid.class).id("outbox-grid");
        var rows = test(grid);
        assertThat(rows.size()).isEqualTo(1);
        assertThat(rows.getCellText(0, 0)).isEqualTo("gaest@example.org");
        assertThat(rows.getCellText(0, 2)).isEqualTo(Messages.get(Messages.DANISH, "outbox.kind.invitation"));
        assertThat(rows.getCellText(0, 4)).isEqualTo("0");
        assertThat(rows.getCellText(0, 5)).isEqualTo(Messages.get(Messages.DANISH, "outbox.state.waiting"));

        rows.select(0);
        assertThat($(H3.class).id("outbox-text-heading").getText())
                .isEqualTo(Messages.get(Messages.DANISH, "outbox.text", "gaest@example.org"));
        Pre text = $(Pre.class).id("outbox-text");
        assertThat(text.getText()).as("the note as the inviter typed it, as text")
                .contains("Kom <b>gerne</b> & tag kaffe med")
                .contains("/invite/" + OutboxService.HIDDEN)
                .doesNotContain(mailed.token());
        assertThat(text.getElement().getChildren().allMatch(com.vaadin.flow.dom.Element::isTextNode))
                .as("text, not markup").isTrue();

        // Another mail queued while the tab is in view: the list grows, the mail being read stays open.
        invitations.create(id, null, Role.OBSERVER, Duration.ofDays(2), "endnu.en@example.org", "");
        LiveEvents.takeIn(bus);
        assertThat($(Paragraph.class).id("outbox-count").getText())
                .isEqualTo(Messages.get(Messages.DANISH, "outbox.count", 2));
        assertThat(rows.size()).isEqualTo(2);
        assertThat(rows.getCellText(0, 0)).as("newest first").isEqualTo("endnu.en@example.org");
        assertThat($(Pre.class).id("outbox-text").getText()).contains("Kom <b>gerne</b> & tag kaffe med");
    }


    @Test
    @WithUserDetails(CIVIL1)
    void the_other_side_s_moderator_sees_the_same_outbox() {
        long id = workspaceWithMail("Udbakke for alle sider");
        RunAs.user(accounts, KOMMUNE1, () -> invitations.create(id, null, Role.OBSERVER, Duration.ofDays(2),
                "anden@example.org", ""));
        navigate("workspace/" + id + "/outbox", WorkspaceView.class);
        assertThat($(Tab.class).all().stream().map(t -> t.getId().orElse("")).toList()).contains("tab-outbox");
        assertThat($(Paragraph.class).id("outbox-count").getText())
                .isEqualTo(Messages.get(Messages.DANISH, "outbox.count", 1));
    }

    @Test
    @WithUserDetails(CIVIL2)
    void someone_who_does_not_moderate_has_no_outbox() {
        long id = workspaceWithMail("Ingen udbakke");
        navigate("workspace/" + id, WorkspaceView.class);
        assertThat($(Tab.class).all().stream().map(t -> t.getId().orElse("")).toList()).doesNotContain("tab-outbox");
        assertThat($(Grid.class).withId("outbox-grid").exists()).isFalse();
    }
}
