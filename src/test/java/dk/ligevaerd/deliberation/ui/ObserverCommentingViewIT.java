package dk.ligevaerd.deliberation.ui;

import static dk.ligevaerd.testing.DemoUsers.CIVIL1;
import static dk.ligevaerd.testing.DemoUsers.KOMMUNE1;
import static dk.ligevaerd.testing.DemoUsers.OBSERVER1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.server.VaadinSession;
import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.shared.LiveEventBus;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.testing.DemoAppContext;
import dk.ligevaerd.testing.RunAs;
import dk.ligevaerd.workspace.GovernanceService;
import dk.ligevaerd.workspace.InvitationService;
import dk.ligevaerd.workspace.Role;
import dk.ligevaerd.workspace.WorkspaceService;
import dk.ligevaerd.workspace.ui.WorkspaceView;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * An observer's open page when every side agrees to let observers comment: the discussion tab and
 * the statement's margin take it in live, and only once the last side has confirmed. Nobody, the
 * owner included, has a switch of their own on the page.
 */
@DemoAppContext
@ViewPackages(packages = "dk.ligevaerd")
class ObserverCommentingViewIT extends SpringBrowserlessTest {

    @Autowired WorkspaceService workspaces;
    @Autowired InvitationService invitations;
    @Autowired GovernanceService governance;
    @Autowired AccountService accounts;
    @Autowired LiveEventBus bus;

    private long workspaceId;
    private long proposal;

    @Test
    @WithUserDetails(OBSERVER1)
    void the_observers_discussion_tab_opens_its_form_when_the_last_side_confirms() {
        workspaceWithObserver();
        open("discussion");
        assertThat(status()).isEqualTo(Messages.get(Messages.DANISH, "comment.observers.notAllowed"));
        assertThat(formShown()).isFalse();

        kommuneProposes();
        takeInLiveEvents();
        assertThat(status()).as("only Kommune has agreed")
                .isEqualTo(Messages.get(Messages.DANISH, "comment.observers.notAllowed"));
        assertThat(formShown()).isFalse();

        civilSocietyConfirms();
        takeInLiveEvents();
        assertThat(status()).isEqualTo(Messages.get(Messages.DANISH, "comment.observers.allowed"));
        assertThat(formShown()).isTrue();
    }

    @Test
    @WithUserDetails(OBSERVER1)
    void the_statements_margin_offers_the_observer_to_comment_on_a_selection_once_every_side_agreed() {
        workspaceWithObserver();
        open("statement");
        assertThat(margin().selectionAction()).isNull();

        kommuneProposes();
        takeInLiveEvents();
        assertThat(margin().selectionAction()).as("only Kommune has agreed").isNull();

        civilSocietyConfirms();
        takeInLiveEvents();
        assertThat(margin().selectionAction()).isNotNull();
    }

    @Test
    @WithUserDetails(KOMMUNE1)
    void the_owner_sees_the_rule_as_text_and_has_no_switch_for_it() {
        workspaceWithObserver();
        open("discussion");
        assertThat(status()).isEqualTo(Messages.get(Messages.DANISH, "comment.observers.notAllowed"));
        assertThat($(Checkbox.class).all()).isEmpty();
    }

    /** A fresh workspace of KOMMUNE1's, CIVIL1 moderating civil society and OBSERVER1 on no side. */
    private void workspaceWithObserver() {
        workspaceId = RunAs.user(accounts, KOMMUNE1, () -> {
            long id = workspaces.create("Observatører " + System.nanoTime(), "", List.of("Kommune", "Civilsamfund"),
                    0);
            long civil = workspaces.details(id).sides().get(1).id();
            String moderator = invitations.create(id, civil, Role.MODERATOR, Duration.ofDays(1)).token();
            String observer = invitations.create(id, null, Role.OBSERVER, Duration.ofDays(1)).token();
            RunAs.user(accounts, CIVIL1, () -> invitations.accept(moderator));
            RunAs.user(accounts, OBSERVER1, () -> invitations.accept(observer));
            return id;
        });
    }

    private void kommuneProposes() {
        proposal = RunAs.user(accounts, KOMMUNE1, () -> governance.proposeObserversMayComment(workspaceId, true));
    }

    private void civilSocietyConfirms() {
        RunAs.user(accounts, CIVIL1, () -> {
            governance.confirm(workspaceId, proposal);
            return null;
        });
    }

    private void open(String tab) {
        navigate(WorkspaceView.class, Map.of("workspaceId", String.valueOf(workspaceId), "section", tab));
        takeInLiveEvents();
    }

    private String status() {
        return $(Paragraph.class).id("comment-observers").getText();
    }

    /** Whether the form to start a thread is shown (the page's queries find only what is shown). */
    private boolean formShown() {
        return $(Div.class).withClassName("comment-form").exists();
    }

    private PassageCommentPanel margin() {
        return $(PassageCommentPanel.class).single();
    }

    /** Lets the page do what the bus handed it, until the bus has nothing more for anyone. */
    private void takeInLiveEvents() {
        VaadinSession session = VaadinSession.getCurrent();
        await().pollInSameThread().pollInterval(Duration.ofMillis(20)).atMost(Duration.ofSeconds(30)).until(() -> {
            session.getService().runPendingAccessTasks(session);
            return bus.idle() && session.getPendingAccessQueue().isEmpty();
        });
    }
}
