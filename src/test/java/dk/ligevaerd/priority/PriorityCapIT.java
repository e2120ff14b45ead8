package dk.ligevaerd.priority;

import static dk.ligevaerd.support.Acting.as;
import static dk.ligevaerd.support.Refusals.keyOf;
import static org.assertj.core.api.Assertions.assertThat;

import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.priority.domain.Priority;
import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.workspace.InvitationService;
import dk.ligevaerd.workspace.WorkspaceFixture;
import dk.ligevaerd.workspace.WorkspaceService;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(properties = {"ligevaerd.demo.enabled=false",
        "spring.datasource.url=jdbc:h2:file:./target/test-db/priority-cap-${random.uuid}"})
class PriorityCapIT {

    @Autowired AccountService accounts;
    @Autowired WorkspaceService workspaces;
    @Autowired InvitationService invitations;
    @Autowired PriorityService priorities;

    @Test
    void a_workspace_holds_at_most_200_priorities_withdrawn_ones_included() {
        WorkspaceFixture f = new WorkspaceFixture(accounts, workspaces, invitations);
        long first = as(f.participant, () -> priorities.propose(f.workspaceId, "Priority 1", "",
                Set.of(ValueLens.EFFICIENCY)));
        as(f.participant, () -> {
            priorities.withdraw(f.workspaceId, first);
            return null;
        });
        for (int i = 2; i <= Priority.MAX_PER_WORKSPACE; i++) {
            String title = "Priority " + i;
            as(f.participant, () -> priorities.propose(f.workspaceId, title, "", Set.of(ValueLens.EFFICIENCY)));
        }

        assertThat(keyOf(() -> as(f.otherModerator, () -> priorities.propose(f.workspaceId, "One more", "",
                Set.of(ValueLens.ADVOCACY))))).isEqualTo("error.priority.tooMany");
        assertThat(as(f.owner, () -> priorities.list(f.workspaceId))).hasSize(Priority.MAX_PER_WORKSPACE);
        DomainException refusal = new DomainException("error.priority.tooMany", Priority.MAX_PER_WORKSPACE);
        assertThat(Messages.get(Locale.ENGLISH, refusal)).contains("200 priorities");
        assertThat(Messages.get(Messages.DANISH, refusal)).contains("200 prioriteter");
    }
}
