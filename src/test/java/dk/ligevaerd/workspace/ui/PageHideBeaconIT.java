package dk.ligevaerd.workspace.ui;

import static dk.ligevaerd.testing.DemoUsers.CIVIL2;
import static dk.ligevaerd.testing.DemoUsers.KOMMUNE2;
import static dk.ligevaerd.testing.DemoUsers.WORKSPACE;
import static org.assertj.core.api.Assertions.assertThat;

import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.testing.DemoAppContext;
import dk.ligevaerd.testing.RunAs;
import dk.ligevaerd.workspace.PresenceService;
import dk.ligevaerd.workspace.WorkspaceService;
import dk.ligevaerd.workspace.WorkspaceSummary;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The page-hide beacon ends only the visit its token names, and only for the person whose page
 * it is: a token alone, in a stranger's hands or a wrong one, makes nobody absent.
 */
@DemoAppContext
class PageHideBeaconIT {

    @Autowired PageHideBeacon beacon;
    @Autowired PresenceService presence;
    @Autowired WorkspaceService workspaces;
    @Autowired AccountService accounts;

    private long workspaceId;
    private long metteId;
    private PresenceService.Visit mette;
    private String token;

    @BeforeEach
    void mette_has_the_demo_workspace_open() {
        workspaceId = RunAs.user(accounts, KOMMUNE2, () -> workspaces.mine().stream()
                .filter(w -> w.name().equals(WORKSPACE)).findFirst().map(WorkspaceSummary::id).orElseThrow());
        metteId = RunAs.user(accounts, KOMMUNE2, () -> workspaces.details(workspaceId).me().userId());
        mette = RunAs.user(accounts, KOMMUNE2, () -> presence.enter(workspaceId));
        token = beacon.register(metteId, mette);
    }

    @AfterEach
    void mette_leaves() {
        beacon.forget(token);
        mette.leave();
    }

    @Test
    void her_own_beacon_makes_her_absent_until_her_page_shows_life_again() {
        RunAs.user(accounts, KOMMUNE2, () -> beacon.hidden(token + "\n"));
        assertThat(online()).doesNotContain(metteId);

        mette.seen();
        assertThat(online()).contains(metteId);
    }

    @Test
    void someone_else_with_her_token_a_wrong_token_or_none_changes_nothing() {
        RunAs.user(accounts, CIVIL2, () -> beacon.hidden(token));
        RunAs.user(accounts, KOMMUNE2, () -> beacon.hidden(token.substring(1)));
        RunAs.user(accounts, KOMMUNE2, () -> beacon.hidden(null));

        assertThat(online()).contains(metteId);
    }

    @Test
    void a_forgotten_token_changes_nothing() {
        beacon.forget(token);

        RunAs.user(accounts, KOMMUNE2, () -> beacon.hidden(token));

        assertThat(online()).contains(metteId);
    }

    private Set<Long> online() {
        return RunAs.user(accounts, CIVIL2, () -> presence.online(workspaceId));
    }
}
