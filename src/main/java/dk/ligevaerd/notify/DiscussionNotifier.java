package dk.ligevaerd.notify;

import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.account.UserSummary;
import dk.ligevaerd.deliberation.CommentNotices;
import dk.ligevaerd.deliberation.CommentNotices.CommentNotice;
import dk.ligevaerd.deliberation.DeliberationEvents.CommentEdited;
import dk.ligevaerd.deliberation.DeliberationEvents.CommentReplied;
import dk.ligevaerd.deliberation.DeliberationEvents.Target;
import dk.ligevaerd.deliberation.DeliberationEvents.ThreadStarted;
import dk.ligevaerd.notify.Deliveries.Notice;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.workspace.Roster;
import dk.ligevaerd.workspace.WorkspaceFacts;
import dk.ligevaerd.workspace.WorkspaceService;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells people of the discussion: a reply in a thread they wrote in ({@link NotificationKind#REPLY})
 * and a comment that mentions them ({@link NotificationKind#MENTION}). Like {@link Notifier}, inside
 * the transaction that wrote the comment. Only members of the workspace are told, never the author;
 * someone both mentioned and taking part in the thread gets the mention only, unless they switched
 * mentions off and replies on.
 */
@Component
class DiscussionNotifier {

    /** The most of a comment quoted in a mail; the link leads to the rest. */
    static final int QUOTE_MAX = 600;

    private final Deliveries deliveries;
    private final WorkspaceService workspaces;
    private final AccountService accounts;
    private final CommentNotices comments;

    DiscussionNotifier(Deliveries deliveries, WorkspaceService workspaces, AccountService accounts,
            CommentNotices comments) {
        this.deliveries = deliveries;
        this.workspaces = workspaces;
        this.accounts = accounts;
        this.comments = comments;
    }

    @EventListener
    void threadStarted(ThreadStarted event) {
        tell(event.workspaceId(), event.actorId(), event.commentId(), event.target(), event.mentioned(), false);
    }

    @EventListener
    void replied(CommentReplied event) {
        tell(event.workspaceId(), event.actorId(), event.commentId(), event.target(), event.mentioned(), true);
    }

    /** An edit tells only the people it newly mentions; the event names just those. */
    @EventListener
    void edited(CommentEdited event) {
        tell(event.workspaceId(), event.actorId(), event.commentId(), event.target(), event.mentioned(), false);
    }

    private void tell(long workspaceId, long actorId, long commentId, Target target, List<Long> mentionedIds,
            boolean reply) {
        if (mentionedIds.isEmpty() && !reply) {
            return;
        }
        Optional<CommentNotice> found = comments.notice(workspaceId, commentId);
        if (found.isEmpty()) {
            return;
        }
        CommentNotice comment = found.get();
        Roster roster = workspaces.roster(workspaceId);
        // Someone who can no longer read the workspace is told nothing of it.
        List<Long> mentioned = mentionedIds.stream().distinct()
                .filter(id -> id != actorId && roster.members().containsKey(id)).toList();
        List<Long> participants = reply ? comment.earlierAuthors().stream()
                .filter(id -> id != actorId && roster.members().containsKey(id))
                .filter(id -> !mentioned.contains(id) || !deliveries.preference(id, NotificationKind.MENTION).enabled())
                .toList() : List.of();
        if (mentioned.isEmpty() && participants.isEmpty()) {
            return;
        }
        WorkspaceFacts workspace = workspaces.facts(workspaceId);
        UserSummary author = accounts.summaries(Set.of(actorId)).get(actorId);
        String who = author == null ? "" : author.displayName();
        String text = shortened(comment.body());
        String path = "workspace/" + workspaceId + "/discussion?thread=" + comment.threadId();
        deliveries.send(NotificationKind.MENTION, workspaceId, workspace.language(), mentioned, language -> new Notice(
                Messages.get(language, "notify.mention.subject", who, workspace.name()),
                List.of(Messages.get(language, "notify.mention.text", who, about(language, target), workspace.name()),
                        text),
                Messages.get(language, "notify.comment.link"), path));
        deliveries.send(NotificationKind.REPLY, workspaceId, workspace.language(), participants, language -> new Notice(
                Messages.get(language, "notify.reply.subject", who, workspace.name()),
                List.of(Messages.get(language, "notify.reply.text", who, about(language, target), workspace.name()),
                        text),
                Messages.get(language, "notify.comment.link"), path));
    }

    /** What the thread is about, in a few words: "the priority “Visits”". */
    private static String about(Locale language, Target target) {
        String title = shortened(target.title().replaceAll("\\s+", " ").strip(), 80);
        String kind = target.kind().name().toLowerCase(Locale.ROOT);
        return title.isEmpty() ? Messages.get(language, "notify.comment.about." + kind + ".untitled")
                : Messages.get(language, "notify.comment.about." + kind, title);
    }

    static String shortened(String text) {
        return shortened(text.strip().replaceAll("\n{3,}", "\n\n"), QUOTE_MAX);
    }

    /** At most {@code max} characters, cut after a whole word where there is one, marked "…". */
    static String shortened(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        String cut = text.substring(0, max - 1);
        if (Character.isHighSurrogate(cut.charAt(cut.length() - 1))) {
            cut = cut.substring(0, cut.length() - 1);
        }
        int space = cut.lastIndexOf(' ');
        if (space > max / 2) {
            cut = cut.substring(0, space);
        }
        return cut.stripTrailing() + "…";
    }
}
