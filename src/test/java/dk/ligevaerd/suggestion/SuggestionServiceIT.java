package dk.ligevaerd.suggestion;

import static dk.ligevaerd.support.Acting.as;
import static dk.ligevaerd.support.Refusals.keyOf;
import static org.assertj.core.api.Assertions.assertThat;

import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.account.UserSummary;
import dk.ligevaerd.history.HistoryItem;
import dk.ligevaerd.history.HistoryService;
import dk.ligevaerd.history.HistoryVerification;
import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.statement.CollabService;
import dk.ligevaerd.statement.ReplayStep;
import dk.ligevaerd.statement.StatementService;
import dk.ligevaerd.workspace.GovernanceService;
import dk.ligevaerd.workspace.InvitationService;
import dk.ligevaerd.workspace.Role;
import dk.ligevaerd.workspace.WorkspaceFixture;
import dk.ligevaerd.workspace.WorkspaceService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(properties = {"ligevaerd.demo.enabled=false",
        "spring.datasource.url=jdbc:h2:file:./target/test-db/suggestion-${random.uuid}"})
class SuggestionServiceIT {

    private static final java.util.concurrent.atomic.AtomicInteger USERS = new java.util.concurrent.atomic.AtomicInteger();

    static final String TEXT = "We visit lonely elderly people every week.";

    @Autowired AccountService accounts;
    @Autowired WorkspaceService workspaces;
    @Autowired InvitationService invitations;
    @Autowired GovernanceService governance;
    @Autowired SuggestionService suggestions;
    @Autowired CollabService collab;
    @Autowired StatementService statements;
    @Autowired HistoryService history;
    @Autowired HistoryVerification verification;
    @Autowired dk.ligevaerd.shared.LiveEventBus bus;
    @Autowired dk.ligevaerd.history.HistoryExportService exports;
    @Autowired dk.ligevaerd.insight.InsightService insight;

    private WorkspaceFixture workspaceWithText() {
        WorkspaceFixture f = new WorkspaceFixture(accounts, workspaces, invitations);
        as(f.owner, () -> collab.edit(f.workspaceId, "test", 0, 0, TEXT));
        return f;
    }

    private String text(WorkspaceFixture f) {
        return as(f.owner, () -> collab.snapshot(f.workspaceId)).text();
    }

    private int version(WorkspaceFixture f) {
        return as(f.owner, () -> collab.snapshot(f.workspaceId)).version();
    }

    /** The participant (Kommune) suggests replacing "lonely" with "isolated". */
    private long suggestIsolated(WorkspaceFixture f) {
        int from = TEXT.indexOf("lonely");
        int v = version(f);
        return as(f.participant, () -> suggestions.suggest(f.workspaceId, v, from, from + "lonely".length(),
                "isolated", "Not everyone we visit feels lonely."));
    }

    private SuggestionView find(WorkspaceFixture f, long id) {
        return as(f.owner, () -> suggestions.list(f.workspaceId)).stream().filter(s -> s.id() == id).findFirst()
                .orElseThrow();
    }

    private UserSummary join(WorkspaceFixture f, UserSummary inviter, long sideId, Role role, String name) {
        UserSummary user = accounts.register("s" + USERS.incrementAndGet() + "-" + System.nanoTime() % 100000, name, "bla-hest-tromme-7");
        String token = as(inviter, () -> invitations.create(f.workspaceId, sideId, role, Duration.ofDays(1)).token());
        as(user, () -> invitations.accept(token));
        return user;
    }

    private List<HistoryItem> entries(WorkspaceFixture f, String kind) {
        return as(f.owner, () -> history.timeline(f.workspaceId)).stream().filter(i -> i.kind().equals(kind)).toList();
    }

    @Test
    void accepted_by_every_other_side_it_is_applied_as_the_proposers_change() {
        WorkspaceFixture f = workspaceWithText();
        long id = suggestIsolated(f);
        int before = version(f);

        assertThat(as(f.otherModerator, () -> suggestions.accept(f.workspaceId, id))).isTrue();

        assertThat(text(f)).isEqualTo(TEXT.replace("lonely", "isolated"));
        assertThat(version(f)).isEqualTo(before + 1);
        List<ReplayStep> steps = as(f.owner, () -> statements.replay(f.workspaceId));
        ReplayStep last = steps.getLast();
        assertThat(last.authorId()).isEqualTo(f.participant.id());
        assertThat(last.sideId()).isEqualTo(f.municipalSideId);
        assertThat(find(f, id).state()).isEqualTo(SuggestionState.APPLIED);
        assertThat(entries(f, "statement.suggestion.made")).hasSize(1);
        assertThat(entries(f, "statement.suggestion.accepted")).hasSize(1);
        assertThat(entries(f, "statement.suggestion.applied")).hasSize(1);
        assertThat(as(f.owner, () -> verification.verify(f.workspaceId))).allMatch(HistoryVerification.Result::intact);
    }

    /**
     * "Who is listened to": Kommune made two suggestions and one went in; Civilsamfund made one and
     * it went in. The history export holds all three with their keys and outcomes.
     */
    @Test
    void the_equality_view_counts_suggestions_made_and_accepted_per_side_and_the_export_holds_them()
            throws Exception {
        WorkspaceFixture f = workspaceWithText();
        long applied = suggestIsolated(f);
        as(f.otherModerator, () -> suggestions.accept(f.workspaceId, applied));
        int v = version(f);
        int week = text(f).indexOf("week");
        long declined = as(f.participant, () -> suggestions.suggest(f.workspaceId, v, week, week + 4, "month",
                "Less often, but longer."));
        as(f.otherModerator, () -> {
            suggestions.decline(f.workspaceId, declined, "Every week is the promise.");
            return null;
        });
        long civil = as(f.otherModerator, () -> suggestions.suggest(f.workspaceId, v, 0, 2, "Together we",
                "Say who."));
        as(f.participant, () -> suggestions.accept(f.workspaceId, civil));

        var report = as(f.owner, () -> insight.report(f.workspaceId, null, null, java.time.ZoneOffset.UTC));
        var made = report.measures().stream().filter(m -> m.key().equals("suggestionsMade")).findFirst().orElseThrow();
        var accepted = report.measures().stream().filter(m -> m.key().equals("suggestionsAccepted")).findFirst()
                .orElseThrow();
        assertThat(made.counts()).containsEntry(f.municipalSideId, 2L).containsEntry(f.civilSideId, 1L);
        assertThat(accepted.counts()).containsEntry(f.municipalSideId, 1L).containsEntry(f.civilSideId, 1L);

        var out = new java.io.ByteArrayOutputStream();
        as(f.owner, () -> {
            exports.writeJson(f.workspaceId, out);
            return null;
        });
        var json = tools.jackson.databind.json.JsonMapper.builder().build().readTree(out.toByteArray());
        var exported = json.get("suggestions");
        assertThat(exported).hasSize(3);
        assertThat(exported.get(0).get("state").asString()).isEqualTo("APPLIED");
        assertThat(exported.get(0).get("acceptances")).hasSize(1);
        assertThat(exported.get(1).get("declineReason").asString()).isEqualTo("Every week is the promise.");
        var pdf = new java.io.ByteArrayOutputStream();
        as(f.owner, () -> {
            exports.writePdf(f.workspaceId, Locale.ENGLISH, pdf);
            return null;
        });
        assertThat(pdf.size()).isGreaterThan(0);
        assertThat(as(f.owner, () -> verification.verify(f.workspaceId))).allMatch(HistoryVerification.Result::intact);
    }

    /** Open pages hear of each step after it committed, by kind and naming the suggestion: nothing else. */
    @Test
    void each_step_reaches_open_pages_as_an_event_naming_the_suggestion() {
        WorkspaceFixture f = workspaceWithText();
        List<dk.ligevaerd.shared.WorkspaceEvent> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        Runnable stop = bus.subscribe(f.workspaceId, heard::add);
        try {
            long id = suggestIsolated(f);
            as(f.otherModerator, () -> suggestions.accept(f.workspaceId, id));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(heard
                    .stream().filter(SuggestionEvents::isSuggestionEvent).map(e -> e.eventKind() + ":" + e.firstId()))
                    .containsExactly("SuggestionMade:" + id, "SuggestionAccepted:" + id, "SuggestionApplied:" + id));
            assertRefused("error.suggestion.closed", () -> as(f.otherModerator,
                    () -> suggestions.accept(f.workspaceId, id)));
            assertThat(heard.stream().filter(SuggestionEvents::isSuggestionEvent)).hasSize(3);
        } finally {
            stop.run();
        }
    }

    @Test
    void accepted_by_one_side_of_three_it_is_not_applied() {
        WorkspaceFixture f = workspaceWithText();
        long third = f.addSide(governance, workspaces, "Borgere", "#1E7A4C");
        join(f, f.owner, third, Role.MODERATOR, "Citizen");
        long id = suggestIsolated(f);

        assertThat(as(f.otherModerator, () -> suggestions.accept(f.workspaceId, id))).isFalse();

        assertThat(text(f)).isEqualTo(TEXT);
        SuggestionView view = find(f, id);
        assertThat(view.state()).isEqualTo(SuggestionState.PENDING);
        assertThat(view.acceptedSides()).containsExactly(f.civilSideId);
        assertThat(view.awaitingSides()).containsExactly(third);
        assertThat(entries(f, "statement.suggestion.applied")).isEmpty();
    }

    /**
     * Three sides; the two sides that must accept do so on two threads released by one latch, on
     * several rounds: whichever comes second applies the change, and it is applied exactly once.
     */
    @RepeatedTest(3)
    void two_sides_accepting_at_the_same_instant_apply_it_exactly_once() throws Exception {
        WorkspaceFixture f = workspaceWithText();
        long third = f.addSide(governance, workspaces, "Borgere", "#1E7A4C");
        UserSummary citizen = join(f, f.owner, third, Role.MODERATOR, "Citizen");
        UserSummary civil2 = join(f, f.otherModerator, f.civilSideId, Role.PARTICIPANT, "Civil two");
        long id = suggestIsolated(f);
        int before = version(f);

        List<Object> outcomes = race(List.of(
                () -> as(f.otherModerator, () -> suggestions.accept(f.workspaceId, id)),
                () -> as(civil2, () -> suggestions.accept(f.workspaceId, id)),
                () -> as(citizen, () -> suggestions.accept(f.workspaceId, id))));

        // One acceptance is first (not yet applied), one completes the keys, and the third finds its
        // side's key given already or the change applied.
        assertThat(outcomes).containsOnlyOnce(true, false);
        assertThat(outcomes.stream().filter(o -> o instanceof String).toList()).singleElement()
                .isIn("error.suggestion.alreadyAccepted", "error.suggestion.closed");
        assertThat(text(f)).isEqualTo(TEXT.replace("lonely", "isolated"));
        assertThat(version(f)).isEqualTo(before + 1);
        assertThat(find(f, id).state()).isEqualTo(SuggestionState.APPLIED);
        assertThat(entries(f, "statement.suggestion.applied")).hasSize(1);
        assertThat(entries(f, "statement.suggestion.accepted")).hasSize(2);
        assertThat(as(f.owner, () -> verification.verify(f.workspaceId))).allMatch(HistoryVerification.Result::intact);
    }

    /** Each call on its own thread, all started by one latch; each ends with its result or its refusal's key. */
    private static List<Object> race(List<Callable<Object>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch ready = new CountDownLatch(calls.size());
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> ends = new ArrayList<>();
            for (Callable<Object> call : calls) {
                ends.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    try {
                        return call.call();
                    } catch (DomainException refused) {
                        return refused.messageKey();
                    }
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> end : ends) {
                outcomes.add(end.get(120, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void when_every_side_agreed_that_moderators_answer_a_participant_cannot_accept() {
        WorkspaceFixture f = workspaceWithText();
        UserSummary civil2 = join(f, f.otherModerator, f.civilSideId, Role.PARTICIPANT, "Civil two");
        f.agree(governance, g -> g.proposeSuggestionsByModerators(f.workspaceId, true));
        assertThat(as(f.owner, () -> workspaces.details(f.workspaceId)).suggestionsByModerators()).isTrue();
        assertThat(entries(f, "workspace.suggestionKeysChanged")).hasSize(1);
        long id = suggestIsolated(f);

        assertRefused("error.suggestion.moderatorsOnly", () -> as(civil2, () -> suggestions.accept(f.workspaceId, id)));
        assertRefused("error.suggestion.moderatorsOnly", () -> as(civil2, () -> {
            suggestions.decline(f.workspaceId, id, "No.");
            return null;
        }));
        assertThat(find(f, id).acceptedSides()).isEmpty();
        assertThat(text(f)).isEqualTo(TEXT);
        for (Locale language : List.of(Locale.ENGLISH, Messages.DANISH)) {
            assertThat(Messages.get(language, new DomainException("error.suggestion.moderatorsOnly")))
                    .doesNotStartWith("!").containsIgnoringCase("moderator");
        }

        assertThat(as(f.otherModerator, () -> suggestions.accept(f.workspaceId, id))).isTrue();
        assertThat(text(f)).isEqualTo(TEXT.replace("lonely", "isolated"));
    }

    @Test
    void declined_it_is_never_applied() {
        WorkspaceFixture f = workspaceWithText();
        long id = suggestIsolated(f);

        as(f.otherModerator, () -> {
            suggestions.decline(f.workspaceId, id, "Loneliness is exactly what we work against.");
            return null;
        });

        assertThat(keyOf(() -> as(f.otherModerator, () -> suggestions.accept(f.workspaceId, id))))
                .isEqualTo("error.suggestion.closed");
        assertThat(text(f)).isEqualTo(TEXT);
        SuggestionView view = find(f, id);
        assertThat(view.state()).isEqualTo(SuggestionState.DECLINED);
        assertThat(view.declineReason()).isEqualTo("Loneliness is exactly what we work against.");
        assertThat(entries(f, "statement.suggestion.declined")).hasSize(1);
    }

    @Test
    void an_outdated_suggestion_cannot_be_applied_until_its_author_rebases_it() {
        WorkspaceFixture f = workspaceWithText();
        String passage = "lonely elderly people";
        int from = TEXT.indexOf(passage);
        int v = version(f);
        long id = as(f.participant, () -> suggestions.suggest(f.workspaceId, v, from, from + passage.length(),
                "people who feel isolated", "Not everyone we visit is old."));
        int at = TEXT.indexOf("elderly");
        as(f.otherModerator, () -> collab.edit(f.workspaceId, "other", at, at + "elderly".length(), "older"));

        SuggestionView view = find(f, id);
        assertThat(view.outdated()).isTrue();
        assertThat(view.passageRemoved()).isFalse();
        assertThat(view.baseWording()).isEqualTo("lonely elderly people");
        assertThat(view.currentWording()).isEqualTo("lonely older people");
        assertThat(keyOf(() -> as(f.otherModerator, () -> suggestions.accept(f.workspaceId, id))))
                .isEqualTo("error.suggestion.outdated");
        assertThat(text(f)).isEqualTo(TEXT.replace("elderly", "older"));
        assertThat(find(f, id).acceptedSides()).isEmpty();
        assertThat(keyOf(() -> as(f.otherModerator, () -> {
            suggestions.rebase(f.workspaceId, id);
            return null;
        }))).isEqualTo("error.suggestion.notAuthor");

        as(f.participant, () -> {
            suggestions.rebase(f.workspaceId, id);
            return null;
        });
        assertThat(find(f, id).outdated()).isFalse();
        assertThat(find(f, id).baseWording()).isEqualTo("lonely older people");
        assertThat(entries(f, "statement.suggestion.rebased")).hasSize(1);
        assertThat(as(f.otherModerator, () -> suggestions.accept(f.workspaceId, id))).isTrue();
        assertThat(text(f)).isEqualTo("We visit people who feel isolated every week.");
    }

    @Test
    void a_suggestion_whose_passage_was_deleted_is_outdated_and_marked_removed() {
        WorkspaceFixture f = workspaceWithText();
        long id = suggestIsolated(f);
        int at = TEXT.indexOf("lonely ");
        as(f.otherModerator, () -> collab.edit(f.workspaceId, "other", at, at + "lonely ".length(), ""));

        SuggestionView view = find(f, id);
        assertThat(view.outdated()).isTrue();
        assertThat(view.passageRemoved()).isTrue();
        assertThat(keyOf(() -> as(f.otherModerator, () -> suggestions.accept(f.workspaceId, id))))
                .isEqualTo("error.suggestion.outdated");
        assertThat(text(f)).isEqualTo("We visit elderly people every week.");
    }

    @Test
    void edits_elsewhere_move_the_passage_and_it_still_applies() {
        WorkspaceFixture f = workspaceWithText();
        long id = suggestIsolated(f);
        as(f.otherModerator, () -> collab.edit(f.workspaceId, "other", 0, 0, "Together: "));

        assertThat(find(f, id).outdated()).isFalse();
        assertThat(as(f.otherModerator, () -> suggestions.accept(f.workspaceId, id))).isTrue();
        assertThat(text(f)).isEqualTo("Together: " + TEXT.replace("lonely", "isolated"));
    }

    /**
     * Pages ask for the suggestions after every change; the passages are then carried on from where
     * they stood the last time, and must land where a replay of the whole history puts them.
     */
    @Test
    void passages_followed_again_after_each_change_land_where_a_full_replay_puts_them() {
        WorkspaceFixture f = workspaceWithText();
        long id = suggestIsolated(f);
        for (int i = 0; i < 5; i++) {
            String word = "again" + i + " ";
            as(f.otherModerator, () -> collab.edit(f.workspaceId, "other", 0, 0, word));
            String now = text(f);
            SuggestionView view = find(f, id);
            assertThat(view.outdated()).isFalse();
            assertThat(view.currentWording()).isEqualTo("lonely");
            var passage = new dk.ligevaerd.statement.collab.Passage(TEXT.indexOf("lonely"),
                    TEXT.indexOf("lonely") + 6, "lonely", false);
            assertThat(passage.after(as(f.owner, () -> collab.updatesSince(f.workspaceId, 1)).stream()
                    .map(u -> u.changes()).toList(), TEXT).from()).isEqualTo(now.indexOf("lonely"));
        }
        int at = text(f).indexOf("lonely");
        as(f.otherModerator, () -> collab.edit(f.workspaceId, "other", at + 1, at + 2, "O"));
        assertThat(find(f, id).outdated()).isTrue();
        assertThat(find(f, id).currentWording()).isEqualTo("lOnely");
    }

    @Test
    void an_insertion_goes_in_at_its_point() {
        WorkspaceFixture f = workspaceWithText();
        int at = TEXT.indexOf(" every");
        int v = version(f);
        long id = as(f.participant, () -> suggestions.suggest(f.workspaceId, v, at, at, " at home",
                "Say where."));
        as(f.otherModerator, () -> collab.edit(f.workspaceId, "other", 0, 0, "Each of us: "));

        assertThat(as(f.otherModerator, () -> suggestions.accept(f.workspaceId, id))).isTrue();
        assertThat(text(f)).isEqualTo("Each of us: We visit lonely elderly people at home every week.");
    }

    @Test
    void refusals_store_nothing_and_read_in_both_languages() {
        WorkspaceFixture f = workspaceWithText();
        int from = TEXT.indexOf("lonely");
        int to = from + "lonely".length();
        int v = version(f);
        assertRefused("error.permission.contributor",
                () -> as(f.observer, () -> suggestions.suggest(f.workspaceId, v, from, to, "isolated", "Why")));
        assertRefused("error.missing.suggestionReason",
                () -> as(f.participant, () -> suggestions.suggest(f.workspaceId, v, from, to, "isolated", "  ")));
        assertRefused("error.length",
                () -> as(f.participant, () -> suggestions.suggest(f.workspaceId, v, from, to, "isolated",
                        "x".repeat(1001))));
        assertRefused("error.controlCharacters",
                () -> as(f.participant, () -> suggestions.suggest(f.workspaceId, v, from, to, "iso\u0007lated", "Why")));
        assertRefused("error.suggestion.noChange",
                () -> as(f.participant, () -> suggestions.suggest(f.workspaceId, v, from, to, "lonely", "Why")));
        assertRefused("error.suggestion.passage",
                () -> as(f.participant, () -> suggestions.suggest(f.workspaceId, v, 0, 9999, "x", "Why")));
        assertRefused("error.suggestion.tooLong",
                () -> as(f.participant, () -> suggestions.suggest(f.workspaceId, v, from, to, "x".repeat(20_000),
                        "Why")));
        assertThat(as(f.owner, () -> suggestions.list(f.workspaceId))).isEmpty();

        long id = suggestIsolated(f);
        assertRefused("error.suggestion.ownSide", () -> as(f.owner, () -> suggestions.accept(f.workspaceId, id)));
        assertRefused("error.suggestion.ownSide", () -> as(f.owner, () -> {
            suggestions.decline(f.workspaceId, id, "No");
            return null;
        }));
        assertRefused("error.permission.contributor",
                () -> as(f.observer, () -> suggestions.accept(f.workspaceId, id)));
        assertRefused("error.missing.declineReason", () -> as(f.otherModerator, () -> {
            suggestions.decline(f.workspaceId, id, "");
            return null;
        }));
        assertRefused("error.suggestion.notAuthor", () -> as(f.owner, () -> {
            suggestions.withdraw(f.workspaceId, id);
            return null;
        }));
        assertRefused("error.suggestion.notOutdated", () -> as(f.participant, () -> {
            suggestions.rebase(f.workspaceId, id);
            return null;
        }));
        assertThat(find(f, id).state()).isEqualTo(SuggestionState.PENDING);
        assertThat(find(f, id).acceptedSides()).isEmpty();
        assertThat(text(f)).isEqualTo(TEXT);

        as(f.participant, () -> {
            suggestions.withdraw(f.workspaceId, id);
            return null;
        });
        assertRefused("error.suggestion.closed", () -> as(f.otherModerator, () -> suggestions.accept(f.workspaceId, id)));
        assertRefused("error.suggestion.closed", () -> as(f.participant, () -> {
            suggestions.withdraw(f.workspaceId, id);
            return null;
        }));
        assertThat(find(f, id).state()).isEqualTo(SuggestionState.WITHDRAWN);
        assertThat(text(f)).isEqualTo(TEXT);

        for (String key : List.of("error.suggestion.passage", "error.suggestion.passageGone",
                "error.suggestion.noChange", "error.suggestion.closed", "error.suggestion.ownSide",
                "error.suggestion.alreadyAccepted", "error.suggestion.outdated", "error.suggestion.notOutdated",
                "error.suggestion.notAuthor", "error.missing.suggestionReason", "error.missing.declineReason")) {
            DomainException refusal = new DomainException(key);
            String en = Messages.get(Locale.ENGLISH, refusal);
            String da = Messages.get(Messages.DANISH, refusal);
            assertThat(en).as(key).isNotBlank().doesNotStartWith("!");
            assertThat(da).as(key).isNotBlank().doesNotStartWith("!").isNotEqualTo(en);
        }
        assertThat(Messages.get(Locale.ENGLISH, new DomainException("error.suggestion.tooLong", 20_000)))
                .contains("20000 characters");
        assertThat(Messages.get(Messages.DANISH, new DomainException("error.suggestion.tooLong", 20_000)))
                .contains("20000 tegn");
    }

    @Test
    void a_suggestion_of_another_workspace_is_not_found() {
        WorkspaceFixture f = workspaceWithText();
        WorkspaceFixture other = workspaceWithText();
        long id = suggestIsolated(f);
        assertRefused("error.notFoundOrNoAccess",
                () -> as(other.otherModerator, () -> suggestions.accept(other.workspaceId, id)));
        assertThat(find(f, id).acceptedSides()).isEmpty();
    }

    private static void assertRefused(String key, Callable<?> call) {
        assertThat(keyOf(call)).isEqualTo(key);
    }
}
