package dk.ligevaerd.round;

import static dk.ligevaerd.support.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;

import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.priority.PriorityService;
import dk.ligevaerd.priority.ValueLens;
import dk.ligevaerd.workspace.InvitationService;
import dk.ligevaerd.workspace.WorkspaceFixture;
import dk.ligevaerd.workspace.WorkspaceService;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** What the round service keeps in memory for an open round is let go when the round ends. */
@SpringBootTest(properties = {"ligevaerd.demo.enabled=false", "ligevaerd.rounds.auto-close.enabled=false",
        "spring.datasource.url=jdbc:h2:file:./target/test-db/round-cache-${random.uuid}"})
class RoundSettingsCacheIT {

    @Autowired AccountService accounts;
    @Autowired WorkspaceService workspaces;
    @Autowired InvitationService invitations;
    @Autowired PriorityService priorities;
    @Autowired RoundService rounds;

    WorkspaceFixture f;
    long a;
    long b;

    @BeforeEach
    void fixture() {
        f = new WorkspaceFixture(accounts, workspaces, invitations);
        a = as(f.participant, () -> priorities.propose(f.workspaceId, "Weekly visits", "",
                Set.of(ValueLens.SERVICE_QUALITY)));
        b = as(f.otherModerator, () -> priorities.propose(f.workspaceId, "Elderly people shape it", "",
                Set.of(ValueLens.PARTICIPATION)));
    }

    private long openWithABallot() {
        long id = as(f.owner, () -> rounds.create(f.workspaceId,
                RoundDraft.dots("Which first?", List.of(a, b), 10, 5, 1).withSecret(false)));
        as(f.owner, () -> {
            rounds.open(f.workspaceId, id);
            return null;
        });
        as(f.participant, () -> {
            rounds.castDots(f.workspaceId, id, Map.of(a, 5, b, 5));
            return null;
        });
        as(f.observer, () -> rounds.get(f.workspaceId, id));
        assertThat(rounds.caches(id)).as("an open round's settings are cached").isTrue();
        return id;
    }

    @Test
    void closing_a_round_evicts_its_cached_settings() {
        long id = openWithABallot();

        as(f.owner, () -> rounds.confirmClosing(f.workspaceId, id));
        as(f.otherModerator, () -> rounds.confirmClosing(f.workspaceId, id));
        as(f.observer, () -> rounds.get(f.workspaceId, id));

        assertThat(rounds.caches(id)).isFalse();
    }

    @Test
    void cancelling_an_open_round_evicts_its_cached_settings() {
        long id = openWithABallot();

        // With joint closing, an open round is cancelled once a moderator of every side has asked.
        as(f.owner, () -> rounds.cancel(f.workspaceId, id, "Wrong options"));
        as(f.otherModerator, () -> rounds.cancel(f.workspaceId, id, "Agreed, wrong options"));
        as(f.observer, () -> rounds.get(f.workspaceId, id));

        assertThat(rounds.caches(id)).isFalse();
    }
}
