package dk.ligevaerd.history;

import static dk.ligevaerd.support.Acting.as;
import static dk.ligevaerd.support.Refusals.keyOf;
import static org.assertj.core.api.Assertions.assertThat;

import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.priority.PriorityService;
import dk.ligevaerd.priority.ValueLens;
import dk.ligevaerd.support.MutableClock;
import dk.ligevaerd.support.TestClockConfig;
import dk.ligevaerd.workspace.InvitationService;
import dk.ligevaerd.workspace.WorkspaceFixture;
import dk.ligevaerd.workspace.WorkspaceService;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

@SpringBootTest(properties = {"ligevaerd.demo.enabled=false",
        "spring.datasource.url=jdbc:h2:file:./target/test-db/history-${random.uuid}"})
@Import(TestClockConfig.class)
class HistoryServiceIT {

    @Autowired AccountService accounts;
    @Autowired WorkspaceService workspaces;
    @Autowired InvitationService invitations;
    @Autowired PriorityService priorities;
    @Autowired HistoryService history;
    @Autowired MutableClock clock;

    WorkspaceFixture f;
    Instant beforePriorities;

    @BeforeEach
    void fixture() {
        f = new WorkspaceFixture(accounts, workspaces, invitations);
        clock.advance(Duration.ofDays(1));
        beforePriorities = clock.instant();
        as(f.participant, () -> priorities.propose(f.workspaceId, "Municipal idea", "", Set.of(ValueLens.EFFICIENCY)));
        as(f.otherModerator, () -> priorities.propose(f.workspaceId, "Civil idea", "", Set.of(ValueLens.ADVOCACY)));
    }

    private List<HistoryItem> timeline(HistoryFilter filter) {
        return as(f.observer, () -> history.timeline(f.workspaceId, filter));
    }

    @Test
    void the_timeline_filters_by_area_side_and_period() {
        assertThat(timeline(new HistoryFilter("priority", null, null, null)))
                .extracting(HistoryItem::kind).containsOnly("priority.proposed").hasSize(2);
        assertThat(timeline(new HistoryFilter("priority", f.civilSideId, null, null)))
                .extracting(HistoryItem::actorName).containsExactly(f.otherModerator.displayName());
        assertThat(timeline(new HistoryFilter(null, null, beforePriorities, null))).hasSize(2);
        assertThat(timeline(new HistoryFilter(null, null, null, beforePriorities)))
                .extracting(HistoryItem::kind).doesNotContain("priority.proposed").contains("workspace.created");
        assertThat(timeline(new HistoryFilter("workspace", null, null, null)))
                .extracting(HistoryItem::kind).contains("workspace.created", "member.joined", "invitation.created");
    }

    @Test
    void the_newest_entry_comes_first() {
        List<HistoryItem> all = timeline(HistoryFilter.ALL);
        assertThat(all.getFirst().kind()).isEqualTo("priority.proposed");
        assertThat(all.getLast().kind()).isEqualTo("workspace.created");
    }

    @Test
    void people_who_left_are_still_named() {
        as(f.owner, () -> {
            workspaces.remove(f.workspaceId, f.participant.id());
            return null;
        });
        HistoryItem proposal = timeline(new HistoryFilter("priority", f.municipalSideId, null, null)).getFirst();
        assertThat(proposal.actorName()).isEqualTo(f.participant.displayName());
        HistoryItem removal = timeline(HistoryFilter.ALL).getFirst();
        assertThat(removal.kind()).isEqualTo("member.removed");
        assertThat(removal.subjectName()).isEqualTo(f.participant.displayName());
        assertThat(removal.facts()).containsEntry("role", "PARTICIPANT");
    }

    @Test
    void outsiders_cannot_read_the_timeline() {
        assertThat(keyOf(() -> as(f.outsider, () -> history.timeline(f.workspaceId))))
                .isEqualTo("error.notFoundOrNoAccess");
        assertThat(keyOf(() -> as(f.otherWorkspaceOwner, () -> history.timeline(f.workspaceId))))
                .isEqualTo("error.notFoundOrNoAccess");
    }
}
