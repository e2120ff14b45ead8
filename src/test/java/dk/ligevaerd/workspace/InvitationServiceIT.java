package dk.ligevaerd.workspace;

import static dk.ligevaerd.support.Acting.as;
import static dk.ligevaerd.support.Refusals.keyOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.account.UserSummary;
import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.support.MutableClock;
import dk.ligevaerd.support.TestClockConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

@SpringBootTest(properties = {"ligevaerd.demo.enabled=false",
        "spring.datasource.url=jdbc:h2:file:./target/test-db/invitations-${random.uuid}"})
@Import(TestClockConfig.class)
class InvitationServiceIT {

    @Autowired AccountService accounts;
    @Autowired WorkspaceService workspaces;
    @Autowired InvitationService invitations;
    @Autowired MutableClock clock;

    WorkspaceFixture f;

    @BeforeEach
    void fixture() {
        f = new WorkspaceFixture(accounts, workspaces, invitations);
    }

    private String link(Long sideId, Role role, Duration validity) {
        // Each side's moderator invites into their side (the owner into Kommune and as observers).
        UserSummary inviter = sideId == null ? f.owner : f.moderatorOf(sideId);
        return as(inviter, () -> invitations.create(f.workspaceId, sideId, role, validity).token());
    }

    private UserSummary newcomer() {
        return accounts.register("new-" + System.nanoTime(), "Newcomer", "bla-hest-tromme-7");
    }


    @Test
    void accepting_a_link_joins_on_its_side_with_its_role() {
        String token = link(f.civilSideId, Role.MODERATOR, Duration.ofDays(7));
        UserSummary newcomer = newcomer();
        InvitationPreview preview = as(newcomer, () -> invitations.preview(token));
        assertThat(preview.role()).isEqualTo(Role.MODERATOR);
        assertThat(preview.sideName()).isEqualTo("Civilsamfund");

        long workspaceId = as(newcomer, () -> invitations.accept(token));

        assertThat(workspaceId).isEqualTo(f.workspaceId);
        Member me = as(newcomer, () -> workspaces.details(f.workspaceId).me());
        assertThat(me.sideId()).isEqualTo(f.civilSideId);
        assertThat(me.role()).isEqualTo(Role.MODERATOR);
        assertThat(me.owner()).isFalse();
    }

    @Test
    void a_used_link_is_refused_for_the_next_person() {
        String token = link(f.civilSideId, Role.PARTICIPANT, Duration.ofDays(7));
        as(newcomer(), () -> invitations.accept(token));
        UserSummary second = newcomer();
        assertThat(keyOf(() -> as(second, () -> invitations.accept(token)))).isEqualTo("error.invitation.used");
        assertThat(keyOf(() -> invitations.preview(token))).isEqualTo("error.invitation.used");
        assertThat(as(second, () -> workspaces.mine())).isEmpty();
    }

    @Test
    void an_expired_link_is_refused() {
        String token = link(f.civilSideId, Role.PARTICIPANT, Duration.ofHours(2));
        clock.advance(Duration.ofHours(2));
        UserSummary late = newcomer();
        assertThat(keyOf(() -> as(late, () -> invitations.accept(token)))).isEqualTo("error.invitation.expired");
        assertThat(as(late, () -> workspaces.mine())).isEmpty();
    }

    @Test
    void a_revoked_link_is_refused() {
        NewInvitation made = as(f.otherModerator, () -> invitations.create(f.workspaceId, f.civilSideId,
                Role.PARTICIPANT, Duration.ofDays(1)));
        as(f.otherModerator, () -> {
            invitations.revoke(f.workspaceId, made.invitation().id());
            return null;
        });
        UserSummary user = newcomer();
        assertThat(keyOf(() -> as(user, () -> invitations.accept(made.token())))).isEqualTo("error.invitation.revoked");
        assertThat(as(f.otherModerator, () -> invitations.list(f.workspaceId)).getFirst().status())
                .isEqualTo(InvitationStatus.REVOKED);
    }

    @Test
    void forged_or_malformed_tokens_are_invalid() {
        UserSummary user = newcomer();
        for (String forged : List.of("x".repeat(43), "abc", "../../etc/passwd", "", "a".repeat(5000))) {
            assertThat(keyOf(() -> as(user, () -> invitations.accept(forged)))).as(forged)
                    .isEqualTo("error.invitation.invalid");
        }
    }

    @Test
    void a_member_opening_another_link_keeps_their_place_and_the_link_stays_unused() {
        String token = link(f.civilSideId, Role.MODERATOR, Duration.ofDays(1));
        assertThat(keyOf(() -> as(f.participant, () -> invitations.accept(token))))
                .isEqualTo("error.invitation.alreadyMember");
        assertThat(as(f.participant, () -> workspaces.details(f.workspaceId).me().role())).isEqualTo(Role.PARTICIPANT);
        assertThat(as(f.otherModerator, () -> invitations.list(f.workspaceId)).getFirst().status())
                .isEqualTo(InvitationStatus.PENDING);
    }

    @Test
    void a_link_for_a_side_of_another_workspace_cannot_be_made() {
        long foreignSide = as(f.otherWorkspaceOwner, () -> workspaces.details(f.otherWorkspaceId).sides().getFirst().id());
        assertThat(keyOf(() -> as(f.owner, () -> invitations.create(f.workspaceId, foreignSide, Role.PARTICIPANT,
                Duration.ofDays(1))))).isEqualTo("error.notFoundOrNoAccess");
    }

    @Test
    void two_people_redeeming_one_link_at_the_same_moment_give_exactly_one_membership() throws Exception {
        String token = link(f.civilSideId, Role.PARTICIPANT, Duration.ofDays(1));
        int contenders = 8;
        List<UserSummary> people = new ArrayList<>();
        for (int i = 0; i < contenders; i++) {
            people.add(newcomer());
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (UserSummary person : people) {
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        as(person, () -> invitations.accept(token));
                        return true;
                    } catch (DomainException refused) {
                        assertThat(refused.messageKey()).isEqualTo("error.invitation.used");
                        return false;
                    }
                }));
            }
            start.countDown();
            int joined = 0;
            for (Future<Boolean> result : results) {
                joined += result.get() ? 1 : 0;
            }
            assertThat(joined).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        long members = as(f.owner, () -> workspaces.details(f.workspaceId).members().stream()
                .filter(m -> people.stream().anyMatch(p -> p.id() == m.userId())).count());
        assertThat(members).isEqualTo(1);
    }
}
