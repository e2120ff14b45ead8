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
import java.util.Locale;
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
}
