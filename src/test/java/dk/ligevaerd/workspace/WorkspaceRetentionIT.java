package dk.ligevaerd.workspace;

import static dk.ligevaerd.support.Acting.as;
import static dk.ligevaerd.support.Refusals.keyOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.account.UserSummary;
import dk.ligevaerd.deliberation.CommentService;
import dk.ligevaerd.deliberation.TargetKind;
import dk.ligevaerd.history.HistoryItem;
import dk.ligevaerd.history.HistoryService;
import dk.ligevaerd.priority.PriorityService;
import dk.ligevaerd.priority.ValueLens;
import dk.ligevaerd.round.RoundDraft;
import dk.ligevaerd.round.RoundService;
import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.shared.NotFoundOrNoAccessException;
import dk.ligevaerd.statement.CollabService;
import dk.ligevaerd.statement.LiveChange;
import dk.ligevaerd.statement.StatementService;
import dk.ligevaerd.statement.collab.ChangeSet;
import dk.ligevaerd.suggestion.SuggestionService;
import dk.ligevaerd.support.MutableClock;
import dk.ligevaerd.support.Racing;
import dk.ligevaerd.support.TestClockConfig;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The retention rule every side agrees to, and the worker that applies it: archiving makes the
 * workspace read-only in every service, reopening needs every side again, and after the agreed
 * period the workspace and all its data are deleted. Real services, a real database file, and the
 * application's clock moved forward instead of waiting months.
 */
@SpringBootTest(properties = {"ligevaerd.demo.enabled=false", "ligevaerd.rounds.auto-close.enabled=false",
        "ligevaerd.retention.enabled=false",
        "spring.datasource.url=jdbc:h2:file:./target/test-db/retention-${random.uuid}"})
@Import(TestClockConfig.class)
class WorkspaceRetentionIT {

    @Autowired AccountService accounts;
    @Autowired WorkspaceService workspaces;
    @Autowired InvitationService invitations;
    @Autowired GovernanceService governance;
    @Autowired HistoryService history;
    @Autowired PriorityService priorities;
    @Autowired RoundService rounds;
    @Autowired StatementService statements;
    @Autowired CollabService collab;
    @Autowired CommentService comments;
    @Autowired SuggestionService suggestions;
    @Autowired WorkspaceRetention retention;
    @Autowired MutableClock clock;
    @Autowired JdbcTemplate jdbc;

    WorkspaceFixture f;

    @BeforeEach
    void fixture() {
        f = new WorkspaceFixture(accounts, workspaces, invitations);
    }

    private WorkspaceDetails details() {
        return as(f.observer, () -> workspaces.details(f.workspaceId));
    }

    private long historyCount(String kind) {
        return as(f.observer, () -> history.timeline(f.workspaceId)).stream().map(HistoryItem::kind)
                .filter(kind::equals).count();
    }

    private DomainException refusal(UserSummary user, Callable<?> call) {
        try {
            as(user, call);
        } catch (DomainException refused) {
            return refused;
        }
        throw new AssertionError("expected a refusal, but the call was accepted");
    }

    private void agreeRetention(RetentionRule rule) {
        f.agree(governance, g -> g.proposeRetention(f.workspaceId, rule));
    }

    /** Archives by the rule: one month without activity, then the worker runs. */
    private void archiveByIdleness(Integer deleteAfterMonths) {
        agreeRetention(new RetentionRule(1, null, deleteAfterMonths));
        clock.advance(Duration.ofDays(32));
        assertThat(retention.run().archived()).contains(f.workspaceId);
    }

    @Test
    void a_retention_rule_takes_effect_only_when_every_side_has_confirmed() {
        RetentionRule rule = new RetentionRule(12, null, 24);
        long proposal = as(f.owner, () -> governance.proposeRetention(f.workspaceId, rule));

        assertThat(details().retention()).as("Kommune alone has agreed").isEqualTo(RetentionRule.NONE);
        ProposalView pending = as(f.otherModerator, () -> governance.pending(f.workspaceId)).getFirst();
        assertThat(pending.kind()).isEqualTo(ProposalKind.RETENTION);
        assertThat(pending.text()).isEqualTo("idle=12;delete=24");
        assertThat(pending.waitingFor()).containsExactly(f.civilSideId);

        as(f.otherModerator, () -> {
            governance.confirm(f.workspaceId, proposal);
            return null;
        });

        assertThat(details().retention()).isEqualTo(rule);
        assertThat(historyCount("workspace.retentionChanged")).isOne();
    }

    @Test
    void a_rule_that_cannot_work_is_refused_in_danish_and_english() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        DomainException past = refusal(f.owner, () -> governance.proposeRetention(f.workspaceId,
                new RetentionRule(null, today, null)));
        assertThat(past.messageKey()).isEqualTo("error.retention.dateNotAhead");
        assertThat(Messages.get(Messages.DANISH, past)).isEqualTo("Arkiveringsdatoen skal ligge efter i dag.");
        assertThat(Messages.get(Messages.ENGLISH, past)).isEqualTo("The archiving date must be after today.");

        DomainException months = refusal(f.owner, () -> governance.proposeRetention(f.workspaceId,
                new RetentionRule(0, null, null)));
        assertThat(Messages.get(Messages.DANISH, months)).isEqualTo("En periode skal være fra 1 til 120 måneder.");
        assertThat(Messages.get(Messages.ENGLISH, months)).isEqualTo("A period must be from 1 to 120 months.");

        assertThat(keyOf(() -> new RetentionRule(null, null, 12))).isEqualTo("error.retention.deleteWithoutArchive");
        assertThat(keyOf(() -> as(f.owner, () -> governance.proposeRetention(f.workspaceId, RetentionRule.NONE))))
                .isEqualTo("error.proposal.nothingToChange");
        assertThat(keyOf(() -> as(f.participant, () -> governance.proposeRetention(f.workspaceId,
                new RetentionRule(12, null, null))))).isEqualTo("error.permission.moderator");
        assertThat(keyOf(() -> as(f.owner, () -> governance.proposeUnarchive(f.workspaceId))))
                .isEqualTo("error.workspace.notArchived");
        assertThat(as(f.owner, () -> governance.pending(f.workspaceId))).isEmpty();
    }

    @Test
    void the_worker_archives_after_the_agreed_months_without_activity_and_not_before() {
        agreeRetention(new RetentionRule(2, null, null));
        clock.advance(Duration.ofDays(50));
        as(f.participant, () -> priorities.propose(f.workspaceId, "Still busy", "", Set.of(ValueLens.PARTICIPATION)));
        clock.advance(Duration.ofDays(50));
        assertThat(retention.run().archived()).as("active 50 days ago").doesNotContain(f.workspaceId);
        assertThat(details().archived()).isFalse();

        clock.advance(Duration.ofDays(15));
        assertThat(retention.run().archived()).contains(f.workspaceId);

        WorkspaceDetails d = details();
        assertThat(d.archived()).isTrue();
        assertThat(d.archivedAt()).isEqualTo(clock.instant());
        assertThat(d.deletionDue()).as("no deletion agreed").isNull();
        assertThat(historyCount("workspace.archived")).isOne();
        assertThat(retention.run().archived()).as("archived once").isEmpty();
    }

    @Test
    void the_worker_archives_on_the_agreed_day() {
        LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(10);
        agreeRetention(new RetentionRule(null, day, 6));
        clock.advance(Duration.ofDays(9));
        assertThat(retention.run().archived()).doesNotContain(f.workspaceId);
        clock.advance(Duration.ofDays(1));
        assertThat(retention.run().archived()).contains(f.workspaceId);
        assertThat(as(f.observer, () -> history.timeline(f.workspaceId)).stream()
                .filter(i -> i.kind().equals("workspace.archived")).findFirst().orElseThrow().facts())
                .containsEntry("reason", "date");
    }

    @Test
    void a_round_under_way_holds_archiving_back_until_it_ends() {
        agreeRetention(new RetentionRule(1, null, null));
        long a = as(f.owner, () -> priorities.propose(f.workspaceId, "One", "", Set.of(ValueLens.EFFICIENCY)));
        long b = as(f.owner, () -> priorities.propose(f.workspaceId, "Two", "", Set.of(ValueLens.ADVOCACY)));
        long round = as(f.owner, () -> rounds.create(f.workspaceId, RoundDraft.dots("First", List.of(a, b), 10, 5, 1)));
        as(f.owner, () -> {
            rounds.open(f.workspaceId, round);
            return null;
        });
        clock.advance(Duration.ofDays(40));
        assertThat(retention.run().archived()).doesNotContain(f.workspaceId);
        assertThat(details().archived()).isFalse();
    }

    @Test
    void an_archived_workspace_refuses_every_change_in_every_service_and_still_reads() {
        long priority = as(f.participant, () -> priorities.propose(f.workspaceId, "Before", "",
                Set.of(ValueLens.PARTICIPATION)));
        String link = as(f.owner, () -> invitations.create(f.workspaceId, null, Role.OBSERVER, Duration.ofDays(90))
                .token());
        long thread = as(f.participant, () -> comments.startOn(f.workspaceId, TargetKind.PRIORITY, priority,
                "Who pays?"));
        long comment = as(f.participant, () -> comments.thread(f.workspaceId, thread).comments().getFirst().id());
        archiveByIdleness(null);
        UserSummary newcomer = accounts.register("ret-new-" + System.nanoTime(), "Newcomer", "bla-hest-tromme-7");
        String before = details().toString();

        Map<String, Callable<?>> writes = new java.util.LinkedHashMap<>();
        writes.put("rename", () -> call(f.owner, () -> workspaces.rename(f.workspaceId, "New", "")));
        writes.put("language", () -> call(f.owner, () -> workspaces.setLanguage(f.workspaceId, "en")));
        writes.put("joint closing", () -> call(f.owner, () -> workspaces.switchJointClosingOn(f.workspaceId)));
        writes.put("assign", () -> as(f.owner, () -> workspaces.assign(f.workspaceId, f.participant.id(),
                Role.OBSERVER, null)));
        writes.put("remove", () -> call(f.owner, () -> workspaces.remove(f.workspaceId, f.observer.id())));
        writes.put("invite", () -> as(f.owner, () -> invitations.create(f.workspaceId, null, Role.OBSERVER,
                Duration.ofDays(1))));
        writes.put("accept", () -> as(newcomer, () -> invitations.accept(link)));
        writes.put("propose rule", () -> as(f.owner, () -> governance.proposeDefaultRule(f.workspaceId,
                DefaultRule.CONSENT)));
        writes.put("propose retention", () -> as(f.owner, () -> governance.proposeRetention(f.workspaceId,
                new RetentionRule(3, null, null))));
        writes.put("propose deletion", () -> as(f.owner, () -> governance.proposeDelete(f.workspaceId)));
        writes.put("priority", () -> as(f.participant, () -> priorities.propose(f.workspaceId, "After", "",
                Set.of(ValueLens.PARTICIPATION))));
        writes.put("withdraw priority", () -> call(f.participant, () -> priorities.withdraw(f.workspaceId, priority)));
        writes.put("round", () -> as(f.owner, () -> rounds.create(f.workspaceId,
                RoundDraft.dots("Late", List.of(priority, priority), 10, 5, 1))));
        writes.put("version", () -> as(f.participant, () -> statements.saveVersion(f.workspaceId, "Late")));
        writes.put("edit", () -> as(f.participant, () -> collab.push(f.workspaceId, 0,
                List.of(new LiveChange("retention", ChangeSet.replace(0, 0, 0, "Ja. "))))));
        writes.put("comment", () -> as(f.participant, () -> comments.startOn(f.workspaceId, TargetKind.PRIORITY,
                priority, "Late")));
        writes.put("reply", () -> as(f.otherModerator, () -> comments.reply(f.workspaceId, thread, "Late")));
        writes.put("resolve", () -> call(f.otherModerator, () -> comments.resolve(f.workspaceId, thread)));
        writes.put("edit comment", () -> call(f.participant, () -> comments.edit(f.workspaceId, comment, "Late")));
        writes.put("delete comment", () -> call(f.participant, () -> comments.delete(f.workspaceId, comment)));
        writes.put("propose observers comment", () -> as(f.owner, () -> governance.proposeObserversMayComment(
                f.workspaceId, true)));
        writes.put("suggest", () -> as(f.participant, () -> suggestions.suggest(f.workspaceId, 0, 0, 0, "Ja. ",
                "Late")));

        writes.forEach((what, call) -> {
            DomainException refused;
            try {
                call.call();
                throw new AssertionError(what + " was accepted in an archived workspace");
            } catch (DomainException e) {
                refused = e;
            } catch (Exception e) {
                throw new AssertionError(what + " failed with " + e, e);
            }
            assertThat(refused.messageKey()).as(what).isEqualTo("error.workspace.archived");
        });
        DomainException sample = refusal(f.participant, () -> priorities.propose(f.workspaceId, "x", "",
                Set.of(ValueLens.PARTICIPATION)));
        assertThat(Messages.get(Messages.DANISH, sample)).startsWith("Dette arbejdsrum er arkiveret");
        assertThat(Messages.get(Messages.ENGLISH, sample)).startsWith("This workspace is archived");

        assertThat(details().toString()).isEqualTo(before);
        assertThat(as(f.participant, () -> priorities.list(f.workspaceId))).hasSize(1);
        assertThat(as(f.observer, () -> rounds.list(f.workspaceId))).isEmpty();
        assertThat(as(f.owner, () -> invitations.list(f.workspaceId))).isNotEmpty();
        assertThat(as(f.observer, () -> rounds.verifyChain(f.workspaceId)).intact()).isTrue();
        assertThat(as(f.observer, () -> comments.threads(f.workspaceId))).hasSize(1);
        assertThat(as(f.participant, () -> comments.mayComment(f.workspaceId))).as("no one may comment").isFalse();
    }

    private static Object call(UserSummary user, Runnable run) {
        return as(user, () -> {
            run.run();
            return null;
        });
    }

    @Test
    void reopening_takes_every_side_and_only_that_proposal_moves_while_archived() {
        long waiting = as(f.otherModerator, () -> governance.proposeDefaultRule(f.workspaceId, DefaultRule.CONSENT));
        archiveByIdleness(null);
        assertThat(keyOf(() -> call(f.owner, () -> governance.confirm(f.workspaceId, waiting))))
                .isEqualTo("error.workspace.archived");
        assertThat(keyOf(() -> as(f.participant, () -> governance.proposeUnarchive(f.workspaceId))))
                .isEqualTo("error.permission.moderator");

        long reopen = as(f.owner, () -> governance.proposeUnarchive(f.workspaceId));
        assertThat(details().archived()).as("Civilsamfund has not agreed yet").isTrue();
        List<ProposalView> seen = as(f.otherModerator, () -> governance.pending(f.workspaceId));
        assertThat(seen).filteredOn(p -> p.id() == waiting).singleElement()
                .satisfies(p -> assertThat(p.canConfirm()).isFalse());
        assertThat(seen).filteredOn(p -> p.id() == reopen).singleElement()
                .satisfies(p -> assertThat(p.canConfirm()).isTrue());

        call(f.otherModerator, () -> governance.confirm(f.workspaceId, reopen));

        assertThat(details().archived()).isFalse();
        assertThat(historyCount("workspace.unarchived")).isOne();
        as(f.participant, () -> priorities.propose(f.workspaceId, "Open again", "", Set.of(ValueLens.PARTICIPATION)));
        assertThat(retention.run().archived()).as("the months count afresh").doesNotContain(f.workspaceId);
    }

    @Test
    void after_the_agreed_period_the_workspace_and_all_its_data_are_deleted() {
        long a = as(f.participant, () -> priorities.propose(f.workspaceId, "One", "", Set.of(ValueLens.EFFICIENCY)));
        long b = as(f.otherModerator, () -> priorities.propose(f.workspaceId, "Two", "", Set.of(ValueLens.ADVOCACY)));
        as(f.owner, () -> statements.saveVersion(f.workspaceId, "First draft"));
        long round = as(f.owner, () -> rounds.create(f.workspaceId, RoundDraft.dots("First", List.of(a, b), 10, 5, 1)));
        call(f.owner, () -> rounds.open(f.workspaceId, round));
        call(f.participant, () -> rounds.castDots(f.workspaceId, round, Map.of(a, 5, b, 5)));
        as(f.owner, () -> rounds.confirmClosing(f.workspaceId, round));
        as(f.otherModerator, () -> rounds.confirmClosing(f.workspaceId, round));
        assertThat(as(f.observer, () -> rounds.records(f.workspaceId))).hasSize(1);

        archiveByIdleness(2);
        assertThat(details().deletionDue()).isEqualTo(details().archivedAt().atZone(ZoneOffset.UTC).plusMonths(2)
                .toInstant());
        clock.advance(Duration.ofDays(50));
        assertThat(retention.run().erased()).as("not yet two months").isEmpty();
        clock.advance(Duration.ofDays(15));
        assertThat(retention.run().erased()).containsExactly(f.workspaceId);

        for (String table : List.of("workspace where id", "side where workspace_id", "membership where workspace_id",
                "history_entry where workspace_id", "priority where workspace_id", "decision_round where workspace_id",
                "decision_record where workspace_id", "statement_version where workspace_id",
                "governance_proposal where workspace_id", "invitation where workspace_id")) {
            assertThat(jdbc.queryForObject("select count(*) from " + table + " = ?", Long.class, f.workspaceId))
                    .as(table).isZero();
        }
        assertThatThrownBy(() -> as(f.owner, () -> workspaces.details(f.workspaceId)))
                .isInstanceOf(NotFoundOrNoAccessException.class);
        assertThat(as(f.otherWorkspaceOwner, () -> workspaces.details(f.otherWorkspaceId)).name())
                .as("other workspaces are untouched").startsWith("Other");
        assertThat(accounts.summaries(List.of(f.participant.id()))).as("people keep their accounts").hasSize(1);
    }

    @Test
    void several_nodes_running_the_worker_at_once_archive_a_workspace_once() throws Exception {
        agreeRetention(new RetentionRule(1, null, null));
        clock.advance(Duration.ofDays(32));

        List<String> outcomes = Racing.race(4, () -> retention.run());

        assertThat(outcomes).containsOnly(Racing.STORED);
        assertThat(details().archived()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from history_entry where workspace_id = ? and kind = ?",
                Long.class, f.workspaceId, "workspace.archived")).isOne();
    }
}
