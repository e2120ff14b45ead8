package dk.ligevaerd.workspace;

import static dk.ligevaerd.support.Acting.as;
import static dk.ligevaerd.support.Refusals.keyOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.account.UserSummary;
import dk.ligevaerd.mail.ReceivedMail;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Invitations by e-mail, delivered to a real SMTP server started in the test: the received
 * message is read back and checked for recipient, language, side, role, the escaped note, and a
 * link that works when followed.
 */
@SpringBootTest(properties = {"ligevaerd.demo.enabled=false",
        "spring.datasource.url=jdbc:h2:file:./target/test-db/invitation-mail-${random.uuid}",
        "ligevaerd.mail.base-url=https://ligevaerd.example.org/", "ligevaerd.mail.poll-interval=500ms"})
class InvitationMailIT {

    static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @AfterAll
    static void stop() {
        SMTP.stop();
    }

    @Autowired AccountService accounts;
    @Autowired WorkspaceService workspaces;
    @Autowired InvitationService invitations;

    WorkspaceFixture f;

    @BeforeEach
    void fixture() throws Exception {
        f = new WorkspaceFixture(accounts, workspaces, invitations);
        SMTP.purgeEmailFromAllMailboxes();
    }

    private ReceivedMail onlyMailTo(String address) {
        assertThat(SMTP.waitForIncomingEmail(15_000, 1)).as("a mail arrives").isTrue();
        List<ReceivedMail> received = Arrays.stream(SMTP.getReceivedMessages()).map(ReceivedMail::of).toList();
        assertThat(received).hasSize(1);
        assertThat(received.getFirst().to()).containsExactly(address);
        return received.getFirst();
    }

    @Test
    void an_invitation_by_mail_arrives_in_the_workspace_language_and_its_link_lets_the_person_in() {
        as(f.owner, () -> {
            workspaces.setLanguage(f.workspaceId, "en");
            return null;
        });
        String note = "Welcome! <b>Bring</b> the \"minutes\" & <script>alert(1)</script>\nSee you Thursday.";
        NewInvitation made = as(f.otherModerator, () -> invitations.create(f.workspaceId, f.civilSideId,
                Role.PARTICIPANT, Duration.ofDays(7), "  new.member@example.org ", note));

        ReceivedMail mail = onlyMailTo("new.member@example.org");
        String workspaceName = as(f.owner, () -> workspaces.details(f.workspaceId).name());
        assertThat(mail.subject()).isEqualTo("Invitation to “" + workspaceName + "” in Ligeværd");
        assertThat(mail.text()).contains(f.otherModerator.displayName() + " invites you to join the workspace “"
                + workspaceName + "”")
                .contains("You are invited to the side “Civilsamfund” as Participant.")
                .contains("> Welcome! <b>Bring</b> the \"minutes\" & <script>alert(1)</script>")
                .contains("> See you Thursday.")
                .contains("Accept the invitation:\nhttps://ligevaerd.example.org/invite/");
        // The note is shown as text in the HTML part, never as markup.
        assertThat(mail.html()).contains("Welcome! &lt;b&gt;Bring&lt;/b&gt; the &quot;minutes&quot; &amp; "
                + "&lt;script&gt;alert(1)&lt;/script&gt;<br>")
                .doesNotContain("<script>").doesNotContain("<b>Bring")
                .contains("<a href=\"" + mail.inviteLink() + "\">Accept the invitation</a>");
        assertThat(mail.inviteToken()).isEqualTo(made.token());

        UserSummary newcomer = accounts.register("mailed-" + System.nanoTime(), "Mailed", "bla-hest-tromme-7");
        long joined = as(newcomer, () -> invitations.accept(mail.inviteToken()));
        assertThat(joined).isEqualTo(f.workspaceId);
        Member me = as(newcomer, () -> workspaces.details(f.workspaceId).me());
        assertThat(me.sideId()).isEqualTo(f.civilSideId);
        assertThat(me.role()).isEqualTo(Role.PARTICIPANT);
        // Single use: the same mailed link does not let a second person in.
        UserSummary second = accounts.register("second-" + System.nanoTime(), "Second", "bla-hest-tromme-7");
        assertThat(keyOf(() -> as(second, () -> invitations.accept(mail.inviteToken()))))
                .isEqualTo("error.invitation.used");
    }

    @Test
    void a_danish_workspace_invites_in_danish_and_an_observer_on_no_side() {
        as(f.owner, () -> invitations.create(f.workspaceId, null, Role.OBSERVER, Duration.ofDays(2),
                "observer@example.org", ""));

        ReceivedMail mail = onlyMailTo("observer@example.org");
        assertThat(mail.subject()).startsWith("Invitation til “");
        assertThat(mail.text()).contains(" inviterer dig til arbejdsrummet “")
                .contains("Du er inviteret som Observatør")
                .contains("Tag imod invitationen:\nhttps://ligevaerd.example.org/invite/")
                .doesNotContain(" skriver:");
        assertThat(mail.html()).contains("<html").contains("Tag imod invitationen</a>");
    }

    @Test
    void a_link_only_invitation_sends_nothing_and_a_bad_address_changes_nothing() throws Exception {
        NewInvitation linkOnly = as(f.otherModerator, () -> invitations.create(f.workspaceId, f.civilSideId,
                Role.PARTICIPANT, Duration.ofDays(7), " ", null));
        assertThat(linkOnly.token()).hasSize(43);
        int before = as(f.otherModerator, () -> invitations.list(f.workspaceId)).size();

        for (String bad : List.of("no-at-sign", "two@@example.org", "a@b", "x@example.org\r\nBcc: all@example.org",
                "x@example.org, y@example.org", "x".repeat(250) + "@example.org")) {
            assertThat(keyOf(() -> as(f.otherModerator, () -> invitations.create(f.workspaceId, f.civilSideId,
                    Role.PARTICIPANT, Duration.ofDays(7), bad, "hi")))).as(bad).isEqualTo("error.mail.address");
        }
        assertThat(keyOf(() -> as(f.otherModerator, () -> invitations.create(f.workspaceId, f.civilSideId,
                Role.PARTICIPANT, Duration.ofDays(7), "ok@example.org", "n".repeat(InvitationService.NOTE_MAX_LENGTH + 1)))))
                .isEqualTo("error.length");
        // A moderator of one side cannot mail invitations into the other side.
        assertThat(keyOf(() -> as(f.otherModerator, () -> invitations.create(f.workspaceId, f.municipalSideId,
                Role.PARTICIPANT, Duration.ofDays(7), "ok@example.org", "")))).isEqualTo("error.permission.sideModerator");

        assertThat(as(f.otherModerator, () -> invitations.list(f.workspaceId))).hasSize(before);
        Thread.sleep(1500);
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }
}
