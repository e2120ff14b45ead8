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
 */
@SpringBootTest(properties = {"ligevaerd.demo.enabled=false",
        "spring.datasource.url=jdbc:h2:file:./target/test-db/services-${random.uuid}"})
class WorkspaceAuthorizationIT {

    enum Caller { NON_MEMBER, MEMBER_OF_ANOTHER_WORKSPACE, OBSERVER, PARTICIPANT, MODERATOR, OWNER }

    enum Needs { MEMBER, OWNER }

    /** @param closedRound whether the operation works on a closed round, prepared before it is tried */
    record Operation(String name, Needs needs, boolean closedRound, Consumer<Ctx> call) {
        Operation(String name, Needs needs, Consumer<Ctx> call) {
            this(name, needs, false, call);
        }
    }

    /** @param roundId a closed round with a named record, or -1 when the operation needs none */
    record Ctx(WorkspaceFixture f, WorkspaceService workspaces, InvitationService invitations,
            PresenceService presence, HistoryService history, RecordExportService exports, long roundId) {
    }

    @Autowired AccountService accounts;
    @Autowired WorkspaceService workspaces;
    @Autowired InvitationService invitations;
    @Autowired PresenceService presence;
    @Autowired HistoryService history;
    @Autowired PriorityService priorities;
    @Autowired RoundService rounds;
    @Autowired RecordExportService exports;

    private static final List<Operation> OPERATIONS = List.of(
            new Operation("read the workspace", Needs.MEMBER, c -> c.workspaces().details(c.f().workspaceId)),
            new Operation("read the timeline", Needs.MEMBER, c -> c.history().timeline(c.f().workspaceId)),
            new Operation("be present", Needs.MEMBER, c -> c.presence().enter(c.f().workspaceId).run()),
            new Operation("see who is online", Needs.MEMBER, c -> c.presence().online(c.f().workspaceId)),
            new Operation("rename the workspace", Needs.OWNER,
                    c -> c.workspaces().rename(c.f().workspaceId, "Renamed", "new description")),
            new Operation("add a side", Needs.OWNER,
                    c -> c.workspaces().addSide(c.f().workspaceId, "Borgere", "#1E7A4C")),
            new Operation("switch joint closing off", Needs.OWNER,
                    c -> c.workspaces().setJointClosing(c.f().workspaceId, false)),
            new Operation("rename a side", Needs.OWNER,
                    c -> c.workspaces().changeSide(c.f().workspaceId, c.f().civilSideId, "Foreninger", "#1E7A4C")),
            new Operation("remove a side", Needs.OWNER, c -> {
                long sideId = c.workspaces().addSide(c.f().workspaceId, "Tmp", "#1E7A4C");
                c.workspaces().removeSide(c.f().workspaceId, sideId);
            }),
            new Operation("change a member's role and side", Needs.OWNER,
                    c -> c.workspaces().assign(c.f().workspaceId, c.f().participant.id(), Role.MODERATOR,
                            c.f().civilSideId)),
            new Operation("remove a member", Needs.OWNER,
                    c -> c.workspaces().remove(c.f().workspaceId, c.f().participant.id())),
            new Operation("create an invitation", Needs.OWNER,
                    c -> c.invitations().create(c.f().workspaceId, c.f().civilSideId, Role.PARTICIPANT,
                            Duration.ofDays(7))),
            new Operation("list invitations", Needs.OWNER, c -> c.invitations().list(c.f().workspaceId)),
            new Operation("revoke an invitation", Needs.OWNER, c -> {
                long id = c.invitations().create(c.f().workspaceId, null, Role.OBSERVER, Duration.ofDays(1))
                        .invitation().id();
                c.invitations().revoke(c.f().workspaceId, id);
            }),
            new Operation("name a decision record's file", Needs.MEMBER, true,
                    c -> c.exports().fileName(c.f().workspaceId, c.roundId(), Locale.ENGLISH, "pdf")),
            new Operation("export a decision record as PDF", Needs.MEMBER, true,
                    c -> c.exports().writePdf(c.f().workspaceId, c.roundId(), Locale.ENGLISH,
                            OutputStream.nullOutputStream())),
            new Operation("export a decision record as JSON", Needs.MEMBER, true,
                    c -> c.exports().writeJson(c.f().workspaceId, c.roundId(), OutputStream.nullOutputStream())),
            new Operation("ask whether a round's ballots can be exported", Needs.MEMBER, true,
                    c -> c.exports().ballotsExportable(c.f().workspaceId, c.roundId())),
            new Operation("export a named round's ballots as CSV", Needs.MEMBER, true,
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
        return switch (caller) {
            case NON_MEMBER, MEMBER_OF_ANOTHER_WORKSPACE -> false;
            case OBSERVER, PARTICIPANT, MODERATOR -> op.needs() == Needs.MEMBER;
            case OWNER -> true;
        };
    }

    private void check(Operation op, Caller caller) {
        WorkspaceFixture f = new WorkspaceFixture(accounts, workspaces, invitations);
        Ctx ctx = new Ctx(f, workspaces, invitations, presence, history, exports,
                op.closedRound() ? closedRound(f) : -1);
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
                + invitations.list(f.workspaceId) + history.timeline(f.workspaceId).size());
    }
}
