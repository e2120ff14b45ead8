package dk.ligevaerd.demo;

import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.account.LigevaerdUser;
import dk.ligevaerd.account.UserSummary;
import dk.ligevaerd.workspace.InvitationService;
import dk.ligevaerd.workspace.Role;
import dk.ligevaerd.workspace.SideView;
import dk.ligevaerd.workspace.WorkspaceService;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * On the first start with an empty database, builds "Besøgsvenner i Vestbyen" the way real people
 * would: the municipal owner creates it and invites everyone else, who accept their links. Every
 * demo account has the password {@value #PASSWORD}.
 */
@Component
@ConditionalOnProperty(name = "ligevaerd.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoData implements ApplicationRunner {

    static final String PASSWORD = "demo";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final AccountService accounts;
    private final WorkspaceService workspaces;
    private final InvitationService invitations;

    DemoData(AccountService accounts, WorkspaceService workspaces, InvitationService invitations) {
        this.accounts = accounts;
        this.workspaces = workspaces;
        this.invitations = invitations;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.hasAnyAccount()) {
            return;
        }
        UserSummary owner = accounts.registerDemoAccount("kommune1", "Karen Holm (Kommune)", PASSWORD);
        long workspaceId = as(owner, () -> workspaces.create("Besøgsvenner i Vestbyen",
                "Kommunen og foreningerne i Vestbyen vil sammen skabe et besøgsvennetilbud til ensomme ældre. "
                        + "Hvad skal det være til for – og for hvem?",
                List.of("Kommune", "Civilsamfund"), 0));
        List<SideView> sides = as(owner, () -> workspaces.details(workspaceId).sides());
        long municipal = sides.get(0).id();
        long civil = sides.get(1).id();

        join(owner, workspaceId, "civil1", "Ali Hassan (Ældresagen Vestby)", civil, Role.MODERATOR);
        join(owner, workspaceId, "kommune2", "Mette Lund (Ældreområdet)", municipal, Role.PARTICIPANT);
        join(owner, workspaceId, "kommune3", "Jonas Berg (Frivillighedskonsulent)", municipal, Role.PARTICIPANT);
        join(owner, workspaceId, "civil2", "Inge Sørensen (Røde Kors)", civil, Role.PARTICIPANT);
        join(owner, workspaceId, "civil3", "Bo Nielsen (Borgerforeningen)", civil, Role.PARTICIPANT);
        join(owner, workspaceId, "observer1", "Susanne Dahl (Udvalgsmedlem)", null, Role.OBSERVER);
        log.info("Created the demo workspace 'Besøgsvenner i Vestbyen'; demo logins are in the README");
    }

    private void join(UserSummary owner, long workspaceId, String username, String displayName, Long sideId, Role role) {
        String token = as(owner, () -> invitations.create(workspaceId, sideId, role, Duration.ofDays(7)).token());
        UserSummary user = accounts.registerDemoAccount(username, displayName, PASSWORD);
        as(user, () -> invitations.accept(token));
    }

    /** Runs a service call as the given demo user, exactly as if they had clicked it. */
    private static <T> T as(UserSummary user, Supplier<T> call) {
        var principal = new LigevaerdUser(user.id(), user.username(), user.displayName(), "");
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return call.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
