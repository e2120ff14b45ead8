package dk.ligevaerd.history.ui;

import static dk.ligevaerd.testing.DemoUsers.CIVIL2;
import static dk.ligevaerd.testing.DemoUsers.KOMMUNE1;
import static dk.ligevaerd.testing.DemoUsers.KOMMUNE2;
import static dk.ligevaerd.testing.DemoUsers.WORKSPACE;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.server.VaadinSession;
import dk.ligevaerd.priority.PriorityService;
import dk.ligevaerd.priority.ValueLens;
import dk.ligevaerd.round.RoundDraft;
import dk.ligevaerd.round.RoundService;
import dk.ligevaerd.testing.DemoAppContext;
import dk.ligevaerd.testing.RunAs;
import dk.ligevaerd.workspace.WorkspaceService;
import dk.ligevaerd.workspace.WorkspaceSummary;
import dk.ligevaerd.workspace.ui.WorkspaceListView;
import dk.ligevaerd.workspace.ui.WorkspaceView;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;

/** History lines name the priority or round they are about, and the detail shows no internal number (issue 13). */
@DemoAppContext
@ViewPackages(packages = "dk.ligevaerd")
class HistoryLinesViewIT extends SpringBrowserlessTest {

    @Autowired WorkspaceService workspaces;
    @Autowired PriorityService priorities;
    @Autowired RoundService rounds;
    @Autowired UserDetailsService users;

    @Test
    @WithUserDetails(KOMMUNE2)
    void lines_name_the_priority_and_the_round_in_both_languages() {
        long workspaceId = RunAs.user(users, KOMMUNE1, () -> workspaces.mine().stream()
                .filter(w -> w.name().equals(WORKSPACE)).findFirst().map(WorkspaceSummary::id).orElseThrow());
        long proposed = RunAs.user(users, CIVIL2, () -> priorities.propose(workspaceId, "Navngivet i historikken", "",
                Set.of(ValueLens.PARTICIPATION)));
        long round = RunAs.user(users, KOMMUNE1, () -> {
            long id = rounds.create(workspaceId, RoundDraft.dots("Runde med navn",
                    List.of(proposed, priorities.list(workspaceId).getFirst().id()), 5, 5, 1));
            rounds.open(workspaceId, id);
            return id;
        });
        try {
            List<String> da = lines(workspaceId, Locale.forLanguageTag("da"));
            assertThat(da).anyMatch(line -> line.endsWith("foreslog prioriteten “Navngivet i historikken”"));
            assertThat(da).anyMatch(line -> line.endsWith("åbnede runden “Runde med navn”"));
            List<String> en = lines(workspaceId, Locale.ENGLISH);
            assertThat(en).anyMatch(line -> line.endsWith("proposed the priority “Navngivet i historikken”"));
            assertThat(en).anyMatch(line -> line.endsWith("opened the round “Runde med navn”"));

            // The entry's detail names the priority and leads to it; no "Priority no. 11".
            Button entry = $(ListItem.class).withClassName("activity-item").all().stream()
                    .filter(li -> "priority.proposed".equals(li.getElement().getAttribute("data-kind")))
                    .map(li -> $(Button.class, li).first()).filter(b -> b.getText().contains("Navngivet"))
                    .findFirst().orElseThrow();
            test(entry).click();
            Dialog dialog = $(Dialog.class).single();
            String detail = dialog.getElement().getTextRecursively();
            assertThat(detail).contains("Navngivet i historikken").doesNotContain("Priority no.")
                    .doesNotContain(String.valueOf(proposed) + "Title");
            assertThat($(Anchor.class, dialog).all()).anyMatch(a -> a.getHref()
                    .equals("workspace/" + workspaceId + "/priorities?priority=" + proposed));
        } finally {
            RunAs.user(users, KOMMUNE1, () -> {
                rounds.cancel(workspaceId, round, "Test over");
                return null;
            });
        }
    }

    private List<String> lines(long workspaceId, Locale locale) {
        UI.getCurrent().setLocale(locale);
        VaadinSession.getCurrent().setLocale(locale);
        navigate(WorkspaceListView.class);
        navigate(WorkspaceView.class, Map.of("workspaceId", String.valueOf(workspaceId), "section", "history"));
        return $(ListItem.class).withClassName("activity-item").all().stream()
                .map(li -> $(Button.class, li).first().getText()).toList();
    }
}
