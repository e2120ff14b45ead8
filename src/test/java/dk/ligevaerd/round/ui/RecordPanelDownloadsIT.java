package dk.ligevaerd.round.ui;

import static dk.ligevaerd.testing.DemoUsers.CIVIL1;
import static dk.ligevaerd.testing.DemoUsers.KOMMUNE1;
import static dk.ligevaerd.testing.DemoUsers.OBSERVER1;
import static dk.ligevaerd.testing.DemoUsers.WORKSPACE;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import dk.ligevaerd.priority.PriorityService;
import dk.ligevaerd.priority.ValueLens;
import dk.ligevaerd.round.RoundDraft;
import dk.ligevaerd.round.RoundService;
import dk.ligevaerd.round.RoundState;
import dk.ligevaerd.round.RoundView;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.testing.DemoAppContext;
import dk.ligevaerd.testing.RunAs;
import dk.ligevaerd.workspace.InvitationService;
import dk.ligevaerd.workspace.Role;
import dk.ligevaerd.workspace.WorkspaceService;
import dk.ligevaerd.workspace.WorkspaceSummary;
import dk.ligevaerd.workspace.ui.WorkspaceView;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;

/** The download links under a closed round's record, on the Rounds tab, without a browser. */
@DemoAppContext
@ViewPackages(packages = "dk.ligevaerd")
class RecordPanelDownloadsIT extends SpringBrowserlessTest {

    @Autowired WorkspaceService workspaces;
    @Autowired InvitationService invitations;
    @Autowired PriorityService priorities;
    @Autowired RoundService rounds;
    @Autowired UserDetailsService users;

    @Test
    @WithUserDetails(OBSERVER1)
    void a_named_rounds_record_offers_pdf_json_and_its_ballots_as_csv_to_an_observer() {
        long workspaceId = workspaces.mine().stream().filter(w -> w.name().equals(WORKSPACE)).findFirst()
                .map(WorkspaceSummary::id).orElseThrow();
        long roundId = rounds.list(workspaceId).stream().filter(r -> r.state() == RoundState.CLOSED && !r.secret())
                .findFirst().map(RoundView::id).orElseThrow();
        openRoundsTab(workspaceId);

        for (String kind : List.of("pdf", "json", "csv")) {
            Anchor link = $(Anchor.class).id("record-download-" + kind + "-" + roundId);
            assertThat(link.getElement().hasAttribute("download")).as(kind).isTrue();
            assertThat(link.getHref()).as(kind).isNotBlank();
            assertThat(link.getText()).isEqualTo(Messages.get(UI.getCurrent().getLocale(),
                    "recordExport.download." + kind));
        }
    }

    @Test
    @WithUserDetails(KOMMUNE1)
    void a_secret_rounds_record_offers_no_ballots() {
        long workspaceId = workspaces.create("Hemmelig afstemning", "", List.of("Kommune", "Civilsamfund"), 0);
        long civilSide = workspaces.details(workspaceId).sides().get(1).id();
        String token = invitations.create(workspaceId, civilSide, Role.MODERATOR, Duration.ofDays(1)).token();
        RunAs.user(users, CIVIL1, () -> invitations.accept(token));
        long first = priorities.propose(workspaceId, "Faste besøg", "", Set.of(ValueLens.SERVICE_QUALITY));
        long second = priorities.propose(workspaceId, "Fællesskaber", "", Set.of(ValueLens.SHARED_VALUES));
        long roundId = rounds.create(workspaceId, RoundDraft.dots("Hemmelig", List.of(first, second), 10, 5, 1)
                .withSecret(true));
        rounds.open(workspaceId, roundId);
        rounds.castDots(workspaceId, roundId, Map.of(first, 5));
        RunAs.user(users, CIVIL1, () -> {
            rounds.castDots(workspaceId, roundId, Map.of(second, 5));
            return null;
        });
        rounds.confirmClosing(workspaceId, roundId);
        RunAs.user(users, CIVIL1, () -> rounds.confirmClosing(workspaceId, roundId));
        openRoundsTab(workspaceId);

        assertThat($(Anchor.class).withId("record-download-pdf-" + roundId).exists()).isTrue();
        assertThat($(Anchor.class).withId("record-download-json-" + roundId).exists()).isTrue();
        assertThat($(Anchor.class).withId("record-download-csv-" + roundId).exists()).isFalse();
    }

    private void openRoundsTab(long workspaceId) {
        navigate(WorkspaceView.class, Map.of("workspaceId", String.valueOf(workspaceId)));
        $(TabSheet.class).single().setSelectedTab($(Tab.class).id("tab-rounds"));
    }
}
