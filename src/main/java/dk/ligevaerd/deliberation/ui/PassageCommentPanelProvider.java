package dk.ligevaerd.deliberation.ui;

import dk.ligevaerd.deliberation.CommentService;
import dk.ligevaerd.statement.StatementPanel;
import org.springframework.stereotype.Component;

/** Puts the comment marks and the comment-on-selection form beside the statement's editor. */
@Component
class PassageCommentPanelProvider implements StatementPanel.Provider {

    private final CommentService comments;

    PassageCommentPanelProvider(CommentService comments) {
        this.comments = comments;
    }

    /** Before the suggestions. */
    @Override
    public int order() {
        return 5;
    }

    @Override
    public StatementPanel create(long workspaceId) {
        return new PassageCommentPanel(comments, workspaceId);
    }
}
