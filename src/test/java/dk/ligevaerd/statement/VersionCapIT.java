package dk.ligevaerd.statement;

import static dk.ligevaerd.support.Acting.as;
import static dk.ligevaerd.support.Refusals.keyOf;
import static org.assertj.core.api.Assertions.assertThat;

import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.statement.domain.StatementVersion;
import dk.ligevaerd.workspace.InvitationService;
import dk.ligevaerd.workspace.WorkspaceFixture;
import dk.ligevaerd.workspace.WorkspaceService;
import dk.ligevaerd.support.Racing;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(properties = {"ligevaerd.demo.enabled=false",
        "spring.datasource.url=jdbc:h2:file:./target/test-db/version-cap-${random.uuid}"})
class VersionCapIT {

    @Autowired AccountService accounts;
    @Autowired WorkspaceService workspaces;
    @Autowired InvitationService invitations;
    @Autowired StatementService statements;

    @Test
    void a_statement_keeps_at_most_500_saved_versions() {
        WorkspaceFixture f = new WorkspaceFixture(accounts, workspaces, invitations);
        for (int i = 1; i <= StatementVersion.MAX_PER_STATEMENT; i++) {
            String name = "Version " + i;
            as(f.participant, () -> statements.saveVersion(f.workspaceId, name));
        }

        assertThat(keyOf(() -> as(f.owner, () -> statements.saveVersion(f.workspaceId, "One more"))))
                .isEqualTo("error.version.tooMany");
        assertThat(as(f.owner, () -> statements.versions(f.workspaceId))).hasSize(StatementVersion.MAX_PER_STATEMENT);
        DomainException refusal = new DomainException("error.version.tooMany", StatementVersion.MAX_PER_STATEMENT);
        assertThat(Messages.get(Locale.ENGLISH, refusal)).contains("500 saved versions");
        assertThat(Messages.get(Messages.DANISH, refusal)).contains("500 gemte versioner");
    }

    /**
     * 499 saved, then 8 saves on 8 threads at once: exactly one is stored. Before saving held the
     * statement's row while counting, each counted 499 and several were stored. Three workspaces,
     * since one race may happen to run in turn.
     */
    @RepeatedTest(3)
    void saves_racing_for_the_last_place_store_exactly_one() throws Exception {
        WorkspaceFixture f = new WorkspaceFixture(accounts, workspaces, invitations);
        for (int i = 1; i < StatementVersion.MAX_PER_STATEMENT; i++) {
            String name = "Version " + i;
            as(f.participant, () -> statements.saveVersion(f.workspaceId, name));
        }
        AtomicInteger racer = new AtomicInteger();
        List<String> outcomes = Racing.race(8, () -> as(f.participant,
                () -> statements.saveVersion(f.workspaceId, "Racer " + racer.incrementAndGet())));

        assertThat(outcomes).containsOnlyOnce(Racing.STORED).containsOnly(Racing.STORED, "error.version.tooMany");
        assertThat(as(f.owner, () -> statements.versions(f.workspaceId))).hasSize(StatementVersion.MAX_PER_STATEMENT);
    }
}
