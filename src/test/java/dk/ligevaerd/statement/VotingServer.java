package dk.ligevaerd.statement;

import static dk.ligevaerd.support.Acting.as;

import dk.ligevaerd.Application;
import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.account.UserSummary;
import dk.ligevaerd.priority.PriorityService;
import dk.ligevaerd.priority.ValueLens;
import dk.ligevaerd.round.ChainVerification;
import dk.ligevaerd.round.RoundDraft;
import dk.ligevaerd.round.RoundService;
import dk.ligevaerd.workspace.WorkspaceService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application as a process of its own, for {@link StatementRestartIT}: it serves the web and the
 * {@code /collab} socket like the jar, and with {@code --voting} it also runs decision rounds in the
 * demo workspace, one after the other, through the real services: the municipal moderator opens a
 * round, all six demo members vote at once, and both sides' moderators confirm its closing. After each
 * call has returned (its transaction committed) it prints an {@code ACK} line; that is the
 * acknowledgement the test holds the restarted server to. With {@code --chain} it prints the result
 * of verifying the demo workspace's record chain once started.
 */
public final class VotingServer {

    private static final long WORKSPACE = 1;

    public static void main(String[] args) throws Exception {
        boolean voting = Arrays.asList(args).contains("--voting");
        boolean chain = Arrays.asList(args).contains("--chain");
        String[] appArgs = Arrays.stream(args).filter(a -> !a.equals("--voting") && !a.equals("--chain"))
                .toArray(String[]::new);
        ConfigurableApplicationContext context = SpringApplication.run(Application.class, appArgs);
        AccountService accounts = context.getBean(AccountService.class);
        WorkspaceService workspaces = context.getBean(WorkspaceService.class);
        UserSummary kommune1 = await(accounts, "kommune1");
        UserSummary civil1 = await(accounts, "civil1");
        while (true) {
            try {
                as(civil1, () -> workspaces.details(WORKSPACE));
                break;
            } catch (RuntimeException notYet) {
                Thread.sleep(100);
            }
        }
        if (chain) {
            ChainVerification verification = as(civil1, () -> context.getBean(RoundService.class).verifyChain(WORKSPACE));
            say("CHAIN " + verification.records() + " " + verification.intact() + " " + verification.problems());
        }
        say("READY");
        if (voting) {
            vote(context, accounts, kommune1, civil1);
        }
    }

    private static void vote(ConfigurableApplicationContext context, AccountService accounts, UserSummary kommune1,
            UserSummary civil1) throws InterruptedException {
        PriorityService priorities = context.getBean(PriorityService.class);
        RoundService rounds = context.getBean(RoundService.class);
        List<UserSummary> voters = new ArrayList<>();
        for (String name : List.of("kommune1", "kommune2", "kommune3", "civil1", "civil2", "civil3")) {
            voters.add(await(accounts, name));
        }
        // Two priorities a round, well below the cap of priorities per workspace.
        for (int r = 0; r < 80; r++) {
            int n = r;
            long a = as(kommune1, () -> priorities.propose(WORKSPACE, "Forslag " + n + " a", "",
                    Set.of(ValueLens.PARTICIPATION)));
            long b = as(kommune1, () -> priorities.propose(WORKSPACE, "Forslag " + n + " b", "",
                    Set.of(ValueLens.SHARED_VALUES)));
            long round = as(kommune1, () -> rounds.create(WORKSPACE,
                    RoundDraft.dots("Runde " + n, List.of(a, b), 10, 5, 1).withSecret(false)));
            as(kommune1, () -> {
                rounds.open(WORKSPACE, round);
                return null;
            });
            List<Thread> casting = new ArrayList<>();
            for (UserSummary voter : voters) {
                casting.add(Thread.ofPlatform().start(() -> {
                    as(voter, () -> {
                        rounds.castDots(WORKSPACE, round, Map.of(a, 3, b, 2));
                        return null;
                    });
                    say("ACK ballot " + round + " " + voter.id());
                }));
            }
            for (Thread t : casting) {
                t.join();
            }
            for (UserSummary moderator : List.of(kommune1, civil1)) {
                boolean closed = as(moderator, () -> rounds.confirmClosing(WORKSPACE, round));
                say("ACK confirm " + round + " " + moderator.id());
                if (closed) {
                    say("ACK closed " + round);
                }
            }
        }
    }

    private static UserSummary await(AccountService accounts, String username) throws InterruptedException {
        while (true) {
            Optional<UserSummary> user = accounts.findByUsername(username);
            if (user.isPresent()) {
                return user.get();
            }
            Thread.sleep(100);
        }
    }

    private static synchronized void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
