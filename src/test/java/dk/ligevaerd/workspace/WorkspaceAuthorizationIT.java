package dk.ligevaerd.workspace;

import static dk.ligevaerd.support.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.account.UserSummary;
import dk.ligevaerd.history.HistoryService;
import dk.ligevaerd.priority.PriorityService;
import dk.ligevaerd.priority.ValueLens;
import dk.ligevaerd.round.RecordExportService;
import dk.ligevaerd.round.RoundDraft;
import dk.ligevaerd.round.RoundService;
import dk.ligevaerd.shared.NotFoundOrNoAccessException;
import dk.ligevaerd.shared.NotPermittedException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Every workspace operation, tried by every kind of caller, on the real services and a real
 * database file. Refused calls must leave the workspace exactly as it was.
 *
 * <p>The fixture's owner is also the moderator of Kommune; "moderator" is the moderator of
 * Civilsamfund; the participant is on Kommune. With shared governance the owner keeps only what
 * harms no side (name, description, language, colours); each side's moderators govern their own
 * side, and changes to the workspace are proposals any moderator may make.
 */
@SpringBootTest(properties = {"ligevaerd.demo.enabled=false",
        "spring.datasource.url=jdbc:h2:file:./target/test-db/services-${random.uuid}"})
class WorkspaceAuthorizationIT {

    enum Caller { NON_MEMBER, MEMBER_OF_ANOTHER_WORKSPACE, OBSERVER, PARTICIPANT, MODERATOR, OWNER }

    /** What must exist before the operation is tried. */
    enum Prepare { NOTHING, CLOSED_ROUND, EMPTY_SIDE, PROPOSAL_BY_CIVIL_MODERATOR }

    static final Set<Caller> MEMBERS = EnumSet.of(Caller.OBSERVER, Caller.PARTICIPANT, Caller.MODERATOR, Caller.OWNER);
    static final Set<Caller> OWNER = EnumSet.of(Caller.OWNER);
    static final Set<Caller> CIVIL_MODERATOR = EnumSet.of(Caller.MODERATOR);
    static final Set<Caller> ANY_MODERATOR = EnumSet.of(Caller.MODERATOR, Caller.OWNER);

    record Operation(String name, Set<Caller> allowed, Prepare prepare, Consumer<Ctx> call) {
        Operation(String name, Set<Caller> allowed, Consumer<Ctx> call) {
            this(name, allowed, Prepare.NOTHING, call);
        }
    }

    /** @param prepared the closed round, the empty side or the proposal made beforehand, or -1 */
    record Ctx(WorkspaceFixture f, WorkspaceService workspaces, InvitationService invitations,
            PresenceService presence, HistoryService history, RecordExportService exports,
            GovernanceService governance, long prepared) {
        long roundId() {
            return prepared;
        }
    }

    @Autowired AccountService accounts;
    @Autowired WorkspaceService workspaces;
    @Autowired InvitationService invitations;
    @Autowired PresenceService presence;
    @Autowired HistoryService history;
    @Autowired PriorityService priorities;
    @Autowired RoundService rounds;
    @Autowired RecordExportService exports;
    @Autowired GovernanceService governance;

    private static final List<Operation> OPERATIONS = List.of(
            new Operation("read the workspace", MEMBERS, c -> c.workspaces().details(c.f().workspaceId)),
            new Operation("read the timeline", MEMBERS, c -> c.history().timeline(c.f().workspaceId)),
            new Operation("be present", MEMBERS, c -> c.presence().enter(c.f().workspaceId).run()),
            new Operation("see who is online", MEMBERS, c -> c.presence().online(c.f().workspaceId)),
            new Operation("see pending proposals", MEMBERS, c -> c.governance().pending(c.f().workspaceId)),
            new Operation("rename the workspace", OWNER,
                    c -> c.workspaces().rename(c.f().workspaceId, "Renamed", "new description")),
            new Operation("set the workspace's language", OWNER,
                    c -> c.workspaces().setLanguage(c.f().workspaceId, "en")),
            new Operation("recolour a side", OWNER,
                    c -> c.workspaces().recolourSide(c.f().workspaceId, c.f().civilSideId, "#1E7A4C")),
            // Was: the owner alone added, renamed and removed sides and switched joint closing off.
            new Operation("propose adding a side", ANY_MODERATOR,
                    c -> c.governance().proposeAddSide(c.f().workspaceId, "Borgere", "#1E7A4C")),
            new Operation("propose switching joint closing off", ANY_MODERATOR,
                    c -> c.governance().proposeJointClosingOff(c.f().workspaceId)),
            new Operation("switch joint closing on", ANY_MODERATOR,
                    c -> c.workspaces().switchJointClosingOn(c.f().workspaceId)),
            new Operation("propose renaming a side", ANY_MODERATOR,
                    c -> c.governance().proposeRenameSide(c.f().workspaceId, c.f().civilSideId, "Foreninger")),
            new Operation("propose removing an empty side", ANY_MODERATOR, Prepare.EMPTY_SIDE,
                    c -> c.governance().proposeRemoveSide(c.f().workspaceId, c.prepared())),
            new Operation("propose a default rule", ANY_MODERATOR,
                    c -> c.governance().proposeDefaultRule(c.f().workspaceId, DefaultRule.CONSENT)),
            new Operation("propose handing the workspace over", OWNER,
                    c -> c.governance().proposeHandOver(c.f().workspaceId, c.f().otherModerator.id())),
            new Operation("propose deleting the workspace", ANY_MODERATOR,
                    c -> c.governance().proposeDelete(c.f().workspaceId)),
            new Operation("confirm the other side's proposal", OWNER, Prepare.PROPOSAL_BY_CIVIL_MODERATOR,
                    c -> c.governance().confirm(c.f().workspaceId, c.prepared())),
            new Operation("withdraw or decline a proposal", ANY_MODERATOR, Prepare.PROPOSAL_BY_CIVIL_MODERATOR,
                    c -> c.governance().withdraw(c.f().workspaceId, c.prepared())),
            // Was: the owner changed anyone's role and side. Now a side's own moderator does.
            new Operation("make a Kommune participant moderator", OWNER,
                    c -> c.workspaces().assign(c.f().workspaceId, c.f().participant.id(), Role.MODERATOR,
                            c.f().municipalSideId)),
            // Was: Civilsamfund's moderator alone took the observer in, and any moderator or the owner
            // removed them. An observer is on no side, so now either is a proposal every side confirms.
            new Operation("propose bringing the observer into Civilsamfund", ANY_MODERATOR,
                    c -> c.workspaces().assign(c.f().workspaceId, c.f().observer.id(), Role.PARTICIPANT,
                            c.f().civilSideId)),
            new Operation("propose moving a member between sides", ANY_MODERATOR,
                    c -> c.workspaces().assign(c.f().workspaceId, c.f().participant.id(), Role.PARTICIPANT,
                            c.f().civilSideId)),
            new Operation("remove a Kommune member", OWNER,
                    c -> c.workspaces().remove(c.f().workspaceId, c.f().participant.id())),
            new Operation("propose removing an observer", ANY_MODERATOR,
                    c -> c.workspaces().remove(c.f().workspaceId, c.f().observer.id())),
            new Operation("invite into Civilsamfund", CIVIL_MODERATOR,
                    c -> c.invitations().create(c.f().workspaceId, c.f().civilSideId, Role.PARTICIPANT,
                            Duration.ofDays(7))),
            new Operation("invite into Kommune", OWNER,
                    c -> c.invitations().create(c.f().workspaceId, c.f().municipalSideId, Role.PARTICIPANT,
                            Duration.ofDays(7))),
            new Operation("list invitations", ANY_MODERATOR, c -> c.invitations().list(c.f().workspaceId)),
            new Operation("invite an observer and revoke the link", ANY_MODERATOR, c -> {
                long id = c.invitations().create(c.f().workspaceId, null, Role.OBSERVER, Duration.ofDays(1))
                        .invitation().id();
                c.invitations().revoke(c.f().workspaceId, id);
            }),
            new Operation("name a decision record's file", MEMBERS, Prepare.CLOSED_ROUND,
                    c -> c.exports().fileName(c.f().workspaceId, c.roundId(), Locale.ENGLISH, "pdf")),
            new Operation("export a decision record as PDF", MEMBERS, Prepare.CLOSED_ROUND,
                    c -> c.exports().writePdf(c.f().workspaceId, c.roundId(), Locale.ENGLISH,
                            OutputStream.nullOutputStream())),
            new Operation("export a decision record as JSON", MEMBERS, Prepare.CLOSED_ROUND,
                    c -> c.exports().writeJson(c.f().workspaceId, c.roundId(), OutputStream.nullOutputStream())),
            new Operation("ask whether a round's ballots can be exported", MEMBERS, Prepare.CLOSED_ROUND,
                    c -> c.exports().ballotsExportable(c.f().workspaceId, c.roundId())),
            new Operation("export a named round's ballots as CSV", MEMBERS, Prepare.CLOSED_ROUND,
                    c -> c.exports().writeBallotsCsv(c.f().workspaceId, c.roundId(), Locale.ENGLISH,
                            OutputStream.nullOutputStream())));

    @TestFactory
    Stream<DynamicTest> every_operation_is_allowed_or_refused_by_role_and_refusals_change_nothing() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Operation op : OPERATIONS) {
            for (Caller caller : Caller.values()) {
                tests.add(DynamicTest.dynamicTest(caller + " may " + (allowed(op, caller) ? "" : "not ") + op.name(),
                        () -> check(op, caller)));
            }
        }
        return tests.stream();
    }

    private static boolean allowed(Operation op, Caller caller) {
        return op.allowed().contains(caller);
    }

    private void check(Operation op, Caller caller) {
        WorkspaceFixture f = new WorkspaceFixture(accounts, workspaces, invitations);
        long prepared = switch (op.prepare()) {
            case NOTHING -> -1;
            case CLOSED_ROUND -> closedRound(f);
            case EMPTY_SIDE -> f.addSide(governance, workspaces, "Tom", "#1E7A4C");
            case PROPOSAL_BY_CIVIL_MODERATOR -> as(f.otherModerator,
                    () -> governance.proposeDefaultRule(f.workspaceId, DefaultRule.DOUBLE_MAJORITY));
        };
        Ctx ctx = new Ctx(f, workspaces, invitations, presence, history, exports, governance, prepared);
        UserSummary user = switch (caller) {
            case NON_MEMBER -> f.outsider;
            case MEMBER_OF_ANOTHER_WORKSPACE -> f.otherWorkspaceOwner;
            case OBSERVER -> f.observer;
            case PARTICIPANT -> f.participant;
            case MODERATOR -> f.otherModerator;
            case OWNER -> f.owner;
        };
        String before = snapshot(f);
        Throwable thrown = catchThrowable(() -> as(user, () -> {
            op.call().accept(ctx);
            return null;
        }));
        if (allowed(op, caller)) {
            assertThat(thrown).as(op.name()).isNull();
            return;
        }
        if (caller == Caller.NON_MEMBER || caller == Caller.MEMBER_OF_ANOTHER_WORKSPACE) {
            assertThat(thrown).as(op.name()).isInstanceOf(NotFoundOrNoAccessException.class);
        } else {
            assertThat(thrown).as(op.name()).isInstanceOf(NotPermittedException.class);
        }
        assertThat(snapshot(f)).as("nothing changed after a refused " + op.name()).isEqualTo(before);
    }

    /** A named dot-voting round with a ballot from each side, closed jointly by both sides' moderators. */
    private long closedRound(WorkspaceFixture f) {
        long first = as(f.owner, () -> priorities.propose(f.workspaceId, "Weekly visits", "",
                Set.of(ValueLens.PARTICIPATION)));
        long second = as(f.owner, () -> priorities.propose(f.workspaceId, "Shared values", "",
                Set.of(ValueLens.SHARED_VALUES)));
        long id = as(f.owner, () -> rounds.create(f.workspaceId, RoundDraft.dots("Which first?",
                List.of(first, second), 10, 5, 1).withSecret(false)));
        as(f.owner, () -> {
            rounds.open(f.workspaceId, id);
            rounds.castDots(f.workspaceId, id, Map.of(first, 5));
            return null;
        });
        as(f.otherModerator, () -> {
            rounds.castDots(f.workspaceId, id, Map.of(second, 5));
            return null;
        });
        as(f.owner, () -> rounds.confirmClosing(f.workspaceId, id));
        as(f.otherModerator, () -> rounds.confirmClosing(f.workspaceId, id));
        return id;
    }

    /** Everything an operation could change, as seen by the owner. */
    private String snapshot(WorkspaceFixture f) {
        return as(f.owner, () -> workspaces.details(f.workspaceId).toString()
                + invitations.list(f.workspaceId) + history.timeline(f.workspaceId).size()
                + governance.pending(f.workspaceId));
    }
}
