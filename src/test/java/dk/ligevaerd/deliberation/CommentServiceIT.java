package dk.ligevaerd.deliberation;

import static dk.ligevaerd.support.Acting.as;
import static dk.ligevaerd.support.Refusals.keyOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.history.HistoryExportService;
import dk.ligevaerd.history.HistoryFilter;
import dk.ligevaerd.history.HistoryItem;
import dk.ligevaerd.history.HistoryService;
import dk.ligevaerd.history.HistoryVerification;
import dk.ligevaerd.insight.EqualityReport;
import dk.ligevaerd.insight.InsightService;
import dk.ligevaerd.insight.metrics.Measure;
import dk.ligevaerd.priority.PriorityService;
import dk.ligevaerd.priority.ValueLens;
import dk.ligevaerd.round.RoundDraft;
import dk.ligevaerd.round.RoundService;
import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.shared.NotFoundOrNoAccessException;
import dk.ligevaerd.statement.CollabService;
import dk.ligevaerd.workspace.GovernanceService;
import dk.ligevaerd.workspace.InvitationService;
import dk.ligevaerd.workspace.WorkspaceFixture;
import dk.ligevaerd.workspace.WorkspaceService;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(properties = {"ligevaerd.demo.enabled=false",
        "spring.datasource.url=jdbc:h2:file:./target/test-db/comments-${random.uuid}"})
class CommentServiceIT {

    @Autowired AccountService accounts;
    @Autowired WorkspaceService workspaces;
    @Autowired InvitationService invitations;
    @Autowired CommentService comments;
    @Autowired GovernanceService governance;
    @Autowired CollabService collab;
    @Autowired PriorityService priorities;
    @Autowired RoundService rounds;
    @Autowired HistoryService history;
    @Autowired HistoryVerification verification;
    @Autowired HistoryExportService exports;
    @Autowired InsightService insight;

    WorkspaceFixture f;

    @BeforeEach
    void fixture() {
        f = new WorkspaceFixture(accounts, workspaces, invitations);
        as(f.owner, () -> collab.edit(f.workspaceId, "fixture", 0, 0, "Vi vil mødes oftere i Vestbyen."));
    }

    private int version() {
        return as(f.owner, () -> collab.snapshot(f.workspaceId).version());
    }

    private String text() {
        return as(f.owner, () -> collab.snapshot(f.workspaceId).text());
    }

    private long commentOn(String words, String body) {
        int at = text().indexOf(words);
        int v = version();
        return as(f.participant, () -> comments.startOnPassage(f.workspaceId, v, at, at + words.length(), body));
    }

    private ThreadView thread(long id) {
        return as(f.observer, () -> comments.thread(f.workspaceId, id));
    }

    private List<String> kinds() {
        return as(f.owner, () -> history.timeline(f.workspaceId, new HistoryFilter("comment", null, null, null)))
                .stream().map(HistoryItem::kind).toList().reversed();
    }

    @Test
    void a_comment_that_mentions_someone_marks_the_thread_for_that_person_only() {
        long id = commentOn("oftere", "Hvad siger @" + f.otherModerator.displayName() + " til det?");
        ThreadView forThem = as(f.otherModerator, () -> comments.thread(f.workspaceId, id));
        assertThat(forThem.mentionsMe()).isTrue();
        assertThat(forThem.comments().getFirst().mentionsMe()).isTrue();
        // Not for the author, nor for anyone else reading it.
        assertThat(as(f.participant, () -> comments.thread(f.workspaceId, id)).mentionsMe()).isFalse();
        assertThat(as(f.owner, () -> comments.thread(f.workspaceId, id)).mentionsMe()).isFalse();
        // Among all threads, only that one is marked.
        assertThat(as(f.otherModerator, () -> comments.threads(f.workspaceId))).filteredOn(ThreadView::mentionsMe)
                .extracting(ThreadView::id).containsExactly(id);
        // Edited so the name is gone: no longer marked.
        long first = forThem.comments().getFirst().id();
        as(f.participant, () -> {
            comments.edit(f.workspaceId, first, "Hvad siger I til det?");
            return null;
        });
        assertThat(as(f.otherModerator, () -> comments.thread(f.workspaceId, id)).mentionsMe()).isFalse();
    }

    @Test
    void a_thread_on_a_passage_follows_the_text_as_others_edit_around_and_inside_it() {
        long id = commentOn("mødes oftere", "Hvor ofte er oftere?");
        as(f.owner, () -> collab.edit(f.workspaceId, "a", 0, 0, "Formål: "));
        int inside = text().indexOf("oftere");
        as(f.otherModerator, () -> collab.edit(f.workspaceId, "b", inside, inside, "langt "));

        ThreadView t = thread(id);
        assertThat(t.target()).isEqualTo(TargetKind.STATEMENT);
        assertThat(t.passage()).isNotNull();
        assertThat(t.passage().wording()).isEqualTo("mødes langt oftere");
        assertThat(t.passage().removed()).isFalse();
        assertThat(text().substring(t.passage().from(), t.passage().to())).isEqualTo("mødes langt oftere");
        assertThat(t.passage().statementVersion()).isEqualTo(version());
        assertThat(t.startedSideId()).isEqualTo(f.municipalSideId);
        assertThat(t.comments()).extracting(CommentView::body).containsExactly("Hvor ofte er oftere?");
        // Read again after more typing: carried on from where the last read left it.
        int end = text().length();
        as(f.owner, () -> collab.edit(f.workspaceId, "c", end, end, " Hver uge."));
        assertThat(thread(id).passage().wording()).isEqualTo("mødes langt oftere");
    }

    @Test
    void a_selection_made_on_an_older_version_is_carried_to_the_current_text() {
        int old = version();
        String before = text();
        int at = before.indexOf("Vestbyen");
        as(f.otherModerator, () -> collab.edit(f.workspaceId, "x", 0, 0, "Kort sagt: "));
        long id = as(f.participant, () -> comments.startOnPassage(f.workspaceId, old, at, at + "Vestbyen".length(),
                "Kun Vestbyen?"));
        PassageView p = thread(id).passage();
        assertThat(text().substring(p.from(), p.to())).isEqualTo("Vestbyen");
    }

    @Test
    void when_the_whole_passage_is_deleted_the_thread_stays_marked_removed_with_its_last_wording() {
        long id = commentOn("oftere", "Hvorfor?");
        int at = text().indexOf("mødes oftere");
        as(f.owner, () -> collab.edit(f.workspaceId, "d", at, at + "mødes oftere ".length(), ""));
        ThreadView t = thread(id);
        assertThat(t.passageRemoved()).isTrue();
        assertThat(t.passage().wording()).isEqualTo("oftere");
        assertThat(t.comments()).hasSize(1);
        // Typing the same words again does not bring it back.
        as(f.owner, () -> collab.edit(f.workspaceId, "e", at, at, "mødes oftere "));
        assertThat(thread(id).passageRemoved()).isTrue();
    }

    @Test
    void replies_resolve_and_reopen_are_each_kept_in_the_history() {
        long id = commentOn("Vestbyen", "Hele Vestbyen?");
        as(f.otherModerator, () -> comments.reply(f.workspaceId, id, "Ja, alle fire kvarterer."));
        as(f.participant, () -> {
            comments.resolve(f.workspaceId, id);
            return null;
        });
        assertThat(thread(id).resolved()).isTrue();
        as(f.otherModerator, () -> {
            comments.reopen(f.workspaceId, id);
            return null;
        });
        ThreadView t = thread(id);
        assertThat(t.resolved()).isFalse();
        assertThat(t.comments()).extracting(CommentView::authorSideId)
                .containsExactly(f.municipalSideId, f.civilSideId);
        assertThat(kinds()).containsExactly("comment.started", "comment.replied", "comment.resolved",
                "comment.reopened");
        HistoryItem started = as(f.owner, () -> history.timeline(f.workspaceId)).stream()
                .filter(i -> i.kind().equals("comment.started")).findFirst().orElseThrow();
        assertThat(started.facts()).containsEntry("title", "Vestbyen").containsEntry("on", "statement");
    }

    @Test
    void threads_on_a_priority_a_round_and_a_record_name_their_item() {
        long priority = as(f.participant, () -> priorities.propose(f.workspaceId, "Ugentlige besøg", "",
                Set.of(ValueLens.PARTICIPATION)));
        long other = as(f.participant, () -> priorities.propose(f.workspaceId, "Fælles værdier", "",
                Set.of(ValueLens.SHARED_VALUES)));
        long round = as(f.owner, () -> rounds.create(f.workspaceId, RoundDraft.dots("Hvad først?",
                List.of(priority, other), 10, 5, 1)));
        long onPriority = as(f.otherModerator, () -> comments.startOn(f.workspaceId, TargetKind.PRIORITY, priority,
                "Hvem betaler?"));
        long onRound = as(f.participant, () -> comments.startOn(f.workspaceId, TargetKind.ROUND, round,
                "Ti point er for få."));
        assertThat(thread(onPriority).targetTitle()).isEqualTo("Ugentlige besøg");
        assertThat(thread(onRound).targetTitle()).isEqualTo("Hvad først?");
        assertThat(thread(onRound).targetId()).isEqualTo(round);
        assertThat(keyOf(() -> as(f.participant, () -> comments.startOn(f.workspaceId, TargetKind.RECORD, round,
                "Protokollen?")))).isEqualTo("error.comment.noRecord");
        assertThat(as(f.observer, () -> comments.threads(f.workspaceId))).extracting(ThreadView::id)
                .containsExactly(onPriority, onRound);
    }

    @Test
    void every_refusal_is_translated_into_danish_and_english_and_stores_nothing() {
        long id = commentOn("Vestbyen", "Første");
        long civil = as(f.otherModerator, () -> comments.reply(f.workspaceId, id, "Svar"));
        int v = version();
        int length = text().length();
        long entries = as(f.owner, () -> history.timeline(f.workspaceId)).size();

        List<Callable<?>> refused = List.of(
                () -> as(f.participant, () -> comments.startOnPassage(f.workspaceId, v, 0, 3, "  ")),
                () -> as(f.participant, () -> comments.startOnPassage(f.workspaceId, v, 0, 3, "x".repeat(4001))),
                () -> as(f.participant, () -> comments.startOnPassage(f.workspaceId, v, 0, 3, "bell \u0007")),
                () -> as(f.participant, () -> comments.startOnPassage(f.workspaceId, v, 0, 3, "vend \u202Eom")),
                () -> as(f.participant, () -> comments.startOnPassage(f.workspaceId, v, 4, 4, "Tom")),
                () -> as(f.participant, () -> comments.startOnPassage(f.workspaceId, v, 2, length + 1, "Ude")),
                () -> as(f.participant, () -> comments.startOnPassage(f.workspaceId, v + 1, 0, 3, "Fremtid")),
                () -> as(f.observer, () -> comments.startOnPassage(f.workspaceId, v, 0, 3, "Må jeg?")),
                () -> as(f.observer, () -> comments.reply(f.workspaceId, id, "Må jeg?")),
                () -> as(f.participant, () -> {
                    comments.edit(f.workspaceId, civil, "Ikke min");
                    return null;
                }),
                () -> as(f.participant, () -> {
                    comments.delete(f.workspaceId, civil);
                    return null;
                }),
                () -> as(f.participant, () -> {
                    comments.reopen(f.workspaceId, id);
                    return null;
                }),
                () -> as(f.owner, () -> {
                    comments.resolve(f.workspaceId, id);
                    comments.resolve(f.workspaceId, id);
                    return null;
                }),
                () -> as(f.otherModerator, () -> comments.reply(f.workspaceId, id, "Stadig?")));
        List<DomainException> refusals = refused.stream().map(CommentServiceIT::refusal).toList();
        List<String> keys = refusals.stream().map(DomainException::messageKey).toList();
        assertThat(keys).containsExactly("error.missing.comment", "error.length", "error.controlCharacters",
                "error.forbiddenCharacter", "error.comment.passageEmpty", "error.comment.passageOutside",
                "error.comment.versionUnknown", "error.comment.observer", "error.comment.observer",
                "error.comment.notAuthor", "error.comment.notAuthor", "error.comment.notResolved",
                "error.comment.alreadyResolved", "error.comment.resolved");
        for (DomainException e : refusals) {
            String danish = Messages.get(Messages.DANISH, e);
            String english = Messages.get(Messages.ENGLISH, e);
            assertThat(danish).as(e.messageKey()).doesNotStartWith("!").isNotEqualTo(english);
            assertThat(english).as(e.messageKey()).doesNotStartWith("!");
        }
        // Nothing stored by any refusal: two comments, the history grew only by what was allowed
        // (one resolve).
        ThreadView t = thread(id);
        assertThat(t.comments()).extracting(CommentView::body).containsExactly("Første", "Svar");
        assertThat(as(f.owner, () -> comments.threads(f.workspaceId))).hasSize(1);
        assertThat(as(f.owner, () -> history.timeline(f.workspaceId)).size()).isEqualTo(entries + 1);
    }

    private static DomainException refusal(Callable<?> call) {
        try {
            call.call();
        } catch (DomainException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("accepted");
    }

    @Test
    void outsiders_and_other_workspaces_learn_nothing() {
        long id = commentOn("Vestbyen", "Første");
        assertThatThrownBy(() -> as(f.outsider, () -> comments.threads(f.workspaceId)))
                .isInstanceOf(NotFoundOrNoAccessException.class);
        assertThatThrownBy(() -> as(f.otherWorkspaceOwner, () -> comments.reply(f.otherWorkspaceId, id, "Hej")))
                .isInstanceOf(NotFoundOrNoAccessException.class);
        assertThatThrownBy(() -> as(f.otherWorkspaceOwner, () -> comments.startOn(f.otherWorkspaceId,
                TargetKind.PRIORITY, 12345L, "Hej"))).isInstanceOf(NotFoundOrNoAccessException.class);
    }

    @Test
    void observers_comment_once_every_side_has_agreed_and_not_while_only_one_side_has() {
        long id = commentOn("Vestbyen", "Første");
        assertThat(as(f.observer, () -> comments.mayComment(f.workspaceId))).isFalse();
        long proposal = as(f.owner, () -> governance.proposeObserversMayComment(f.workspaceId, true));
        assertThat(as(f.observer, () -> comments.mayComment(f.workspaceId))).as("only Kommune has agreed").isFalse();
        assertThat(keyOf(() -> as(f.observer, () -> comments.reply(f.workspaceId, id, "For tidligt?"))))
                .isEqualTo("error.comment.observer");
        as(f.otherModerator, () -> {
            governance.confirm(f.workspaceId, proposal);
            return null;
        });
        assertThat(as(f.observer, () -> comments.mayComment(f.workspaceId))).isTrue();
        long reply = as(f.observer, () -> comments.reply(f.workspaceId, id, "Et spørgsmål udefra."));
        assertThat(thread(id).comments()).filteredOn(c -> c.id() == reply).singleElement()
                .satisfies(c -> assertThat(c.authorSideId()).isNull());
        assertThat(as(f.owner, () -> history.timeline(f.workspaceId))).extracting(HistoryItem::kind)
                .contains("workspace.observersMayComment");
    }

    @Test
    void only_the_author_edits_or_deletes_and_a_deletion_leaves_a_marker() {
        long id = commentOn("Vestbyen", "Førsteudkast");
        long first = thread(id).comments().getFirst().id();
        as(f.participant, () -> {
            comments.edit(f.workspaceId, first, "Rettet");
            return null;
        });
        assertThat(thread(id).comments().getFirst().body()).isEqualTo("Rettet");
        assertThat(thread(id).comments().getFirst().editedAt()).isNotNull();
        as(f.participant, () -> {
            comments.delete(f.workspaceId, first);
            return null;
        });
        CommentView deleted = thread(id).comments().getFirst();
        assertThat(deleted.deleted()).isTrue();
        assertThat(deleted.body()).isNull();
        assertThat(deleted.authorId()).isEqualTo(f.participant.id());
        assertThat(keyOf(() -> as(f.participant, () -> {
            comments.delete(f.workspaceId, first);
            return null;
        }))).isEqualTo("error.comment.deleted");
        assertThat(kinds()).containsExactly("comment.started", "comment.edited", "comment.deleted");
    }

    @Test
    void the_history_export_holds_the_threads_and_verification_covers_them() {
        long id = commentOn("Vestbyen", "Hvorfor kun her?");
        as(f.otherModerator, () -> comments.reply(f.workspaceId, id, "Fordi vi starter småt."));
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        as(f.observer, () -> {
            exports.writeJson(f.workspaceId, json);
            return null;
        });
        String exported = json.toString(StandardCharsets.UTF_8);
        assertThat(exported).contains("\"comments\"", "Hvorfor kun her?", "Fordi vi starter småt.",
                "\"wording\":\"Vestbyen\"");
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        as(f.observer, () -> {
            exports.writePdf(f.workspaceId, Messages.ENGLISH, pdf);
            return null;
        });
        assertThat(pdf.size()).isPositive();
        List<HistoryVerification.Result> results = as(f.observer, () -> verification.verify(f.workspaceId));
        assertThat(results).extracting(HistoryVerification.Result::nameKey).contains("verify.check.comments");
        assertThat(results).allSatisfy(r -> assertThat(r.intact()).as(r.nameKey()).isTrue());
    }

    @Test
    void the_equality_view_counts_each_sides_comments_and_warns_when_one_side_dominates() {
        long id = commentOn("Vestbyen", "En");
        as(f.participant, () -> comments.reply(f.workspaceId, id, "To"));
        as(f.participant, () -> comments.reply(f.workspaceId, id, "Tre"));
        EqualityReport report = as(f.observer, () -> insight.report(f.workspaceId, null, null,
                ZoneId.of("Europe/Copenhagen")));
        Measure written = report.measures().stream().filter(m -> m.key().equals("comments")).findFirst()
                .orElseThrow();
        assertThat(written.counts()).containsEntry(f.municipalSideId, 3L).containsEntry(f.civilSideId, 0L);
        assertThat(report.warnings()).extracting(Measure::key).contains("comments", "threads");
        as(f.otherModerator, () -> comments.reply(f.workspaceId, id, "Fire"));
        as(f.otherModerator, () -> comments.reply(f.workspaceId, id, "Fem"));
        EqualityReport balanced = as(f.observer, () -> insight.report(f.workspaceId, null, null,
                ZoneId.of("Europe/Copenhagen")));
        assertThat(balanced.warnings()).extracting(Measure::key).doesNotContain("comments");
    }
}
