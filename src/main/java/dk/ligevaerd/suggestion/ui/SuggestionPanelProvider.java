package dk.ligevaerd.suggestion.ui;

import dk.ligevaerd.statement.CollabService;
import dk.ligevaerd.statement.StatementPanel;
import dk.ligevaerd.suggestion.SuggestionService;
import org.springframework.stereotype.Component;

/** Puts the suggested changes beside the statement's editor. */
@Component
class SuggestionPanelProvider implements StatementPanel.Provider {

    private final SuggestionService suggestions;
    private final CollabService collab;

    SuggestionPanelProvider(SuggestionService suggestions, CollabService collab) {
        this.suggestions = suggestions;
        this.collab = collab;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public StatementPanel create(long workspaceId) {
        return new SuggestionPanel(suggestions, collab, workspaceId);
    }
}
