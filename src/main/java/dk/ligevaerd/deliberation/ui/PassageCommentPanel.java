package dk.ligevaerd.deliberation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import dk.ligevaerd.deliberation.CommentService;
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
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Beside the statement's editor: marks each open thread's passage in the editor, and offers to
 * comment on text selected there — a short form with the selected words, so nobody types them
 * again. The threads themselves are read and answered in the discussion tab.
 */
class PassageCommentPanel extends Section implements StatementPanel {

    private final CommentService comments;
    private final long workspaceId;
    private final Paragraph quote = new Paragraph();
    private final TextArea body = new TextArea();
    private final Span error = new Span();
    private @Nullable Selection chosen;
    private boolean mayComment;

    PassageCommentPanel(CommentService comments, long workspaceId) {
        this.comments = comments;
        this.workspaceId = workspaceId;
        setId("passage-comment");
        addClassName("passage-comment-panel");
        H3 title = new H3(getTranslation("comment.passage.title"));
        title.setId("passage-comment-title");
        getElement().setAttribute("aria-labelledby", "passage-comment-title");
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
        Button cancel = new Button(getTranslation("comment.passage.cancel"), e -> close());
        cancel.setId("passage-comment-cancel");
        Div actions = new Div(start, cancel);
        actions.addClassName("passage-comment-actions");
        add(title, quote, body, error, actions);
        setVisible(false);
    }

    @Override
    public Component component() {
        return this;
    }

    @Override
    public void show(WorkspaceDetails details) {
        mayComment = comments.mayComment(workspaceId);
        if (!mayComment) {
            close();
        }
    }

    @Override
    public boolean concerns(WorkspaceEvent event) {
        return DeliberationEvents.isDeliberationEvent(event);
    }

    @Override
    public void changed(WorkspaceDetails details, List<WorkspaceEvent> events) {
        show(details);
    }

    /** Each open thread on a passage that still stands, in its commenter's side colour. */
    @Override
    public List<EditorMark> marks() {
        return comments.threads(workspaceId).stream()
                .filter(t -> t.target() == TargetKind.STATEMENT && !t.resolved() && t.passage() != null
                        && !t.passageRemoved() && t.startedSideId() != null)
                .map(PassageCommentPanel::mark)
                .filter(m -> m.to() > m.from())
                .toList();
    }

    private static EditorMark mark(ThreadView t) {
        PassageView p = java.util.Objects.requireNonNull(t.passage());
        return new EditorMark(EditorMark.COMMENT, t.id(), p.from(), p.to(), p.statementVersion(),
                java.util.Objects.requireNonNull(t.startedSideId()), "");
    }

    @Override
    public @Nullable SelectionAction selectionAction() {
        return mayComment ? new SelectionAction("comment", "comment.fromSelection", this::open) : null;
    }

    private void open(Selection selection) {
        chosen = selection;
        quote.setText("“" + selection.words() + "”");
        error.setText("");
        setVisible(true);
        body.focus();
        body.scrollIntoView();
    }

    private void close() {
        chosen = null;
        body.clear();
        error.setText("");
        setVisible(false);
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
            close();
            Notices.success(this, "comment.started");
        } catch (DomainException refused) {
            error.setText(Messages.get(getLocale(), refused));
        }
    }
}
