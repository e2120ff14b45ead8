package dk.ligevaerd.history.ui;

import static dk.ligevaerd.testing.DemoUsers.CIVIL1;
import static dk.ligevaerd.testing.DemoUsers.KOMMUNE1;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.VaadinSession;
import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.testing.DemoAppContext;
import dk.ligevaerd.testing.RunAs;
import dk.ligevaerd.workspace.GovernanceService;
import dk.ligevaerd.workspace.InvitationService;
import dk.ligevaerd.workspace.ProposalKind;
import dk.ligevaerd.workspace.Role;
import dk.ligevaerd.workspace.WorkspaceService;
import dk.ligevaerd.workspace.ui.WorkspaceListView;
import dk.ligevaerd.workspace.ui.WorkspaceView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * A governance proposal's history entries name its kind in words, in Danish and in English, down
 * to the newest kinds (observers commenting): no {@code OBSERVERS_MAY_COMMENT} and no bare
 * {@code kind} in an entry's detail.
 */
@DemoAppContext
@ViewPackages(packages = "dk.ligevaerd")
class HistoryProposalFactsViewIT extends SpringBrowserlessTest {

    private static final Set<String> PROPOSAL_ENTRIES = Set.of("workspace.proposed", "workspace.proposalConfirmed",
            "workspace.proposalAdopted", "workspace.proposalWithdrawn");

    @Autowired WorkspaceService workspaces;
    @Autowired InvitationService invitations;
    @Autowired GovernanceService governance;
    @Autowired AccountService accounts;

    @Test
    @WithUserDetails(KOMMUNE1)
    void proposals_about_observers_commenting_read_as_words_in_the_history_in_both_languages() {
        long workspaceId = workspaceOfBothSides();
        // Allowed with both sides' consent, then no longer, then proposed again and withdrawn.
        long allow = RunAs.user(accounts, KOMMUNE1, () -> governance.proposeObserversMayComment(workspaceId, true));
        confirmForCivilSociety(workspaceId, allow);
        long forbid = RunAs.user(accounts, KOMMUNE1, () -> governance.proposeObserversMayComment(workspaceId, false));
        confirmForCivilSociety(workspaceId, forbid);
        long again = RunAs.user(accounts, KOMMUNE1, () -> governance.proposeObserversMayComment(workspaceId, true));
        RunAs.user(accounts, KOMMUNE1, () -> {
            governance.withdraw(workspaceId, again);
            return null;
        });

        for (Locale locale : Messages.SUPPORTED) {
            List<Entry> entries = proposalEntries(workspaceId, locale);
            assertThat(entries).extracting(Entry::kind).containsAll(PROPOSAL_ENTRIES);
            String kindLabel = Messages.get(locale, "history.fact.kind");
            String allowed = Messages.get(locale, ProposalKind.OBSERVERS_MAY_COMMENT.nameKey());
            String forbidden = Messages.get(locale, ProposalKind.OBSERVERS_MAY_NOT_COMMENT.nameKey());
            for (Entry entry : entries) {
                String what = locale + " " + entry.kind() + " " + entry.facts();
                assertThat(entry.line()).as(what).doesNotStartWith("!").doesNotContainPattern("[A-Z]+_[A-Z_]+");
                assertThat(entry.facts()).as(what).doesNotContainKeys("kind", "proposal", "allowed")
                        .containsKey(kindLabel);
                assertThat(entry.facts().get(kindLabel)).as(what).isIn(allowed, forbidden);
                assertThat(entry.facts().values()).as(what)
                        .noneMatch(value -> value.matches(".*[A-Z]+_[A-Z_]+.*") || value.startsWith("!"));
            }
            assertThat(entries).as(locale.toString()).anyMatch(e -> e.facts().containsValue(allowed))
                    .anyMatch(e -> e.facts().containsValue(forbidden));
        }
    }

    /** A workspace of KOMMUNE1's with CIVIL1 as civil society's moderator. */
    private long workspaceOfBothSides() {
        return RunAs.user(accounts, KOMMUNE1, () -> {
            long id = workspaces.create("Historikkens forslag " + System.nanoTime(), "",
                    List.of("Kommune", "Civilsamfund"), 0);
            long civil = workspaces.details(id).sides().get(1).id();
            String token = invitations.create(id, civil, Role.MODERATOR, Duration.ofDays(1)).token();
            RunAs.user(accounts, CIVIL1, () -> invitations.accept(token));
            return id;
        });
    }

    private void confirmForCivilSociety(long workspaceId, long proposal) {
        RunAs.user(accounts, CIVIL1, () -> {
            governance.confirm(workspaceId, proposal);
            return null;
        });
    }

    /** One history entry about a proposal, as the page shows it: its line and its detail's facts. */
    private record Entry(String kind, String line, Map<String, String> facts) {
    }

    private List<Entry> proposalEntries(long workspaceId, Locale locale) {
        UI.getCurrent().setLocale(locale);
        VaadinSession.getCurrent().setLocale(locale);
        navigate(WorkspaceListView.class);
        navigate(WorkspaceView.class, Map.of("workspaceId", String.valueOf(workspaceId), "section", "history"));
        List<Entry> entries = new ArrayList<>();
        for (ListItem row : $(ListItem.class).withClassName("activity-item").all()) {
            String kind = row.getElement().getAttribute("data-kind");
            if (!PROPOSAL_ENTRIES.contains(kind)) {
                continue;
            }
            Button open = $(Button.class, row).first();
            test(open).click();
            Dialog dialog = $(Dialog.class).all().stream().filter(Dialog::isOpened).findFirst().orElseThrow();
            Map<String, String> facts = new LinkedHashMap<>();
            for (Div fact : $(Div.class, dialog).withClassName("history-fact").all()) {
                List<Span> parts = $(Span.class, fact).all();
                facts.put(parts.get(0).getText(), parts.get(1).getText());
            }
            dialog.close();
            entries.add(new Entry(kind, open.getText(), facts));
        }
        return entries;
    }
}
