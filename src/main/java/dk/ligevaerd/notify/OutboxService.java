package dk.ligevaerd.notify;

import dk.ligevaerd.mail.MailOutbox;
import dk.ligevaerd.mail.QueuedMail;
import dk.ligevaerd.shared.NotFoundOrNoAccessException;
import dk.ligevaerd.workspace.WorkspaceAccess;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A workspace's mail that has not gone out: what waits (typically because no mail server is set),
 * what is being retried and what failed, for the people who look after the workspace.
 *
 * <p>Who: the owner and the moderator of every side, as for invitations. No side should depend on
 * another's moderator to learn that its people were not told of a round, and the list holds nothing
 * a moderator could use against anyone: the secret part of every link (an invitation's single-use
 * link, another person's one-click unsubscribe) is hidden, so reading a mail here neither joins a
 * side nor switches off someone else's mail. Participants and observers see nothing of it.
 */
@Service
public class OutboxService {

    /** The most mails one page of the list holds. */
    public static final int PAGE_MAX = 100;

    /** Shown where a secret part of a link was hidden. */
    public static final String HIDDEN = "[…]";

    /** Whether a mail server is set, and how many of the workspace's mails are unsent. */
    public record OutboxSummary(boolean delivering, int unsent) {
    }

    private final WorkspaceAccess access;
    private final MailOutbox outbox;

    OutboxService(WorkspaceAccess access, MailOutbox outbox) {
        this.access = access;
        this.outbox = outbox;
    }

    @Transactional(readOnly = true)
    public OutboxSummary summary(long workspaceId) {
        access.requireModeratorOrOwnerEvenIfArchived(workspaceId);
        return new OutboxSummary(outbox.delivering(), outbox.countUnsent(workspaceId));
    }

    /** Unsent mails of the workspace, newest first; at most {@link #PAGE_MAX} from {@code offset}. */
    @Transactional(readOnly = true)
    public List<QueuedMail> unsent(long workspaceId, int offset, int limit) {
        access.requireModeratorOrOwnerEvenIfArchived(workspaceId);
        return outbox.unsent(workspaceId, offset, Math.min(limit, PAGE_MAX));
    }

    /** The plain text of one unsent mail of the workspace, its secret links hidden. */
    @Transactional(readOnly = true)
    public String text(long workspaceId, long mailId) {
        access.requireModeratorOrOwnerEvenIfArchived(workspaceId);
        return outbox.unsentText(workspaceId, mailId, HIDDEN).orElseThrow(NotFoundOrNoAccessException::new);
    }
}
