package dk.ligevaerd.deliberation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import dk.ligevaerd.deliberation.CommentService;
import dk.ligevaerd.deliberation.CommentView;
import dk.ligevaerd.deliberation.DeliberationEvents;
import dk.ligevaerd.deliberation.PassageView;
import dk.ligevaerd.deliberation.TargetKind;
import dk.ligevaerd.deliberation.ThreadView;
import dk.ligevaerd.deliberation.domain.Comment;
import dk.ligevaerd.shared.DomainException;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.shared.WorkspaceEvent;
import dk.ligevaerd.shared.ui.LengthLimit;
import dk.ligevaerd.shared.ui.Notices;
import dk.ligevaerd.statement.EditorMark;
import dk.ligevaerd.statement.StatementPanel;
import dk.ligevaerd.workspace.WorkspaceDetails;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Beside the statement's editor, the comments on its text, as a margin: each open thread on a
 * passage, in the order of the text, marked in the editor in its commenter's side colour. A thread
 * opens here (from its line in the list, or from its mark in the editor) to be read, answered and
 * resolved without leaving the text; only one is open at a time, so a statement with hundreds of
 * threads stays light. Text selected in the editor can be commented on in a short form filled in
 * with the selected words, so nobody types them again. Live: only the threads an event names are
 * read again.
 */
class PassageCommentPanel extends Section implements StatementPanel {

    /** Lines shown before "Show more": a long margin is a long page, and each line costs the page. */
    static final int FIRST_LINES = 40;

    private final CommentService comments;
    private final long workspaceId;
    private final ThreadCard.Host host;
    private final Div form = new Div();
    private final Paragraph quote = new Paragraph();
    private final TextArea body = new TextArea();
    private final Span error = new Span();
    private final H3 listTitle = new H3();
    private final Paragraph empty = new Paragraph();
    private final Div list = new Div();
    private final Button more = new Button();
    /** Whether every line is shown, not only the first {@link #FIRST_LINES}. */
    private boolean all;
    /** The open threads on standing passages, by id, in the order of the text. */
    private final Map<Long, ThreadView> threads = new LinkedHashMap<>();
    private final Map<Long, Div> rows = new LinkedHashMap<>();
    private @Nullable Selection chosen;
    private @Nullable WorkspaceDetails details;
    private boolean mayComment;
    /** The thread open in the margin, if any. */
    private @Nullable Long opened;
    private @Nullable ThreadCard openCard;

    PassageCommentPanel(CommentService comments, long workspaceId) {
        this.comments = comments;
        this.workspaceId = workspaceId;
        this.host = new ThreadCard.Host(comments, workspaceId, () -> mayComment, () -> details, card -> { });
        setId("passage-comment");
        addClassName("passage-comment-panel");
        getElement().setAttribute("aria-labelledby", "passage-threads-title");

        H3 formTitle = new H3(getTranslation("comment.passage.title"));
        formTitle.setId("passage-comment-title");
        quote.addClassName("passage-comment-quote");
        quote.setId("passage-comment-quote");
        body.setLabel(getTranslation("field.comment"));
        body.setId("passage-comment-body");
        body.setWidthFull();
        LengthLimit.counted(body, Comment.BODY_MAX_LENGTH);
        error.addClassName("form-error");
        error.setId("passage-comment-error");
        error.getElement().setAttribute("role", "alert");
        Button start = new Button(getTranslation("comment.start"), e -> start());
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.setId("passage-comment-start");
        Button cancel = new Button(getTranslation("comment.passage.cancel"), e -> closeForm());
        cancel.setId("passage-comment-cancel");
        Div actions = new Div(start, cancel);
        actions.addClassName("passage-comment-actions");
        form.setId("passage-comment-form");
        form.addClassName("passage-comment-form");
        form.getElement().setAttribute("role", "group");
        form.getElement().setAttribute("aria-labelledby", "passage-comment-title");
        form.add(formTitle, quote, body, error, actions);
        form.setVisible(false);

        listTitle.setId("passage-threads-title");
        empty.setText(getTranslation("comment.margin.empty"));
        empty.addClassNames("muted", "passage-threads-empty");
        list.setId("passage-threads");
        list.addClassName("passage-threads");
        more.setId("passage-threads-more");
        more.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        more.addClickListener(e -> {
            all = true;
            drawList();
        });
        add(listTitle, form, empty, list, more);
    }

    @Override
    public Component component() {
        return this;
    }

    @Override
    public void show(WorkspaceDetails d) {
        this.details = d;
        mayComment = comments.mayComment(workspaceId);
        if (!mayComment) {
            closeForm();
        }
        threads.clear();
        comments.threads(workspaceId).stream().filter(PassageCommentPanel::inMargin)
                .sorted(byPlace()).forEach(t -> threads.put(t.id(), t));
        if (opened != null && !threads.containsKey(opened)) {
            opened = null;
        }
        drawList();
    }

    @Override
    public boolean concerns(WorkspaceEvent event) {
        return DeliberationEvents.isDeliberationEvent(event);
    }

    /**
     * Reads the threads again (so every mark is carried from the current text, however long the
     * editing since) but redraws only the lines the events name, and the list only when a thread
     * came or went. Whether observers may comment is a workspace rule: its change draws the whole
     * page afresh, and with it {@link #show}.
     */
    @Override
    public void changed(WorkspaceDetails d, List<WorkspaceEvent> events) {
        this.details = d;
        List<ThreadView> fresh = comments.threads(workspaceId).stream().filter(PassageCommentPanel::inMargin)
                .sorted(byPlace()).toList();
        boolean sameThreads = fresh.stream().map(ThreadView::id).toList().equals(List.copyOf(threads.keySet()));
        threads.clear();
        fresh.forEach(t -> threads.put(t.id(), t));
        if (!sameThreads) {
            if (opened != null && !threads.containsKey(opened)) {
                opened = null;
            }
            drawList();
            return;
        }
        for (long id : events.stream().map(WorkspaceEvent::firstId).filter(threads::containsKey).distinct().toList()) {
            ThreadView t = threads.get(id);
            Div row = rows.get(id);
            if (row != null && t != null) {
                fillRow(row, t);
                if (Objects.equals(opened, id) && openCard != null) {
                    openCard.update(t);
                }
            }
        }
        showCount();
    }

    /** Each open thread on a passage that still stands, in its commenter's side colour. */
    @Override
    public List<EditorMark> marks() {
        return threads.values().stream().filter(t -> t.startedSideId() != null).map(PassageCommentPanel::mark)
                .filter(m -> m.to() > m.from()).toList();
    }

    /** A thread's mark chosen in the editor: the thread opens here, in view, its first comment focused. */
    @Override
    public void openMark(String kind, long id) {
        if (EditorMark.COMMENT.equals(kind) && threads.containsKey(id)) {
            if (!rows.containsKey(id)) {
                all = true;
                drawList();
            }
            open(id);
        }
    }

    @Override
    public @Nullable SelectionAction selectionAction() {
        return mayComment ? new SelectionAction("comment", "comment.fromSelection", this::openForm) : null;
    }

    // ---- the list -------------------------------------------------------------------------------

    private static boolean inMargin(ThreadView t) {
        return t.target() == TargetKind.STATEMENT && !t.resolved() && t.passage() != null && !t.passageRemoved();
    }

    private static Comparator<ThreadView> byPlace() {
        return Comparator.<ThreadView>comparingInt(t -> Objects.requireNonNull(t.passage()).from())
                .thenComparingLong(ThreadView::id);
    }

    private static EditorMark mark(ThreadView t) {
        PassageView p = Objects.requireNonNull(t.passage());
        return new EditorMark(EditorMark.COMMENT, t.id(), p.from(), p.to(), p.statementVersion(),
                Objects.requireNonNull(t.startedSideId()), "");
    }

    private void drawList() {
        list.removeAll();
        rows.clear();
        openCard = null;
        for (ThreadView t : threads.values()) {
            if (!all && rows.size() == FIRST_LINES) {
                break;
            }
            Div row = new Div();
            row.addClassName("passage-thread");
            row.getElement().setAttribute("data-thread", String.valueOf(t.id()));
            fillRow(row, t);
            rows.put(t.id(), row);
            list.add(row);
        }
        Long keep = opened;
        if (keep != null) {
            opened = null;
            expand(keep);
        }
        showCount();
    }

    private void showCount() {
        listTitle.setText(getTranslation("comment.margin.title", threads.size()));
        empty.setVisible(threads.isEmpty());
        int hidden = threads.size() - rows.size();
        more.setVisible(hidden > 0);
        more.setText(getTranslation("comment.margin.more", hidden));
    }

    /** The thread's line: its passage, who began it and how, the number of replies; a button that opens it. */
    private void fillRow(Div row, ThreadView t) {
        boolean isOpen = Objects.equals(opened, t.id());
        row.getChildren().filter(c -> c instanceof NativeButton).toList().forEach(row::remove);
        host.side(t.startedSideId()).ifPresent(s -> row.getStyle().set("--side-colour", s.colour()));
        NativeButton line = new NativeButton();
        line.addClassName("passage-thread-line");
        line.getElement().setAttribute("aria-expanded", String.valueOf(isOpen));
        line.getElement().setAttribute("aria-controls", "passage-thread-" + t.id());
        Span words = new Span("“" + shorten(Objects.requireNonNull(t.passage()).wording(), 80) + "”");
        words.addClassName("passage-thread-words");
        CommentView first = t.comments().isEmpty() ? null : t.comments().getFirst();
        String opening = first == null ? "" : first.deleted() ? getTranslation("comment.deletedMarker")
                : first.authorName() + ": " + shorten(Objects.requireNonNullElse(first.body(), ""), 120);
        Span said = new Span(opening);
        said.addClassName("passage-thread-first");
        int replies = Math.max(0, t.comments().size() - 1);
        Span count = new Span(getTranslation("comment.margin.replies", replies));
        count.addClassNames("muted", "passage-thread-replies");
        line.add(words, said, count);
        row.setClassName("mentions-me", t.mentionsMe());
        if (t.mentionsMe()) {
            Span mentioned = new Span(getTranslation("comment.mentionsYou"));
            mentioned.getElement().getThemeList().add("badge primary small");
            mentioned.addClassName("thread-mentions-me");
            line.add(mentioned);
        }
        line.addClickListener(e -> {
            if (Objects.equals(opened, t.id())) {
                collapse();
            } else {
                open(t.id());
            }
        });
        row.addComponentAsFirst(line);
    }

    private void open(long id) {
        collapse();
        expand(id);
        if (openCard != null) {
            openCard.scrollIntoView();
            openCard.focusCard();
        }
    }

    private void expand(long id) {
        ThreadView t = threads.get(id);
        Div row = rows.get(id);
        if (t == null || row == null) {
            return;
        }
        opened = id;
        ThreadCard card = new ThreadCard(t, host);
        card.setId("passage-thread-" + id);
        card.addClassName("passage-thread-open");
        row.add(card);
        row.addClassName("open");
        openCard = card;
        fillRow(row, t);
    }

    private void collapse() {
        Long was = opened;
        opened = null;
        if (openCard != null) {
            openCard.removeFromParent();
            openCard = null;
        }
        if (was != null && rows.containsKey(was) && threads.containsKey(was)) {
            rows.get(was).removeClassName("open");
            fillRow(rows.get(was), threads.get(was));
        }
    }

    private static String shorten(String text, int max) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= max ? flat : flat.substring(0, max - 1).stripTrailing() + "…";
    }

    // ---- the form -------------------------------------------------------------------------------

    private void openForm(Selection selection) {
        chosen = selection;
        quote.setText("“" + selection.words() + "”");
        error.setText("");
        form.setVisible(true);
        body.focus();
        body.scrollIntoView();
    }

    private void closeForm() {
        chosen = null;
        body.clear();
        error.setText("");
        form.setVisible(false);
    }

    private void start() {
        Selection selection = chosen;
        if (selection == null) {
            return;
        }
        error.setText("");
        try {
            comments.startOnPassage(workspaceId, selection.version(), selection.from(), selection.to(),
                    body.getValue());
            closeForm();
            Notices.success(this, "comment.started");
        } catch (DomainException refused) {
            error.setText(Messages.get(getLocale(), refused));
        }
    }
}
