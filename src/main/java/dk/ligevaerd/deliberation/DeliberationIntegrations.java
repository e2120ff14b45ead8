package dk.ligevaerd.deliberation;

import dk.ligevaerd.deliberation.domain.Comment;
import dk.ligevaerd.deliberation.domain.CommentRepository;
import dk.ligevaerd.deliberation.domain.CommentThread;
import dk.ligevaerd.deliberation.domain.CommentThreadRepository;
import dk.ligevaerd.history.HistoryCheck;
import dk.ligevaerd.history.HistoryExport;
import dk.ligevaerd.history.HistoryFilter;
import dk.ligevaerd.history.HistoryItem;
import dk.ligevaerd.history.HistoryService;
import dk.ligevaerd.history.PdfText;
import dk.ligevaerd.insight.EqualitySource;
import dk.ligevaerd.insight.metrics.Measure;
import dk.ligevaerd.insight.metrics.Weekly;
import dk.ligevaerd.round.RoundDiscussion;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.shared.WorkspaceEvent;
import dk.ligevaerd.statement.collab.Passage;
import dk.ligevaerd.workspace.WorkspaceAccess;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.openpdf.text.Document;
import org.openpdf.text.Paragraph;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JsonGenerator;

/**
 * How comment threads take part in the equality view, the history export and "verify history".
 * Each is called by its owner after the caller's membership has been checked.
 */
final class DeliberationIntegrations {

    private static final Instant BEGINNING = Instant.EPOCH;
    private static final Instant END = Instant.parse("9999-12-31T00:00:00Z");

    private DeliberationIntegrations() {
    }

    /** How many comments stand about each round and record, for the round cards' links into the discussion. */
    @Component
    static class CommentsOnRounds implements RoundDiscussion {

        private final CommentRepository comments;
        private final WorkspaceAccess access;

        CommentsOnRounds(CommentRepository comments, WorkspaceAccess access) {
            this.comments = comments;
            this.access = access;
        }

        @Override
        @Transactional(readOnly = true)
        public Map<Long, Integer> comments(long workspaceId, boolean records) {
            access.requireMember(workspaceId);
            Map<Long, Integer> counts = new HashMap<>();
            for (Object[] row : comments.countByTarget(workspaceId, records ? TargetKind.RECORD : TargetKind.ROUND)) {
                counts.put((Long) row[0], ((Number) row[1]).intValue());
            }
            return counts;
        }

        @Override
        public boolean concerns(WorkspaceEvent event) {
            return DeliberationEvents.isDeliberationEvent(event);
        }
    }

    /** Each side's share of comments and replies, and of threads started: who speaks in the discussion. */
    @Component
    static class CommentsForEquality implements EqualitySource {

        private final CommentRepository comments;
        private final CommentThreadRepository threads;

        CommentsForEquality(CommentRepository comments, CommentThreadRepository threads) {
            this.comments = comments;
            this.threads = threads;
        }

        @Override
        public int order() {
            return 40;
        }

        @Override
        public List<OrderedMeasure> measures(long workspaceId, List<Long> sides, @Nullable Instant from,
                @Nullable Instant to) {
            Map<Long, Long> written = new HashMap<>();
            for (Object[] row : comments.countBySide(workspaceId, from == null ? BEGINNING : from,
                    to == null ? END : to)) {
                written.put((Long) row[0], (Long) row[1]);
            }
            Map<Long, Long> started = threads.findByWorkspaceIdOrderByStartedAtAscIdAsc(workspaceId).stream()
                    .filter(t -> t.startedSideId() != null)
                    .filter(t -> (from == null || !t.startedAt().isBefore(from)) && (to == null || t.startedAt().isBefore(to)))
                    .collect(Collectors.groupingBy(CommentThread::startedSideId, Collectors.counting()));
            return List.of(new OrderedMeasure(40, Measure.of("comments", sides, written)),
                    new OrderedMeasure(41, Measure.of("threads", sides, started)));
        }

        /** Comments and replies week by week: whether one side speaks more as the work goes on. */
        @Override
        public List<Weekly> weekly(long workspaceId, List<Long> sides, @Nullable Instant from, @Nullable Instant to,
                ZoneId zone) {
            List<Object[]> written = comments.writtenBySide(workspaceId, from == null ? BEGINNING : from,
                    to == null ? END : to);
            return List.of(Weekly.count("comments", sides, written, row -> (Instant) row[1], row -> (Long) row[0], zone));
        }
    }

    /** Every thread with its comments; a deleted comment appears with its author and time, without text. */
    @Component
    static class CommentsExport implements HistoryExport {

        private final CommentThreadRepository threads;
        private final CommentRepository comments;

        CommentsExport(CommentThreadRepository threads, CommentRepository comments) {
            this.threads = threads;
            this.comments = comments;
        }

        @Override
        public int order() {
            return 40;
        }

        @Override
        public String section() {
            return "comments";
        }

        @Override
        public void writeJson(long workspaceId, JsonGenerator json) {
            Map<Long, List<Comment>> byThread = comments.findByWorkspaceIdOrderByWrittenAtAscIdAsc(workspaceId)
                    .stream().collect(Collectors.groupingBy(Comment::threadId));
            json.writeStartArray();
            for (CommentThread t : threads.findByWorkspaceIdOrderByStartedAtAscIdAsc(workspaceId)) {
                json.writeStartObject();
                json.writeNumberProperty("id", t.id());
                json.writeStringProperty("on", t.targetKind().name());
                if (t.targetId() == null) {
                    json.writeNullProperty("item");
                } else {
                    json.writeNumberProperty("item", t.targetId());
                }
                Passage anchor = t.anchor();
                if (anchor != null) {
                    json.writeName("passage");
                    json.writeStartObject();
                    json.writeNumberProperty("from", anchor.from());
                    json.writeNumberProperty("to", anchor.to());
                    json.writeStringProperty("wording", anchor.wording());
                    json.writeBooleanProperty("removed", anchor.removed());
                    json.writeNumberProperty("statementVersion", t.anchorVersion());
                    json.writeEndObject();
                }
                json.writeNumberProperty("startedBy", t.startedBy());
                writeSide(json, "startedSideId", t.startedSideId());
                json.writeStringProperty("startedAt", t.startedAt().toString());
                json.writeStringProperty("resolvedAt", t.resolvedAt() == null ? null : t.resolvedAt().toString());
                json.writeName("comments");
                json.writeStartArray();
                for (Comment c : byThread.getOrDefault(t.id(), List.of())) {
                    json.writeStartObject();
                    json.writeNumberProperty("id", c.id());
                    json.writeNumberProperty("authorId", c.authorId());
                    writeSide(json, "authorSideId", c.authorSideId());
                    json.writeStringProperty("writtenAt", c.writtenAt().toString());
                    json.writeStringProperty("editedAt", c.editedAt() == null ? null : c.editedAt().toString());
                    json.writeStringProperty("deletedAt", c.deletedAt() == null ? null : c.deletedAt().toString());
                    json.writeStringProperty("text", c.body());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
        }

        private static void writeSide(JsonGenerator json, String name, @Nullable Long side) {
            if (side == null) {
                json.writeNullProperty(name);
            } else {
                json.writeNumberProperty(name, side);
            }
        }

        @Override
        public void writePdf(long workspaceId, Document pdf, Locale locale) {
            List<CommentThread> all = threads.findByWorkspaceIdOrderByStartedAtAscIdAsc(workspaceId);
            pdf.add(new Paragraph(Messages.get(locale, "export.pdf.comments"), PdfText.HEADING));
            if (all.isEmpty()) {
                pdf.add(new Paragraph("—", PdfText.BODY));
                return;
            }
            Map<Long, List<Comment>> byThread = comments.findByWorkspaceIdOrderByWrittenAtAscIdAsc(workspaceId)
                    .stream().collect(Collectors.groupingBy(Comment::threadId));
            DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(locale)
                    .withZone(ZoneId.of("Europe/Copenhagen"));
            for (CommentThread t : all) {
                Passage anchor = t.anchor();
                String about = Messages.get(locale, t.targetKind().messageKey())
                        + (anchor != null ? ": “" + anchor.wording() + "”"
                                + (anchor.removed() ? " (" + Messages.get(locale, "comment.passageRemoved") + ")" : "")
                                : " #" + t.targetId())
                        + (t.resolved() ? " · " + Messages.get(locale, "comment.resolved") : "");
                pdf.add(new Paragraph(about, PdfText.BOLD));
                for (Comment c : byThread.getOrDefault(t.id(), List.of())) {
                    String body = c.deleted() ? Messages.get(locale, "comment.deletedMarker") : c.body();
                    pdf.add(new Paragraph(when.format(c.writtenAt()) + " · #" + c.authorId() + " · " + body,
                            PdfText.BODY));
                }
            }
        }
    }

    /**
     * The threads and the timeline agree: every comment has the history line that says it was
     * written, every deleted comment a line that says it was deleted, and every such line a comment.
     */
    @Component
    static class CommentsCheck implements HistoryCheck {

        private final CommentRepository comments;
        private final HistoryService history;

        CommentsCheck(CommentRepository comments, HistoryService history) {
            this.comments = comments;
            this.history = history;
        }

        @Override
        public String nameKey() {
            return "verify.check.comments";
        }

        @Override
        public List<Problem> check(long workspaceId) {
            Set<Long> written = new HashSet<>();
            Set<Long> deleted = new HashSet<>();
            for (HistoryItem item : history.timeline(workspaceId, new HistoryFilter("comment", null, null, null))) {
                String id = item.facts().get("comment");
                if (id == null) {
                    continue;
                }
                switch (item.kind()) {
                    case "comment.started", "comment.replied" -> written.add(Long.parseLong(id));
                    case "comment.deleted" -> deleted.add(Long.parseLong(id));
                    default -> { }
                }
            }
            List<Problem> problems = new ArrayList<>();
            Set<Long> stored = new HashSet<>();
            for (Comment c : comments.findByWorkspaceIdOrderByWrittenAtAscIdAsc(workspaceId)) {
                stored.add(c.id());
                if (!written.contains(c.id())) {
                    problems.add(Problem.of("verify.comments.unrecorded", c.id()));
                }
                if (c.deleted() != deleted.contains(c.id())) {
                    problems.add(Problem.of("verify.comments.deletion", c.id()));
                }
            }
            written.stream().filter(id -> !stored.contains(id)).sorted()
                    .forEach(id -> problems.add(Problem.of("verify.comments.missing", id)));
            return problems;
        }
    }
}
