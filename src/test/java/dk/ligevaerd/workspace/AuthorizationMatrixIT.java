package dk.ligevaerd.workspace;

import static dk.ligevaerd.support.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;

import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.account.OrganisationSignInService;
import dk.ligevaerd.account.UserSummary;
import dk.ligevaerd.deliberation.CommentService;
import dk.ligevaerd.deliberation.TargetKind;
import dk.ligevaerd.history.HistoryExportService;
import dk.ligevaerd.history.HistoryFilter;
import dk.ligevaerd.history.HistoryService;
import dk.ligevaerd.insight.InsightService;
import dk.ligevaerd.notify.NotificationKind;
import dk.ligevaerd.notify.NotificationService;
import dk.ligevaerd.notify.OutboxService;
import dk.ligevaerd.priority.PriorityService;
import dk.ligevaerd.priority.ValueLens;
import dk.ligevaerd.round.DecisionRule;
import dk.ligevaerd.round.RecordExportService;
import dk.ligevaerd.round.RoundDraft;
import dk.ligevaerd.round.RoundService;
import dk.ligevaerd.round.rules.Vote;
import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.shared.NotFoundOrNoAccessException;
import dk.ligevaerd.shared.NotPermittedException;
import dk.ligevaerd.statement.Amendment;
import dk.ligevaerd.statement.CollabService;
import dk.ligevaerd.statement.PassageAt;
import dk.ligevaerd.statement.collab.Passage;
import dk.ligevaerd.suggestion.SuggestionService;
import dk.ligevaerd.statement.LiveChange;
import dk.ligevaerd.statement.Seat;
import dk.ligevaerd.statement.StatementService;
import dk.ligevaerd.statement.collab.ChangeSet;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The authorization matrix: every public method of every service bean, run by every kind of caller,
 * against the real services and a real database file. Each cell's expected outcome is written below;
 * a service method without a row fails the test, so a new method must be classified before it lands.
 *
 * <p>Which methods: every public, non-static method declared by a Spring bean in {@code dk.ligevaerd}
 * whose class is named {@code *Service}. These are what views and the {@code /collab} socket call.
 * Left out, on purpose: methods Spring itself calls on events or a schedule (annotated listeners),
 * and internal collaborators that are not services ({@code RecordKeeper}, {@code HistoryRecorder},
 * {@code WorkspaceAccess}, guards): they run inside a service's transaction after its check and are
 * not reachable from a view without going through a service.
 *
 * <p>Callers: the fixture's owner is also the moderator of Kommune; there is a moderator of
 * Civilsamfund, a participant of each side, an observer, an outsider (logged in, never a member), a
 * member who was removed, and nobody logged in at all.
 *
 * <p>A refusal must change nothing: for each method that writes, the cell runs on a fresh workspace and
 * compares a snapshot of everything a caller can see before and after. Methods that only read share
 * one prepared workspace.
 */
@SpringBootTest(properties = {"ligevaerd.demo.enabled=false", "ligevaerd.security.bcrypt-strength=4",
        "spring.datasource.url=jdbc:h2:file:./target/test-db/matrix-${random.uuid}"})
class AuthorizationMatrixIT {

    enum Actor {
        OUTSIDER, OBSERVER, PARTICIPANT_KOMMUNE, PARTICIPANT_CIVIL, OWNER_MODERATOR_KOMMUNE, MODERATOR_CIVIL,
        REMOVED, LOGGED_OUT
    }

    enum Outcome {
        ALLOWED,
        /** Refused as if the workspace did not exist ({@link NotFoundOrNoAccessException}). */
        NOT_FOUND,
        /** Refused with a permission error ({@link NotPermittedException}) naming the missing role. */
        NOT_PERMITTED,
        /** Refused because nobody is logged in ({@code error.loginRequired}). */
        LOGIN_REQUIRED,
        /**
         * Refused outside another feature's transaction: the method is a step of a service that has
         * checked the caller already ({@code Propagation.MANDATORY}), so no view can call it alone.
         */
        INTERNAL_ONLY,
        /** Refused with a translated domain message (the key is checked by the row). */
        DOMAIN_REFUSAL
    }

    /** What a cell needs prepared before the caller acts. */
    enum Need { NOTHING, PRIORITY, DRAFT_ROUND, OPEN_DOTS_ROUND, OPEN_RANKING_ROUND, OPEN_ADOPT_ROUND, CLOSED_ROUND,
        CIVIL_PROPOSAL, VERSION, INVITATION, EMPTY_SIDE, SUGGESTION, OUTDATED_SUGGESTION, ARCHIVED, THREAD,
        RESOLVED_THREAD }

    interface Call {
        Object run(Ctx c) throws Exception;
    }

    record Row(String method, boolean writes, Need need, Map<Actor, Outcome> expected, Call call) {
    }

    static final Set<Actor> MEMBERS = EnumSet.of(Actor.OBSERVER, Actor.PARTICIPANT_KOMMUNE, Actor.PARTICIPANT_CIVIL,
            Actor.OWNER_MODERATOR_KOMMUNE, Actor.MODERATOR_CIVIL);
    static final Set<Actor> CONTRIBUTORS = EnumSet.of(Actor.PARTICIPANT_KOMMUNE, Actor.PARTICIPANT_CIVIL,
            Actor.OWNER_MODERATOR_KOMMUNE, Actor.MODERATOR_CIVIL);
    static final Set<Actor> MODERATORS = EnumSet.of(Actor.OWNER_MODERATOR_KOMMUNE, Actor.MODERATOR_CIVIL);
    static final Set<Actor> OWNER = EnumSet.of(Actor.OWNER_MODERATOR_KOMMUNE);
    static final Set<Actor> CIVIL_MODERATOR = EnumSet.of(Actor.MODERATOR_CIVIL);

    /** Allowed for {@code allowed}; other members get a permission error, non-members "not found". */
    static Map<Actor, Outcome> workspace(Set<Actor> allowed) {
        Map<Actor, Outcome> m = new EnumMap<>(Actor.class);
        for (Actor a : Actor.values()) {
            m.put(a, allowed.contains(a) ? Outcome.ALLOWED
                    : a == Actor.LOGGED_OUT ? Outcome.LOGIN_REQUIRED
                    : MEMBERS.contains(a) ? Outcome.NOT_PERMITTED : Outcome.NOT_FOUND);
        }
        return m;
    }

    /**
     * A suggestion made by Kommune's participant: the civil side accepts or declines it; Kommune's
     * members are refused with a message (their side proposed it).
     */
    static Map<Actor, Outcome> otherSidesThan(Need suggestion) {
        Map<Actor, Outcome> m = workspace(EnumSet.of(Actor.PARTICIPANT_CIVIL, Actor.MODERATOR_CIVIL));
        m.put(Actor.PARTICIPANT_KOMMUNE, Outcome.DOMAIN_REFUSAL);
        m.put(Actor.OWNER_MODERATOR_KOMMUNE, Outcome.DOMAIN_REFUSAL);
        return m;
    }

    /** Only the suggestion's author (Kommune's participant); other contributors are told so. */
    static Map<Actor, Outcome> onlyProposer() {
        Map<Actor, Outcome> m = workspace(EnumSet.of(Actor.PARTICIPANT_KOMMUNE));
        m.put(Actor.PARTICIPANT_CIVIL, Outcome.DOMAIN_REFUSAL);
        m.put(Actor.OWNER_MODERATOR_KOMMUNE, Outcome.DOMAIN_REFUSAL);
        m.put(Actor.MODERATOR_CIVIL, Outcome.DOMAIN_REFUSAL);
        return m;
    }

    static Map<Actor, Outcome> all(Outcome outcome) {
        Map<Actor, Outcome> m = new EnumMap<>(Actor.class);
        for (Actor a : Actor.values()) {
            m.put(a, outcome);
        }
        return m;
    }

    static Map<Actor, Outcome> loggedIn() {
        Map<Actor, Outcome> m = all(Outcome.ALLOWED);
        m.put(Actor.LOGGED_OUT, Outcome.LOGIN_REQUIRED);
        return m;
    }

    static Map<Actor, Outcome> with(Map<Actor, Outcome> base, Actor actor, Outcome outcome) {
        Map<Actor, Outcome> m = new EnumMap<>(base);
        m.put(actor, outcome);
        return m;
    }

    static Row read(String method, Map<Actor, Outcome> expected, Call call) {
        return new Row(method, false, Need.NOTHING, expected, call);
    }

    static Row write(String method, Need need, Map<Actor, Outcome> expected, Call call) {
        return new Row(method, true, need, expected, call);
    }

    private static final AtomicInteger UNIQUE = new AtomicInteger();

    private static String unique() {
        return "m" + UNIQUE.incrementAndGet() + "-" + System.nanoTime() % 100000;
    }

    private static final List<Row> ROWS = List.of(
            // account: not tied to a workspace
            write("AccountService.register(String,String,String)", Need.NOTHING, all(Outcome.ALLOWED),
                    c -> c.accounts.register(unique(), "Ny", "bla-hest-tromme-7")),
            write("AccountService.registerFrom(String,String,String,String)", Need.NOTHING, all(Outcome.ALLOWED),
                    c -> c.accounts.registerFrom("10.77." + UNIQUE.get() % 250 + "." + (UNIQUE.incrementAndGet() % 250),
                            unique(), "Ny", "bla-hest-tromme-7")),
            // Only DemoData calls it, at start-up, and only when the demo is switched on.
            write("AccountService.registerDemoAccount(String,String,String)", Need.NOTHING, all(Outcome.ALLOWED),
                    c -> c.accounts.registerDemoAccount(unique(), "Demo", "bla-hest-tromme-7")),
            read("AccountService.findByUsername(String)", all(Outcome.ALLOWED),
                    c -> c.accounts.findByUsername(c.f.owner.username())),
            read("AccountService.summaries(Collection)", all(Outcome.ALLOWED),
                    c -> c.accounts.summaries(List.of(c.f.owner.id()))),
            read("AccountService.hasAnyAccount()", all(Outcome.ALLOWED), c -> c.accounts.hasAnyAccount()),
            read("AccountService.loadUserByUsername(String)", all(Outcome.ALLOWED),
                    c -> c.accounts.loadUserByUsername(c.f.owner.username())),
            // Sign-in with an organisation's account: the login page lists the providers, the name
            // page shows what waits in the caller's own session. Creating the account needs an
            // identity a provider vouched for in this session, which no caller here has.
            read("OrganisationSignInService.providers()", all(Outcome.ALLOWED), c -> c.signIns.providers()),
            read("OrganisationSignInService.pending()", all(Outcome.ALLOWED), c -> c.signIns.pending()),
            write("OrganisationSignInService.createAccount(String)", Need.NOTHING, all(Outcome.DOMAIN_REFUSAL),
                    c -> c.signIns.createAccount("Ny fra kommunen")),
            // A person's own data: only ever the caller's, so anyone logged in may.
            read("AccountService.writePersonalData(OutputStream)", loggedIn(), c -> {
                c.accounts.writePersonalData(OutputStream.nullOutputStream());
                return null;
            }),
            // Erasing oneself (confirmed with the password): refused for the owner of a workspace with
            // other members and for a side's only moderator, who must hand over first.
            write("AccountService.erase(String)", Need.NOTHING,
                    with(with(loggedIn(), Actor.OWNER_MODERATOR_KOMMUNE, Outcome.DOMAIN_REFUSAL),
                            Actor.MODERATOR_CIVIL, Outcome.DOMAIN_REFUSAL),
                    c -> c.accounts.erase("bla-hest-tromme-7")),
            read("AccountService.myEmail()", loggedIn(), c -> c.accounts.myEmail()),
            write("AccountService.requestEmail(String,Locale)", Need.NOTHING, loggedIn(),
                    c -> {
                        c.accounts.requestEmail(unique() + "@example.org", java.util.Locale.ENGLISH);
                        return null;
                    }),
            // The link is the credential: anyone may try one, and a wrong one is refused for everyone.
            write("AccountService.confirmEmail(String)", Need.NOTHING, all(Outcome.DOMAIN_REFUSAL),
                    c -> c.accounts.confirmEmail("A".repeat(43))),
            write("AccountService.removeEmail()", Need.NOTHING, loggedIn(), c -> {
                c.accounts.removeEmail();
                return null;
            }),
            write("AccountService.setMailLanguage(String)", Need.NOTHING, loggedIn(), c -> {
                c.accounts.setMailLanguage("en");
                return null;
            }),
            read("AccountService.mailRecipients(Collection)", all(Outcome.INTERNAL_ONLY),
                    c -> c.accounts.mailRecipients(List.of(c.f.owner.id()))),

            // workspace
            write("WorkspaceService.create(String,String,List,int)", Need.NOTHING, loggedIn(),
                    c -> c.workspaces.create("Ny " + unique(), "", List.of("A", "B"), 0)),
            read("WorkspaceService.mine()", loggedIn(), c -> c.workspaces.mine()),
            read("WorkspaceService.votersBySide(long)", all(Outcome.INTERNAL_ONLY),
                    c -> c.workspaces.votersBySide(c.f.workspaceId)),
            read("WorkspaceService.roster(long)", all(Outcome.INTERNAL_ONLY), c -> c.workspaces.roster(c.f.workspaceId)),
            read("WorkspaceService.facts(long)", all(Outcome.INTERNAL_ONLY), c -> c.workspaces.facts(c.f.workspaceId)),
            read("RoundService.notice(long)", all(Outcome.INTERNAL_ONLY), c -> c.rounds.notice(c.roundId)),
            read("OutboxService.summary(long)", workspace(MODERATORS), c -> c.outbox.summary(c.f.workspaceId)),
            read("OutboxService.unsent(long,int,int)", workspace(MODERATORS),
                    c -> c.outbox.unsent(c.f.workspaceId, 0, 10)),
            read("OutboxService.text(long,long)", workspace(MODERATORS), c -> c.outbox.text(c.f.workspaceId, c.mailId)),
            read("NotificationService.preferences()", loggedIn(), c -> c.notifications.preferences()),
            write("NotificationService.setPreference(NotificationKind,boolean,boolean)", Need.NOTHING, loggedIn(), c -> {
                c.notifications.setPreference(NotificationKind.ROUND_OPENED, false, false);
                return null;
            }),
            // An unsubscribe link is its own credential; one that is not ours is refused for everyone.
            read("NotificationService.unsubscribeKinds(String)", all(Outcome.DOMAIN_REFUSAL),
                    c -> c.notifications.unsubscribeKinds("B".repeat(43))),
            write("NotificationService.unsubscribe(String)", Need.NOTHING, all(Outcome.DOMAIN_REFUSAL),
                    c -> c.notifications.unsubscribe("B".repeat(43))),
            read("WorkspaceService.details(long)", workspace(MEMBERS), c -> c.workspaces.details(c.f.workspaceId)),
            write("WorkspaceService.switchJointClosingOn(long)", Need.NOTHING, workspace(MODERATORS),
                    c -> {
                        c.workspaces.switchJointClosingOn(c.f.workspaceId);
                        return null;
                    }),
            write("WorkspaceService.rename(long,String,String)", Need.NOTHING, workspace(OWNER), c -> {
                c.workspaces.rename(c.f.workspaceId, "Omdøbt", "ny beskrivelse");
                return null;
            }),
            write("WorkspaceService.setLanguage(long,String)", Need.NOTHING, workspace(OWNER), c -> {
                c.workspaces.setLanguage(c.f.workspaceId, "en");
                return null;
            }),
            write("WorkspaceService.recolourSide(long,long,String)", Need.NOTHING, workspace(OWNER), c -> {
                c.workspaces.recolourSide(c.f.workspaceId, c.f.civilSideId, "#1E7A4C");
                return null;
            }),
            // Bringing the observer into Civilsamfund is a proposal every side confirms (an observer is
            // on no side), so a moderator of either side, or the owner, may ask for it.
            write("WorkspaceService.assign(long,long,Role,Long)", Need.NOTHING, workspace(MODERATORS),
                    c -> c.workspaces.assign(c.f.workspaceId, c.f.observer.id(), Role.PARTICIPANT, c.f.civilSideId)),
            write("WorkspaceService.remove(long,long)", Need.NOTHING, workspace(OWNER), c -> {
                c.workspaces.remove(c.f.workspaceId, c.f.participant.id());
                return null;
            }),

            // presence
            read("PresenceService.enter(long)", workspace(MEMBERS), c -> {
                c.presence.enter(c.f.workspaceId).run();
                return null;
            }),
            read("PresenceService.online(long)", workspace(MEMBERS), c -> c.presence.online(c.f.workspaceId)),

            // invitations
            write("InvitationService.create(long,Long,Role,Duration)", Need.NOTHING, workspace(CIVIL_MODERATOR),
                    c -> c.invitations.create(c.f.workspaceId, c.f.civilSideId, Role.PARTICIPANT, Duration.ofDays(7))),
            // Mailing the link is part of making it: the same people may, into the same sides.
            write("InvitationService.create(long,Long,Role,Duration,String,String)", Need.NOTHING,
                    workspace(CIVIL_MODERATOR), c -> c.invitations.create(c.f.workspaceId, c.f.civilSideId,
                            Role.PARTICIPANT, Duration.ofDays(7), "invited@example.org", "Velkommen")),
            read("InvitationService.list(long)", workspace(MODERATORS), c -> c.invitations.list(c.f.workspaceId)),
            write("InvitationService.revoke(long,long)", Need.INVITATION, workspace(MODERATORS), c -> {
                c.invitations.revoke(c.f.workspaceId, c.invitationId);
                return null;
            }),
            // The link is the capability: anyone holding it may see where it leads and accept it.
            read("InvitationService.preview(String)", all(Outcome.ALLOWED), c -> c.invitations.preview(c.token)),
            write("InvitationService.accept(String)", Need.INVITATION,
                    with(with(with(with(with(with(loggedIn(), Actor.OBSERVER, Outcome.DOMAIN_REFUSAL),
                            Actor.PARTICIPANT_KOMMUNE, Outcome.DOMAIN_REFUSAL),
                            Actor.PARTICIPANT_CIVIL, Outcome.DOMAIN_REFUSAL),
                            Actor.OWNER_MODERATOR_KOMMUNE, Outcome.DOMAIN_REFUSAL),
                            Actor.MODERATOR_CIVIL, Outcome.DOMAIN_REFUSAL),
                            Actor.REMOVED, Outcome.ALLOWED),
                    c -> c.invitations.accept(c.token)),

            // governance: changes to the workspace are proposals
            write("GovernanceService.proposeJointClosingOff(long)", Need.NOTHING, workspace(MODERATORS),
                    c -> c.governance.proposeJointClosingOff(c.f.workspaceId)),
            write("GovernanceService.proposeAddSide(long,String,String)", Need.NOTHING, workspace(MODERATORS),
                    c -> c.governance.proposeAddSide(c.f.workspaceId, "Borgere", "#1E7A4C")),
            write("GovernanceService.proposeRenameSide(long,long,String)", Need.NOTHING, workspace(MODERATORS),
                    c -> c.governance.proposeRenameSide(c.f.workspaceId, c.f.civilSideId, "Foreninger")),
            write("GovernanceService.proposeRemoveSide(long,long)", Need.EMPTY_SIDE, workspace(MODERATORS),
                    c -> c.governance.proposeRemoveSide(c.f.workspaceId, c.emptySideId)),
            write("GovernanceService.proposeDefaultRule(long,DefaultRule)", Need.NOTHING, workspace(MODERATORS),
                    c -> c.governance.proposeDefaultRule(c.f.workspaceId, DefaultRule.CONSENT)),
            write("GovernanceService.proposeSuggestionsByModerators(long,boolean)", Need.NOTHING,
                    workspace(MODERATORS), c -> c.governance.proposeSuggestionsByModerators(c.f.workspaceId, true)),
            write("GovernanceService.proposeObserversMayComment(long,boolean)", Need.NOTHING,
                    workspace(MODERATORS), c -> c.governance.proposeObserversMayComment(c.f.workspaceId, true)),
            write("GovernanceService.proposeHandOver(long,long)", Need.NOTHING, workspace(OWNER),
                    c -> c.governance.proposeHandOver(c.f.workspaceId, c.f.otherModerator.id())),
            write("GovernanceService.proposeDelete(long)", Need.NOTHING, workspace(MODERATORS),
                    c -> c.governance.proposeDelete(c.f.workspaceId)),
            write("GovernanceService.proposeRetention(long,RetentionRule)", Need.NOTHING, workspace(MODERATORS),
                    c -> c.governance.proposeRetention(c.f.workspaceId, new RetentionRule(12, null, 24))),
            // Reopening is the one proposal an archived workspace takes; the cell's workspace is archived.
            write("GovernanceService.proposeUnarchive(long)", Need.ARCHIVED, workspace(MODERATORS),
                    c -> c.governance.proposeUnarchive(c.f.workspaceId)),
            write("GovernanceService.proposeMove(long,long,Role,long)", Need.NOTHING, workspace(MODERATORS),
                    c -> c.governance.proposeMove(c.f.workspaceId, c.f.participant.id(), Role.PARTICIPANT,
                            c.f.civilSideId)),
            write("GovernanceService.proposeRemoveObserver(long,long)", Need.NOTHING, workspace(MODERATORS),
                    c -> c.governance.proposeRemoveObserver(c.f.workspaceId, c.f.observer.id())),
            write("GovernanceService.proposeObserverJoins(long,long,Role,long)", Need.NOTHING, workspace(MODERATORS),
                    c -> c.governance.proposeObserverJoins(c.f.workspaceId, c.f.observer.id(), Role.PARTICIPANT,
                            c.f.civilSideId)),
            write("GovernanceService.confirm(long,long)", Need.CIVIL_PROPOSAL, workspace(OWNER), c -> {
                c.governance.confirm(c.f.workspaceId, c.proposalId);
                return null;
            }),
            write("GovernanceService.withdraw(long,long)", Need.CIVIL_PROPOSAL, workspace(MODERATORS), c -> {
                c.governance.withdraw(c.f.workspaceId, c.proposalId);
                return null;
            }),
            read("GovernanceService.pending(long)", workspace(MEMBERS), c -> c.governance.pending(c.f.workspaceId)),

            // comment threads: every member reads; participants and moderators comment (observers
            // only when every side agreed to it, by a proposal above); only a comment's author edits or deletes it (the
            // prepared thread was started by the owner).
            read("CommentService.threads(long)", workspace(MEMBERS), c -> c.comments.threads(c.f.workspaceId)),
            read("CommentService.thread(long,long)", workspace(MEMBERS),
                    c -> c.comments.thread(c.f.workspaceId, c.threadId)),
            read("CommentService.mayComment(long)", workspace(MEMBERS), c -> c.comments.mayComment(c.f.workspaceId)),
            write("CommentService.startOnPassage(long,int,int,int,String)", Need.NOTHING, workspace(CONTRIBUTORS),
                    c -> c.comments.startOnPassage(c.f.workspaceId, c.collab.snapshot(c.f.workspaceId).version(),
                            0, 2, "Hvad betyder det?")),
            write("CommentService.startOn(long,TargetKind,long,String)", Need.PRIORITY, workspace(CONTRIBUTORS),
                    c -> c.comments.startOn(c.f.workspaceId, TargetKind.PRIORITY, c.priorityId, "Hvem betaler?")),
            write("CommentService.reply(long,long,String)", Need.THREAD, workspace(CONTRIBUTORS),
                    c -> c.comments.reply(c.f.workspaceId, c.threadId, "Godt spørgsmål.")),
            write("CommentService.resolve(long,long)", Need.THREAD, workspace(CONTRIBUTORS), c -> {
                c.comments.resolve(c.f.workspaceId, c.threadId);
                return null;
            }),
            write("CommentService.reopen(long,long)", Need.RESOLVED_THREAD, workspace(CONTRIBUTORS), c -> {
                c.comments.reopen(c.f.workspaceId, c.threadId);
                return null;
            }),
            write("CommentService.edit(long,long,String)", Need.THREAD, workspace(OWNER), c -> {
                c.comments.edit(c.f.workspaceId, c.commentId, "Rettet");
                return null;
            }),
            write("CommentService.delete(long,long)", Need.THREAD, workspace(OWNER), c -> {
                c.comments.delete(c.f.workspaceId, c.commentId);
                return null;
            }),

            // priorities
            read("PriorityService.list(long)", workspace(MEMBERS), c -> c.priorities.list(c.f.workspaceId)),
            write("PriorityService.propose(long,String,String,Set)", Need.NOTHING, workspace(CONTRIBUTORS),
                    c -> c.priorities.propose(c.f.workspaceId, "Flere besøg", "", Set.of(ValueLens.PARTICIPATION))),
            // Only its proposer (here the owner) edits or withdraws a priority; others propose their own.
            write("PriorityService.edit(long,long,String,String,Set)", Need.PRIORITY, workspace(OWNER), c -> {
                c.priorities.edit(c.f.workspaceId, c.priorityId, "Rettet", "", Set.of(ValueLens.SHARED_VALUES));
                return null;
            }),
            write("PriorityService.withdraw(long,long)", Need.PRIORITY, workspace(OWNER), c -> {
                c.priorities.withdraw(c.f.workspaceId, c.priorityId);
                return null;
            }),
            write("PriorityService.merge(long,long,long)", Need.PRIORITY, workspace(MODERATORS), c -> {
                c.priorities.merge(c.f.workspaceId, c.priorityId, c.secondPriorityId);
                return null;
            }),
            write("PriorityService.includeInRound(long,Collection)", Need.PRIORITY, all(Outcome.INTERNAL_ONLY),
                    c -> c.priorities.includeInRound(c.f.workspaceId, List.of(c.priorityId))),
            write("PriorityService.decide(long,Collection,Collection)", Need.PRIORITY, all(Outcome.INTERNAL_ONLY), c -> {
                c.priorities.decide(c.f.workspaceId, List.of(c.priorityId), List.of());
                return null;
            }),
            write("PriorityService.release(long,Collection)", Need.PRIORITY, all(Outcome.INTERNAL_ONLY), c -> {
                c.priorities.release(c.f.workspaceId, List.of(c.priorityId));
                return null;
            }),

            // rounds
            write("RoundService.create(long,RoundDraft)", Need.PRIORITY, workspace(MODERATORS),
                    c -> c.rounds.create(c.f.workspaceId, RoundDraft.dots("Hvad først?",
                            List.of(c.priorityId, c.secondPriorityId), 10, 5, 1))),
            write("RoundService.update(long,long,RoundDraft)", Need.DRAFT_ROUND, workspace(MODERATORS), c -> {
                c.rounds.update(c.f.workspaceId, c.roundId, RoundDraft.dots("Hvad først, nu?",
                        List.of(c.priorityId, c.secondPriorityId), 10, 5, 1));
                return null;
            }),
            write("RoundService.open(long,long)", Need.DRAFT_ROUND, workspace(MODERATORS), c -> {
                c.rounds.open(c.f.workspaceId, c.roundId);
                return null;
            }),
            // With joint closing on, cancelling an open round is a request that waits for every side.
            write("RoundService.cancel(long,long,String)", Need.OPEN_DOTS_ROUND, workspace(MODERATORS),
                    c -> c.rounds.cancel(c.f.workspaceId, c.roundId, "Forkert spørgsmål")),
            write("RoundService.withdrawCancelRequest(long,long)", Need.OPEN_DOTS_ROUND, workspace(MODERATORS), c -> {
                c.rounds.cancel(c.f.workspaceId, c.roundId, "Forkert spørgsmål");
                c.rounds.withdrawCancelRequest(c.f.workspaceId, c.roundId);
                return null;
            }),
            write("RoundService.castDots(long,long,Map)", Need.OPEN_DOTS_ROUND, workspace(CONTRIBUTORS), c -> {
                c.rounds.castDots(c.f.workspaceId, c.roundId, Map.of(c.priorityId, 3));
                return null;
            }),
            write("RoundService.castRanking(long,long,List)", Need.OPEN_RANKING_ROUND, workspace(CONTRIBUTORS), c -> {
                c.rounds.castRanking(c.f.workspaceId, c.roundId, List.of(c.secondPriorityId, c.priorityId));
                return null;
            }),
            write("RoundService.castAdopt(long,long,Vote,String)", Need.OPEN_ADOPT_ROUND, workspace(CONTRIBUTORS), c -> {
                c.rounds.castAdopt(c.f.workspaceId, c.roundId, Vote.YES, null);
                return null;
            }),
            write("RoundService.confirmClosing(long,long)", Need.OPEN_DOTS_ROUND, workspace(MODERATORS),
                    c -> c.rounds.confirmClosing(c.f.workspaceId, c.roundId)),
            write("RoundService.withdrawConfirmation(long,long)", Need.OPEN_DOTS_ROUND, workspace(MODERATORS), c -> {
                c.rounds.confirmClosing(c.f.workspaceId, c.roundId);
                c.rounds.withdrawConfirmation(c.f.workspaceId, c.roundId);
                return null;
            }),
            read("RoundService.list(long)", workspace(MEMBERS), c -> c.rounds.list(c.f.workspaceId)),
            read("RoundService.get(long,long)", workspace(MEMBERS), c -> c.rounds.get(c.f.workspaceId, c.openDotsRoundId)),
            read("RoundService.counts(long,long,boolean)", workspace(MEMBERS),
                    c -> c.rounds.counts(c.f.workspaceId, c.openDotsRoundId, false)),
            read("RoundService.record(long,long)", workspace(MEMBERS), c -> c.rounds.record(c.f.workspaceId, c.closedRoundId)),
            read("RoundService.recordBySeq(long,long)", workspace(MEMBERS), c -> c.rounds.recordBySeq(c.f.workspaceId, 1)),
            read("RoundService.recordNumbers(long)", workspace(MEMBERS), c -> c.rounds.recordNumbers(c.f.workspaceId)),
            read("RoundService.records(long)", workspace(MEMBERS), c -> c.rounds.records(c.f.workspaceId)),
            read("RoundService.verifyChain(long)", workspace(MEMBERS), c -> c.rounds.verifyChain(c.f.workspaceId)),

            // decision records and history
            read("RecordExportService.fileName(long,long,Locale,String)", workspace(MEMBERS),
                    c -> c.exports.fileName(c.f.workspaceId, c.closedRoundId, Locale.ENGLISH, "pdf")),
            read("RecordExportService.writePdf(long,long,Locale,OutputStream)", workspace(MEMBERS), c -> {
                c.exports.writePdf(c.f.workspaceId, c.closedRoundId, Locale.ENGLISH, OutputStream.nullOutputStream());
                return null;
            }),
            read("RecordExportService.writeJson(long,long,OutputStream)", workspace(MEMBERS), c -> {
                c.exports.writeJson(c.f.workspaceId, c.closedRoundId, OutputStream.nullOutputStream());
                return null;
            }),
            read("RecordExportService.ballotsExportable(long,long)", workspace(MEMBERS),
                    c -> c.exports.ballotsExportable(c.f.workspaceId, c.closedRoundId)),
            read("RecordExportService.writeBallotsCsv(long,long,Locale,OutputStream)", workspace(MEMBERS), c -> {
                c.exports.writeBallotsCsv(c.f.workspaceId, c.closedRoundId, Locale.ENGLISH,
                        OutputStream.nullOutputStream());
                return null;
            }),
            read("HistoryService.timeline(long)", workspace(MEMBERS), c -> c.history.timeline(c.f.workspaceId)),
            read("HistoryService.timeline(long,HistoryFilter)", workspace(MEMBERS),
                    c -> c.history.timeline(c.f.workspaceId, HistoryFilter.ALL)),
            read("HistoryExportService.fileName(long,String,String)", workspace(MEMBERS),
                    c -> c.historyExports.fileName(c.f.workspaceId, "history", "pdf")),
            read("HistoryExportService.writeJson(long,OutputStream)", workspace(MEMBERS), c -> {
                c.historyExports.writeJson(c.f.workspaceId, OutputStream.nullOutputStream());
                return null;
            }),
            read("HistoryExportService.writePdf(long,Locale,OutputStream)", workspace(MEMBERS), c -> {
                c.historyExports.writePdf(c.f.workspaceId, Locale.ENGLISH, OutputStream.nullOutputStream());
                return null;
            }),
            read("InsightService.report(long,Instant,Instant,ZoneId)", workspace(MEMBERS),
                    c -> c.insight.report(c.f.workspaceId, null, null, ZoneOffset.UTC)),
            read("InsightService.rounds(long)", workspace(MEMBERS), c -> c.insight.rounds(c.f.workspaceId)),
            read("InsightService.roundReport(long,long)", workspace(MEMBERS),
                    c -> c.insight.roundReport(c.f.workspaceId, c.closedRoundId)),

            // the purpose statement
            read("StatementService.versions(long)", workspace(MEMBERS), c -> c.statements.versions(c.f.workspaceId)),
            read("StatementService.version(long,long)", workspace(MEMBERS),
                    c -> c.statements.version(c.f.workspaceId, c.versionId)),
            read("StatementService.compare(long,Long,Long)", workspace(MEMBERS),
                    c -> c.statements.compare(c.f.workspaceId, c.versionId, null)),
            read("StatementService.replay(long)", workspace(MEMBERS), c -> c.statements.replay(c.f.workspaceId)),
            read("StatementService.frame(long,int)", workspace(MEMBERS), c -> c.statements.frame(c.f.workspaceId, 1)),
            read("StatementService.wordSteps(long)", workspace(MEMBERS), c -> c.statements.wordSteps(c.f.workspaceId)),
            write("StatementService.saveVersion(long,String)", Need.NOTHING, workspace(CONTRIBUTORS),
                    c -> c.statements.saveVersion(c.f.workspaceId, "Udkast " + unique())),
            write("StatementService.snapshotForRound(long,String,Member)", Need.NOTHING, all(Outcome.INTERNAL_ONLY),
                    c -> c.statements.snapshotForRound(c.f.workspaceId, "Til afstemning",
                            new Member(c.f.workspaceId, c.f.owner.id(), c.f.municipalSideId, Role.MODERATOR, true))),
            write("StatementService.markAdoptedByRound(long,long,long)", Need.VERSION, all(Outcome.INTERNAL_ONLY), c -> {
                c.statements.markAdoptedByRound(c.f.workspaceId, c.versionId, 1);
                return null;
            }),
            read("CollabService.snapshot(long)", workspace(MEMBERS), c -> c.collab.snapshot(c.f.workspaceId)),
            read("CollabService.snapshot(Seat)", workspace(MEMBERS), c -> {
                Seat seat = c.collab.seat(c.f.workspaceId, ending -> { });
                try {
                    return c.collab.snapshot(seat);
                } finally {
                    c.collab.leave(seat);
                }
            }),
            write("CollabService.push(long,int,List)", Need.NOTHING, workspace(CONTRIBUTORS), c -> {
                int version = c.collab.snapshot(c.f.workspaceId).version();
                int length = c.collab.snapshot(c.f.workspaceId).text().length();
                return c.collab.push(c.f.workspaceId, version,
                        List.of(new LiveChange("matrix", ChangeSet.replace(length, 0, 0, "Ja. "))));
            }),
            write("CollabService.push(Seat,int,List)", Need.NOTHING, workspace(CONTRIBUTORS), c -> {
                Seat seat = c.collab.seat(c.f.workspaceId, ending -> { });
                try {
                    var snapshot = c.collab.snapshot(seat);
                    return c.collab.push(seat, snapshot.version(),
                            List.of(new LiveChange("matrix", ChangeSet.replace(snapshot.text().length(), 0, 0, "Ja. "))));
                } finally {
                    c.collab.leave(seat);
                }
            }),
            read("CollabService.updatesSince(long,int)", workspace(MEMBERS), c -> c.collab.updatesSince(c.f.workspaceId, 0)),
            read("CollabService.updatesSince(Seat,int)", workspace(MEMBERS), c -> {
                Seat seat = c.collab.seat(c.f.workspaceId, ending -> { });
                try {
                    return c.collab.updatesSince(seat, 0);
                } finally {
                    c.collab.leave(seat);
                }
            }),
            write("CollabService.edit(long,String,int,int,String)", Need.NOTHING, workspace(CONTRIBUTORS),
                    c -> c.collab.edit(c.f.workspaceId, "matrix", 0, 0, "Ja. ")),
            read("CollabService.listen(long,Consumer)", workspace(MEMBERS), c -> {
                c.collab.listen(c.f.workspaceId, updates -> { }).run();
                return null;
            }),
            read("CollabService.member(long)", workspace(MEMBERS), c -> c.collab.member(c.f.workspaceId)),
            read("CollabService.follow(long,List)", workspace(MEMBERS), c -> c.collab.follow(c.f.workspaceId,
                    List.of(new PassageAt(0, new Passage(0, 0, "", false))))),
            write("CollabService.amend(long,Function)", Need.NOTHING, workspace(CONTRIBUTORS),
                    c -> c.collab.amend(c.f.workspaceId, current -> Amendment.none(current.version()))),
            read("SuggestionService.list(long)", workspace(MEMBERS), c -> c.suggestions.list(c.f.workspaceId)),
            write("SuggestionService.suggest(long,int,int,int,String,String)", Need.NOTHING, workspace(CONTRIBUTORS),
                    c -> c.suggestions.suggest(c.f.workspaceId, c.collab.snapshot(c.f.workspaceId).version(), 0, 2,
                            "Alle", "Det gælder alle.")),
            write("SuggestionService.accept(long,long)", Need.SUGGESTION, otherSidesThan(Need.SUGGESTION),
                    c -> c.suggestions.accept(c.f.workspaceId, c.suggestionId)),
            write("SuggestionService.decline(long,long,String)", Need.SUGGESTION, otherSidesThan(Need.SUGGESTION),
                    c -> {
                        c.suggestions.decline(c.f.workspaceId, c.suggestionId, "Vi mødes allerede ofte nok.");
                        return null;
                    }),
            write("SuggestionService.withdraw(long,long)", Need.SUGGESTION, onlyProposer(), c -> {
                c.suggestions.withdraw(c.f.workspaceId, c.suggestionId);
                return null;
            }),
            write("SuggestionService.rebase(long,long)", Need.OUTDATED_SUGGESTION, onlyProposer(), c -> {
                c.suggestions.rebase(c.f.workspaceId, c.suggestionId);
                return null;
            }),
            read("CollabService.seat(long,Consumer)", workspace(MEMBERS), c -> {
                c.collab.leave(c.collab.seat(c.f.workspaceId, ending -> { }));
                return null;
            }),
            read("CollabService.leave(Seat)", workspace(MEMBERS), c -> {
                c.collab.leave(c.collab.seat(c.f.workspaceId, ending -> { }));
                return null;
            }));

    /** The fixture and what was prepared for one cell. */
    static final class Ctx {
        final WorkspaceFixture f;
        AccountService accounts;
        OrganisationSignInService signIns;
        WorkspaceService workspaces;
        InvitationService invitations;
        PresenceService presence;
        GovernanceService governance;
        PriorityService priorities;
        RoundService rounds;
        RecordExportService exports;
        HistoryService history;
        HistoryExportService historyExports;
        InsightService insight;
        StatementService statements;
        CollabService collab;
        SuggestionService suggestions;
        NotificationService notifications;
        OutboxService outbox;
        CommentService comments;
        long threadId = -1;
        long commentId = -1;
        UserSummary civilParticipant;
        UserSummary removed;
        long priorityId = -1;
        long secondPriorityId = -1;
        long roundId = -1;
        long openDotsRoundId = -1;
        long closedRoundId = -1;
        long proposalId = -1;
        long versionId = -1;
        long invitationId = -1;
        long mailId = -1;
        String token = "";
        long emptySideId = -1;
        long suggestionId = -1;

        Ctx(WorkspaceFixture f) {
            this.f = f;
        }
    }

    @Autowired ApplicationContext context;
    @Autowired AccountService accounts;
    @Autowired OrganisationSignInService signIns;
    @Autowired WorkspaceService workspaces;
    @Autowired InvitationService invitations;
    @Autowired PresenceService presence;
    @Autowired GovernanceService governance;
    @Autowired PriorityService priorities;
    @Autowired RoundService rounds;
    @Autowired RecordExportService exports;
    @Autowired HistoryService history;
    @Autowired HistoryExportService historyExports;
    @Autowired InsightService insight;
    @Autowired StatementService statements;
    @Autowired CollabService collab;
    @Autowired SuggestionService suggestions;
    @Autowired NotificationService notifications;
    @Autowired OutboxService outbox;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired CommentService comments;

    @Test
    void every_service_method_is_classified_and_every_caller_gets_its_written_outcome() {
        Set<String> found = serviceMethods();
        Map<String, Row> rows = new LinkedHashMap<>();
        for (Row row : ROWS) {
            assertThat(rows.put(row.method(), row)).as("one row per method: " + row.method()).isNull();
        }
        assertThat(new TreeSet<>(rows.keySet())).as("rows for methods that no longer exist")
                .isSubsetOf(found);
        assertThat(found).as("every public service method has a row in the authorization matrix")
                .isSubsetOf(rows.keySet());
        for (Row row : rows.values()) {
            assertThat(row.expected().keySet()).as(row.method()).containsExactlyInAnyOrder(Actor.values());
        }

        Ctx shared = prepareAll();
        List<String> failures = new ArrayList<>();
        int cells = 0;
        for (Row row : rows.values()) {
            for (Actor actor : Actor.values()) {
                Ctx ctx = row.writes() ? prepare(row.need()) : shared;
                String before = row.writes() ? snapshot(ctx) : "";
                Throwable thrown = runAs(ctx, actor, row);
                Outcome actual = classify(thrown);
                Outcome expected = row.expected().get(actor);
                cells++;
                if (actual != expected) {
                    failures.add(row.method() + " as " + actor + ": expected " + expected + ", was " + actual
                            + (thrown == null ? "" : " (" + thrown + ")"));
                    continue;
                }
                if (actual != Outcome.ALLOWED && row.writes()) {
                    String after = snapshot(ctx);
                    if (!after.equals(before)) {
                        failures.add(row.method() + " as " + actor + ": refused, but something changed");
                    }
                }
            }
        }
        System.out.println("Authorization matrix: " + cells + " cells checked (" + rows.size() + " service methods × "
                + Actor.values().length + " callers)");
        assertThat(failures).as("cells whose outcome differs from the matrix").isEmpty();
        assertThat(cells).isEqualTo(found.size() * Actor.values().length);
    }

    /** Every public instance method the service beans of this application declare, as "Class.method(Params)". */
    private Set<String> serviceMethods() {
        Set<String> methods = new TreeSet<>();
        for (String name : context.getBeanDefinitionNames()) {
            Object bean = context.getBean(name);
            Class<?> type = AopUtils.getTargetClass(bean);
            if (!type.getPackageName().startsWith("dk.ligevaerd") || !type.getSimpleName().endsWith("Service")) {
                continue;
            }
            for (Method m : type.getDeclaredMethods()) {
                if (!Modifier.isPublic(m.getModifiers()) || Modifier.isStatic(m.getModifiers()) || m.isSynthetic()
                        || m.isBridge() || m.isAnnotationPresent(EventListener.class)
                        || m.isAnnotationPresent(TransactionalEventListener.class)
                        || m.isAnnotationPresent(Scheduled.class)
                        || Arrays.stream(m.getAnnotations()).anyMatch(a -> a.annotationType().getSimpleName()
                                .equals("ApplicationModuleListener"))) {
                    continue;
                }
                methods.add(type.getSimpleName() + "." + m.getName() + "(" + Arrays.stream(m.getParameterTypes())
                        .map(Class::getSimpleName).collect(Collectors.joining(",")) + ")");
            }
        }
        assertThat(methods).as("the scan finds the services").hasSizeGreaterThan(50);
        return methods;
    }

    private Throwable runAs(Ctx ctx, Actor actor, Row row) {
        UserSummary user = switch (actor) {
            case OUTSIDER -> ctx.f.outsider;
            case OBSERVER -> ctx.f.observer;
            case PARTICIPANT_KOMMUNE -> ctx.f.participant;
            case PARTICIPANT_CIVIL -> ctx.civilParticipant;
            case OWNER_MODERATOR_KOMMUNE -> ctx.f.owner;
            case MODERATOR_CIVIL -> ctx.f.otherModerator;
            case REMOVED -> ctx.removed;
            case LOGGED_OUT -> null;
        };
        try {
            if (user == null) {
                SecurityContextHolder.clearContext();
                row.call().run(ctx);
            } else {
                as(user, () -> row.call().run(ctx));
            }
            return null;
        } catch (Throwable t) {
            return t;
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static Outcome classify(Throwable thrown) {
        if (thrown == null) {
            return Outcome.ALLOWED;
        }
        if (thrown instanceof NotFoundOrNoAccessException) {
            return Outcome.NOT_FOUND;
        }
        if (thrown instanceof NotPermittedException) {
            return Outcome.NOT_PERMITTED;
        }
        if (thrown instanceof IllegalTransactionStateException) {
            return Outcome.INTERNAL_ONLY;
        }
        if (thrown instanceof DomainException e) {
            return e.messageKey().equals("error.loginRequired") ? Outcome.LOGIN_REQUIRED : Outcome.DOMAIN_REFUSAL;
        }
        throw new AssertionError("refused with an unexpected exception", thrown);
    }

    private Ctx base() {
        WorkspaceFixture f = new WorkspaceFixture(accounts, workspaces, invitations);
        Ctx c = new Ctx(f);
        c.accounts = accounts;
        c.signIns = signIns;
        c.workspaces = workspaces;
        c.invitations = invitations;
        c.notifications = notifications;
        c.outbox = outbox;
        c.presence = presence;
        c.governance = governance;
        c.priorities = priorities;
        c.rounds = rounds;
        c.exports = exports;
        c.history = history;
        c.historyExports = historyExports;
        c.insight = insight;
        c.statements = statements;
        c.collab = collab;
        c.suggestions = suggestions;
        c.comments = comments;
        String n = unique();
        c.civilParticipant = accounts.register(n + "-civ", "Civil " + n, "bla-hest-tromme-7");
        c.removed = accounts.register(n + "-gone", "Gone " + n, "bla-hest-tromme-7");
        String civil = as(f.otherModerator, () -> invitations.create(f.workspaceId, f.civilSideId, Role.PARTICIPANT,
                Duration.ofDays(1)).token());
        as(c.civilParticipant, () -> invitations.accept(civil));
        String kommune = as(f.owner, () -> invitations.create(f.workspaceId, f.municipalSideId, Role.PARTICIPANT,
                Duration.ofDays(1)).token());
        as(c.removed, () -> invitations.accept(kommune));
        as(f.owner, () -> {
            workspaces.remove(f.workspaceId, c.removed.id());
            collab.edit(f.workspaceId, "fixture", 0, 0, "Vi vil mødes oftere.");
            return null;
        });
        return c;
    }

    private Ctx prepare(Need need) {
        Ctx c = base();
        WorkspaceFixture f = c.f;
        as(f.owner, () -> {
            switch (need) {
                case NOTHING -> { }
                case PRIORITY -> priorities(c);
                case DRAFT_ROUND -> c.roundId = draftRound(c);
                case OPEN_DOTS_ROUND -> c.roundId = openDots(c);
                case OPEN_RANKING_ROUND -> {
                    priorities(c);
                    c.roundId = rounds.create(f.workspaceId, RoundDraft.ranking("Rækkefølge?",
                            List.of(c.priorityId, c.secondPriorityId), 1));
                    rounds.open(f.workspaceId, c.roundId);
                }
                case OPEN_ADOPT_ROUND -> {
                    c.roundId = rounds.create(f.workspaceId, RoundDraft.adopt("Vedtag formålet?", null,
                            DecisionRule.SIDE_PARITY));
                    rounds.open(f.workspaceId, c.roundId);
                }
                case CLOSED_ROUND, CIVIL_PROPOSAL, EMPTY_SIDE, SUGGESTION, OUTDATED_SUGGESTION, ARCHIVED -> { }
                case VERSION -> c.versionId = statements.saveVersion(f.workspaceId, "Første udkast");
                case INVITATION -> invitation(c);
                case THREAD -> thread(c);
                case RESOLVED_THREAD -> {
                    thread(c);
                    comments.resolve(f.workspaceId, c.threadId);
                }
            }
            return null;
        });
        // These act as several people in turn, so they set the caller themselves.
        if (need == Need.CLOSED_ROUND) {
            c.closedRoundId = closedRound(c);
        }
        if (need == Need.CIVIL_PROPOSAL) {
            c.proposalId = as(f.otherModerator,
                    () -> governance.proposeDefaultRule(f.workspaceId, DefaultRule.DOUBLE_MAJORITY));
        }
        if (need == Need.ARCHIVED) {
            // As the retention worker archives: its conditional update (WorkspaceRetentionIT runs the worker).
            jdbc.update("update workspace set archived_at = current_timestamp, version = version + 1 where id = ?",
                    f.workspaceId);
        }
        if (need == Need.SUGGESTION || need == Need.OUTDATED_SUGGESTION) {
            // "Vi vil mødes oftere.": Kommune's participant suggests "hver uge" for "oftere".
            int version = as(f.owner, () -> collab.snapshot(f.workspaceId).version());
            c.suggestionId = as(f.participant, () -> suggestions.suggest(f.workspaceId, version, 13, 19, "hver uge",
                    "Så ved alle, hvad vi lover."));
            if (need == Need.OUTDATED_SUGGESTION) {
                as(f.otherModerator, () -> collab.edit(f.workspaceId, "other", 14, 16, "FTE"));
            }
        }
        if (need == Need.EMPTY_SIDE) {
            c.emptySideId = f.addSide(governance, workspaces, "Tom", "#1E7A4C");
        }
        return c;
    }

    /** One workspace with everything the reading methods look at. */
    private Ctx prepareAll() {
        Ctx c = base();
        WorkspaceFixture f = c.f;
        as(f.owner, () -> {
            c.versionId = statements.saveVersion(f.workspaceId, "Første udkast");
            invitation(c);
            // Mailed: with no mail server set in this test, the mail waits in the workspace's outbox.
            invitations.create(f.workspaceId, null, Role.OBSERVER, Duration.ofDays(1), "gaest@example.org", "");
            c.mailId = outbox.unsent(f.workspaceId, 0, 1).getFirst().id();
            thread(c);
            return null;
        });
        c.closedRoundId = closedRound(c);
        c.openDotsRoundId = as(f.owner, () -> openDots(c));
        return c;
    }

    private void invitation(Ctx c) {
        var created = invitations.create(c.f.workspaceId, null, Role.OBSERVER, Duration.ofDays(1));
        c.invitationId = created.invitation().id();
        c.token = created.token();
    }

    /** A thread on the first words of the statement, started by the owner. */
    private void thread(Ctx c) {
        c.threadId = comments.startOnPassage(c.f.workspaceId, collab.snapshot(c.f.workspaceId).version(), 0, 2,
                "Hvorfor »Vi«?");
        c.commentId = comments.thread(c.f.workspaceId, c.threadId).comments().getFirst().id();
    }

    private void priorities(Ctx c) {
        c.priorityId = priorities.propose(c.f.workspaceId, "Ugentlige besøg " + unique(), "",
                Set.of(ValueLens.PARTICIPATION));
        c.secondPriorityId = priorities.propose(c.f.workspaceId, "Fælles værdier " + unique(), "",
                Set.of(ValueLens.SHARED_VALUES));
    }

    private long draftRound(Ctx c) {
        priorities(c);
        return rounds.create(c.f.workspaceId, RoundDraft.dots("Hvad først?", List.of(c.priorityId, c.secondPriorityId),
                10, 5, 1));
    }

    private long openDots(Ctx c) {
        long id = draftRound(c);
        rounds.open(c.f.workspaceId, id);
        return id;
    }

    /** A named dot-voting round with a ballot from each side, closed jointly by both sides' moderators. */
    private long closedRound(Ctx c) {
        WorkspaceFixture f = c.f;
        long id = as(f.owner, () -> {
            priorities(c);
            long round = rounds.create(f.workspaceId, RoundDraft.dots("Hvilken først?",
                    List.of(c.priorityId, c.secondPriorityId), 10, 5, 1).withSecret(false));
            rounds.open(f.workspaceId, round);
            rounds.castDots(f.workspaceId, round, Map.of(c.priorityId, 5));
            return round;
        });
        as(f.otherModerator, () -> {
            rounds.castDots(f.workspaceId, id, Map.of(c.secondPriorityId, 5));
            return null;
        });
        as(f.owner, () -> rounds.confirmClosing(f.workspaceId, id));
        as(f.otherModerator, () -> rounds.confirmClosing(f.workspaceId, id));
        return id;
    }

    /** Everything a call could change, as the owner sees it. */
    private String snapshot(Ctx c) {
        WorkspaceFixture f = c.f;
        return as(f.owner, () -> workspaces.details(f.workspaceId).toString() + invitations.list(f.workspaceId)
                + history.timeline(f.workspaceId).size() + governance.pending(f.workspaceId)
                + priorities.list(f.workspaceId) + rounds.list(f.workspaceId) + statements.versions(f.workspaceId)
                + collab.snapshot(f.workspaceId).text() + workspaces.mine().size() + suggestions.list(f.workspaceId));
    }
}
