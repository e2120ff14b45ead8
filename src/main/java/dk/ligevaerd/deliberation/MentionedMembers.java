package dk.ligevaerd.deliberation;

import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.account.UserSummary;
import dk.ligevaerd.workspace.WorkspaceService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whom a comment mentions ({@link Mentions}) among the workspace's members as they are now: only
 * someone who can read the workspace can be mentioned.
 */
@Component
class MentionedMembers {

    private final WorkspaceService workspaces;
    private final AccountService accounts;

    MentionedMembers(WorkspaceService workspaces, AccountService accounts) {
        this.workspaces = workspaces;
        this.accounts = accounts;
    }

    /** The members the text mentions, in the order first mentioned; inside the comment's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    List<Long> in(long workspaceId, String text) {
        if (text.indexOf('@') < 0) {
            return List.of();
        }
        return Mentions.find(text, names(workspaceId));
    }

    /** The display names of the members who can be mentioned, by user id; inside a transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    Map<Long, String> names(long workspaceId) {
        Map<Long, String> names = new HashMap<>();
        for (UserSummary u : accounts.summaries(workspaces.roster(workspaceId).members().keySet()).values()) {
            if (!u.erased()) {
                names.put(u.id(), u.displayName());
            }
        }
        return names;
    }
}
