package dk.ligevaerd.demo;

import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.account.UserSummary;
import dk.ligevaerd.priority.PriorityService;
import dk.ligevaerd.priority.ValueLens;
import dk.ligevaerd.workspace.InvitationService;
import dk.ligevaerd.workspace.Role;
import dk.ligevaerd.workspace.SideView;
import dk.ligevaerd.workspace.WorkspaceService;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * On the first start with an empty database, builds "Besøgsvenner i Vestbyen" the way real people
 * would: the municipal owner creates it and invites everyone else, who accept their links. Every
 * demo account has the password {@value #PASSWORD}.
 */
@Component
@Conditional(DemoSwitch.class)
class DemoData implements ApplicationRunner {

    static final String PASSWORD = "demo";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final AccountService accounts;
    private final WorkspaceService workspaces;
    private final InvitationService invitations;
    private final PriorityService priorities;
    private final ApplicationEventPublisher events;

    DemoData(AccountService accounts, WorkspaceService workspaces, InvitationService invitations,
            PriorityService priorities, ApplicationEventPublisher events) {
        this.events = events;
        this.accounts = accounts;
        this.workspaces = workspaces;
        this.invitations = invitations;
        this.priorities = priorities;
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

        UserSummary civil1 = join(owner, workspaceId, "civil1", "Ali Hassan (Ældresagen Vestby)", civil, Role.MODERATOR);
        UserSummary kommune2 = join(owner, workspaceId, "kommune2", "Mette Lund (Ældreområdet)", municipal,
                Role.PARTICIPANT);
        UserSummary kommune3 = join(owner, workspaceId, "kommune3", "Jonas Berg (Frivillighedskonsulent)", municipal,
                Role.PARTICIPANT);
        // Each side invites its own members: the owner only found civil society's first moderator.
        UserSummary civil2 = join(civil1, workspaceId, "civil2", "Inge Sørensen (Røde Kors)", civil, Role.PARTICIPANT);
        UserSummary civil3 = join(civil1, workspaceId, "civil3", "Bo Nielsen (Borgerforeningen)", civil,
                Role.PARTICIPANT);
        UserSummary observer = join(owner, workspaceId, "observer1", "Susanne Dahl (Udvalgsmedlem)", null,
                Role.OBSERVER);

        propose(kommune2, workspaceId, "Faste besøg hver uge hos de mest ensomme",
                "Visitationen peger på borgere med størst behov, og hver af dem får en fast besøgsven.",
                ValueLens.SERVICE_QUALITY);
        propose(owner, workspaceId, "Én indgang for henvisning og koordinering",
                "Kommunen samler henvisninger ét sted, så frivillige ikke bruger tid på papirarbejde.",
                ValueLens.EFFICIENCY);
        propose(civil1, workspaceId, "De ældre er med til at forme tilbuddet",
                "Ældre i Vestbyen deltager i styregruppen og er med til at bestemme, hvad et godt besøg er.",
                ValueLens.PARTICIPATION, ValueLens.SHARED_VALUES);
        propose(civil2, workspaceId, "Frivillige bestemmer selv deres form",
                "Foreningerne beholder deres egen måde at organisere frivillige på; kommunen støtter uden at styre.",
                ValueLens.ADVOCACY);
        propose(civil3, workspaceId, "Fællesskaber, ikke kun besøg",
                "Besøgsvennerne åbner døre til klubber, spisefællesskaber og foreningsliv i Vestbyen.",
                ValueLens.SHARED_VALUES, ValueLens.PARTICIPATION);
        Map<String, UserSummary> users = new LinkedHashMap<>();
        for (UserSummary u : List.of(owner, kommune2, kommune3, civil1, civil2, civil3, observer)) {
            users.put(u.username(), u);
        }
        events.publishEvent(new DemoWorkspaceCreated(workspaceId, municipal, civil, Map.copyOf(users)));
        log.info("Created the demo workspace 'Besøgsvenner i Vestbyen'; demo logins are in the README");
    }

    private UserSummary join(UserSummary inviter, long workspaceId, String username, String displayName, Long sideId,
            Role role) {
        String token = as(inviter, () -> invitations.create(workspaceId, sideId, role, Duration.ofDays(7)).token());
        UserSummary user = accounts.registerDemoAccount(username, displayName, PASSWORD);
        as(user, () -> invitations.accept(token));
        return user;
    }

    private long propose(UserSummary who, long workspaceId, String title, String description, ValueLens... lenses) {
        return as(who, () -> priorities.propose(workspaceId, title, description, Set.of(lenses)));
    }

    private static <T> T as(UserSummary user, Supplier<T> call) {
        return DemoUsers.as(user, call);
    }
}
