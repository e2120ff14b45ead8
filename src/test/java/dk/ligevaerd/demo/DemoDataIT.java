package dk.ligevaerd.demo;

import static dk.ligevaerd.support.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;

import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.account.UserSummary;
import dk.ligevaerd.priority.PriorityService;
import dk.ligevaerd.priority.PriorityView;
import dk.ligevaerd.workspace.MemberView;
import dk.ligevaerd.workspace.Role;
import dk.ligevaerd.workspace.SideView;
import dk.ligevaerd.workspace.WorkspaceDetails;
import dk.ligevaerd.workspace.WorkspaceService;
import dk.ligevaerd.workspace.WorkspaceSummary;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(properties = {"ligevaerd.demo.enabled=true",
        "spring.datasource.url=jdbc:h2:file:./target/test-db/demo-${random.uuid}"})
class DemoDataIT {

    @Autowired AccountService accounts;
    @Autowired WorkspaceService workspaces;
    @Autowired PriorityService priorities;
    @Autowired UserDetailsService users;
    @Autowired PasswordEncoder passwords;
    @Autowired DemoAccountsWarning warning;

    private UserSummary user(String username) {
        return accounts.findByUsername(username).orElseThrow();
    }

    @Test
    void the_demo_workspace_has_both_sides_a_moderator_each_and_an_observer() {
        List<WorkspaceSummary> mine = as(user("kommune1"), () -> workspaces.mine());
        assertThat(mine).extracting(WorkspaceSummary::name).containsExactly("Besøgsvenner i Vestbyen");
        WorkspaceDetails d = as(user("kommune1"), () -> workspaces.details(mine.getFirst().id()));
        assertThat(d.sides()).extracting(SideView::name).containsExactly("Kommune", "Civilsamfund");
        Map<String, MemberView> members = d.members().stream()
                .collect(Collectors.toMap(MemberView::username, Function.identity()));
        assertThat(members).containsOnlyKeys("kommune1", "kommune2", "kommune3", "civil1", "civil2", "civil3",
                "observer1");
        long municipal = d.sides().get(0).id();
        long civil = d.sides().get(1).id();
        assertThat(members.get("kommune1").role()).isEqualTo(Role.MODERATOR);
        assertThat(members.get("kommune1").owner()).isTrue();
        assertThat(members.get("civil1").role()).isEqualTo(Role.MODERATOR);
        assertThat(members.get("civil1").sideId()).isEqualTo(civil);
        assertThat(members.get("kommune3").sideId()).isEqualTo(municipal);
        assertThat(members.get("observer1").role()).isEqualTo(Role.OBSERVER);
        assertThat(members.get("observer1").sideId()).isNull();

        List<PriorityView> proposed = as(user("observer1"), () -> priorities.list(d.id()));
        assertThat(proposed).extracting(PriorityView::sideId).contains(municipal, civil);
    }

    @Test
    void every_demo_account_logs_in_with_the_password_demo() {
        for (String username : List.of("kommune1", "kommune2", "kommune3", "civil1", "civil2", "civil3", "observer1")) {
            assertThat(passwords.matches("demo", users.loadUserByUsername(username).getPassword())).as(username).isTrue();
        }
    }

    @Test
    void the_log_warns_loudly_that_demo_accounts_exist(CapturedOutput output) {
        assertThat(warning.check()).containsExactlyElementsOf(DemoAccountsWarning.DEMO_USERNAMES);
        assertThat(output.getAll()).contains("DEMO ACCOUNTS EXIST: kommune1, kommune2").contains("WARN");
    }
}
