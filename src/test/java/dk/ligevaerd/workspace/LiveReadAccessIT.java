package dk.ligevaerd.workspace;

import static dk.ligevaerd.support.Acting.as;
import static dk.ligevaerd.support.Acting.run;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.account.CurrentUser;
import dk.ligevaerd.shared.NotFoundOrNoAccessException;
import dk.ligevaerd.workspace.domain.MembershipRepository;
import dk.ligevaerd.workspace.domain.WorkspaceRepository;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The membership check for reads every open page repeats after each live event: it holds what it
 * read, and lets go of it as soon as a change to the workspace's members is committed here.
 */
@SpringBootTest(properties = {"ligevaerd.demo.enabled=false",
        "spring.datasource.url=jdbc:h2:file:./target/test-db/live-read-${random.uuid}"})
class LiveReadAccessIT {

    @Autowired AccountService accounts;
    @Autowired WorkspaceService workspaces;
    @Autowired InvitationService invitations;
    @Autowired WorkspaceAccess access;
    @Autowired JdbcTemplate jdbc;
    @Autowired MembershipRepository memberships;
    @Autowired WorkspaceRepository workspaceRows;
    @Autowired CurrentUser currentUser;

    WorkspaceFixture f;

    @BeforeEach
    void fixture() {
        f = new WorkspaceFixture(accounts, workspaces, invitations);
    }

    @Test
    void a_member_removed_here_is_refused_at_their_next_live_read() {
        run(f.participant, () -> access.requireMembershipForLiveRead(f.workspaceId));

        as(f.owner, () -> workspaces.remove(f.workspaceId, f.participant.id()));

        assertThatThrownBy(() -> run(f.participant, () -> access.requireMembershipForLiveRead(f.workspaceId)))
                .isInstanceOf(NotFoundOrNoAccessException.class);
    }

    @Test
    void any_change_to_the_workspace_committed_here_drops_the_held_copies() {
        run(f.participant, () -> access.requireMembershipForLiveRead(f.workspaceId));
        // Gone behind the application's back: only a change heard of makes the check read again.
        jdbc.update("delete from membership where workspace_id = ? and user_id = ?", f.workspaceId,
                f.participant.id());

        run(f.owner, () -> workspaces.rename(f.workspaceId, "Omdøbt", ""));

        assertThatThrownBy(() -> run(f.participant, () -> access.requireMembershipForLiveRead(f.workspaceId)))
                .isInstanceOf(NotFoundOrNoAccessException.class);
    }

    @Test
    void an_outsider_is_refused_and_a_held_copy_is_used_until_a_change_is_heard_of() {
        assertThatThrownBy(() -> run(f.outsider, () -> access.requireMembershipForLiveRead(f.workspaceId)))
                .isInstanceOf(NotFoundOrNoAccessException.class);
        run(f.participant, () -> access.requireMembershipForLiveRead(f.workspaceId));

        // Gone behind the application's back (as a change on another node, not yet announced here):
        // the held copy stands, for a while at most; the full check sees the database at once.
        jdbc.update("delete from membership where workspace_id = ? and user_id = ?", f.workspaceId,
                f.participant.id());
        run(f.participant, () -> access.requireMembershipForLiveRead(f.workspaceId));
        assertThatThrownBy(() -> as(f.participant, () -> access.requireMember(f.workspaceId)))
                .isInstanceOf(NotFoundOrNoAccessException.class);
    }

    @Test
    void with_other_nodes_a_held_copy_is_read_again_after_five_seconds_and_alone_it_stands_until_a_change() {
        AtomicLong nanos = new AtomicLong();
        WorkspaceAccess withOthers = new WorkspaceAccess(memberships, workspaceRows, currentUser, true, nanos::get);
        WorkspaceAccess alone = new WorkspaceAccess(memberships, workspaceRows, currentUser, false, nanos::get);
        run(f.participant, () -> withOthers.requireMembershipForLiveRead(f.workspaceId));
        run(f.participant, () -> alone.requireMembershipForLiveRead(f.workspaceId));
        // Gone behind the application's back, as a change on another node whose announcement was lost.
        jdbc.update("delete from membership where workspace_id = ? and user_id = ?", f.workspaceId,
                f.participant.id());

        nanos.addAndGet(WorkspaceAccess.LIVE_HELD.toNanos() - 1);
        run(f.participant, () -> withOthers.requireMembershipForLiveRead(f.workspaceId));
        nanos.addAndGet(1);
        assertThatThrownBy(() -> run(f.participant, () -> withOthers.requireMembershipForLiveRead(f.workspaceId)))
                .isInstanceOf(NotFoundOrNoAccessException.class);

        // Alone, nothing changes who is in a workspace without this node hearing of it: a ballot an
        // hour later still costs no query per open page.
        nanos.addAndGet(java.time.Duration.ofHours(1).toNanos());
        run(f.participant, () -> alone.requireMembershipForLiveRead(f.workspaceId));
        alone.afterCommit(new WorkspaceEvents.WorkspaceRenamed(f.workspaceId, f.owner.id(), null, "Omdøbt"));
        assertThatThrownBy(() -> run(f.participant, () -> alone.requireMembershipForLiveRead(f.workspaceId)))
                .isInstanceOf(NotFoundOrNoAccessException.class);
    }
}
