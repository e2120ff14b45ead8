package dk.ligevaerd.notify;

import dk.ligevaerd.account.AccountService;
import dk.ligevaerd.account.UserSummary;
import dk.ligevaerd.notify.Deliveries.Notice;
import dk.ligevaerd.round.RoundEvents.ClosingConfirmed;
import dk.ligevaerd.round.RoundEvents.RoundClosed;
import dk.ligevaerd.round.RoundEvents.RoundOpened;
import dk.ligevaerd.round.RoundEvents.VotingEnded;
import dk.ligevaerd.round.RoundNotice;
import dk.ligevaerd.round.RoundReminders;
import dk.ligevaerd.round.RoundService;
import dk.ligevaerd.round.RoundState;
import dk.ligevaerd.shared.Messages;
import dk.ligevaerd.workspace.Member;
import dk.ligevaerd.workspace.ProposalAwaitingSides;
import dk.ligevaerd.workspace.ProposalText;
import dk.ligevaerd.workspace.Roster;
import dk.ligevaerd.workspace.WorkspaceFacts;
import dk.ligevaerd.workspace.WorkspaceService;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Listens to what happens in rounds and governance and tells the people concerned. Each listener
 * runs inside the transaction that published the event, so the mail (or digest item, or for many
 * people the row their mails are composed from after the commit) is committed exactly with the
 * change it reports.
 */
@Component
class Notifier {

    /** The product is made for Danish municipalities; mails give times in their zone. */
    private static final ZoneId MAIL_ZONE = ZoneId.of("Europe/Copenhagen");

    private final Deliveries deliveries;
    private final WorkspaceService workspaces;
    private final RoundService rounds;
    private final RoundReminders reminders;
    private final AccountService accounts;

    Notifier(Deliveries deliveries, WorkspaceService workspaces, RoundService rounds, RoundReminders reminders,
            AccountService accounts) {
        this.deliveries = deliveries;
        this.workspaces = workspaces;
        this.rounds = rounds;
        this.reminders = reminders;
        this.accounts = accounts;
    }

    /** To everyone who can vote in the new round, except the moderator who opened it. */
    @EventListener
    void roundOpened(RoundOpened event) {
        RoundNotice round = rounds.notice(event.roundId());
        WorkspaceFacts workspace = workspaces.facts(event.workspaceId());
        Roster roster = workspaces.roster(event.workspaceId());
        List<Long> voters = roster.members().values().stream()
                .filter(m -> m.canContribute() && m.sideId() != null && round.sideIds().contains(m.sideId()))
                .map(Member::userId).filter(id -> id != event.actorId()).toList();
        deliveries.send(NotificationKind.ROUND_OPENED, event.workspaceId(), workspace.language(), voters, language -> new Notice(
                Messages.get(language, "notify.roundOpened.subject", round.title(), workspace.name()),
                List.of(Messages.get(language, "notify.roundOpened.text", round.title(), workspace.name()),
                        round.closesAt() == null ? Messages.get(language, "notify.roundOpened.noClosingTime")
                                : Messages.get(language, "notify.roundOpened.closes", at(round.closesAt(), language))),
                Messages.get(language, "notify.roundOpened.link"), roundsTab(event.workspaceId())));
    }

    /** The closing time ended voting: the sides that have not confirmed closing are asked to. */
    @EventListener
    void votingEnded(VotingEnded event) {
        RoundNotice round = rounds.notice(event.roundId());
        awaitConfirmation(round, List.of(), language -> Messages.get(language, "notify.confirmation.votingEnded",
                round.title()));
    }

    /** A side confirmed closing: the sides still to confirm are told. */
    @EventListener
    void closingConfirmed(ClosingConfirmed event) {
        RoundNotice round = rounds.notice(event.roundId());
        WorkspaceFacts workspace = workspaces.facts(event.workspaceId());
        String side = event.actorSideId() == null ? "" : workspace.sideNames().getOrDefault(event.actorSideId(), "");
        awaitConfirmation(round, List.of(event.actorId()), language -> Messages.get(language,
                "notify.confirmation.sideConfirmed", side, round.title()));
    }

    private void awaitConfirmation(RoundNotice round, Collection<Long> except,
            java.util.function.Function<Locale, String> what) {
        if (round.state() != RoundState.OPEN || round.awaitingSides().isEmpty()) {
            return;
        }
        WorkspaceFacts workspace = workspaces.facts(round.workspaceId());
        Roster roster = workspaces.roster(round.workspaceId());
        List<Long> moderators = roster.members().values().stream()
                .filter(m -> m.isModerator() && m.sideId() != null && round.awaitingSides().contains(m.sideId()))
                .map(Member::userId).filter(id -> !except.contains(id)).toList();
        deliveries.send(NotificationKind.CONFIRMATION_AWAITED, round.workspaceId(), workspace.language(), moderators, language -> new Notice(
                Messages.get(language, "notify.confirmation.subject", round.title(), workspace.name()),
                List.of(what.apply(language), Messages.get(language, "notify.confirmation.text", workspace.name())),
                Messages.get(language, "notify.confirmation.link"), roundsTab(round.workspaceId())));
    }

    /** To every member, with the outcome and a link to the round's record. */
    @EventListener
    void roundClosed(RoundClosed event) {
        WorkspaceFacts workspace = workspaces.facts(event.workspaceId());
        Roster roster = workspaces.roster(event.workspaceId());
        List<Long> members = roster.members().keySet().stream()
                .filter(id -> event.atClosingTime() || id != event.actorId()).toList();
        deliveries.send(NotificationKind.ROUND_CLOSED, event.workspaceId(), workspace.language(), members, language -> new Notice(
                Messages.get(language, "notify.roundClosed.subject", event.title(), workspace.name()),
                List.of(Messages.get(language, "notify.roundClosed.text", event.title(), workspace.name(),
                        Messages.get(language, event.outcome().messageKey()))),
                Messages.get(language, "notify.roundClosed.link"),
                "workspace/" + event.workspaceId() + "/record/" + event.seq()));
    }

    /** To the moderators of each side the proposal waits for. */
    @EventListener
    void proposalAwaiting(ProposalAwaitingSides event) {
        WorkspaceFacts workspace = workspaces.facts(event.workspaceId());
        Roster roster = workspaces.roster(event.workspaceId());
        List<Long> moderators = roster.members().values().stream()
                .filter(m -> m.isModerator() && m.sideId() != null && event.sideIds().contains(m.sideId()))
                .map(Member::userId).filter(id -> id != event.actorId()).toList();
        String tab = switch (event.kind()) {
            case MOVE_MEMBER, REMOVE_OBSERVER, OBSERVER_JOINS_SIDE -> "people";
            case ADD_SIDE, RENAME_SIDE, REMOVE_SIDE -> "sides";
            default -> "settings";
        };
        Long subjectId = event.subjectUserId();
        UserSummary subject = subjectId == null ? null : accounts.summaries(Set.of(subjectId)).get(subjectId);
        String subjectName = subject == null ? "" : subject.displayName();
        deliveries.send(NotificationKind.PROPOSAL_AWAITED, event.workspaceId(), workspace.language(), moderators, language -> new Notice(
                Messages.get(language, "notify.proposal.subject", workspace.name()),
                List.of(proposalText(language, event, workspace, subjectName)),
                Messages.get(language, "notify.proposal.link"), "workspace/" + event.workspaceId() + "/" + tab));
    }

    /**
     * The mail's sentence about the proposal in the reader's language, saying what is proposed with
     * its names filled in, as the proposals panel shows it.
     */
    static String proposalText(Locale language, ProposalAwaitingSides event, WorkspaceFacts workspace,
            String subjectName) {
        String what = ProposalText.describe((key, arguments) -> Messages.get(language, key, arguments), language,
                event.kind(), event.text(), event.role(), sideName(workspace, event.sideId()), subjectName,
                sideName(workspace, event.targetSideId()));
        return Messages.get(language, "notify.proposal.text", workspace.name(), what);
    }

    private static String sideName(WorkspaceFacts workspace, @Nullable Long sideId) {
        return sideId == null ? "" : workspace.sideNames().getOrDefault(sideId, "");
    }

    /**
     * Voting in the round ends within a day: everyone who can vote in it and has not is reminded.
     * Called by {@link ReminderWorker} in the transaction that claimed the round's reminder.
     */
    void votingEndsSoon(long roundId) {
        RoundNotice round = rounds.notice(roundId);
        if (round.state() != RoundState.OPEN || round.closesAt() == null) {
            return;
        }
        WorkspaceFacts workspace = workspaces.facts(round.workspaceId());
        Roster roster = workspaces.roster(round.workspaceId());
        java.util.Set<Long> voted = reminders.voters(roundId);
        List<Long> waiting = roster.members().values().stream()
                .filter(m -> m.canContribute() && m.sideId() != null && round.sideIds().contains(m.sideId()))
                .map(Member::userId).filter(id -> !voted.contains(id)).toList();
        deliveries.send(NotificationKind.VOTING_ENDS_SOON, round.workspaceId(), workspace.language(), waiting, language -> new Notice(
                Messages.get(language, "notify.votingEndsSoon.subject", round.title(), workspace.name()),
                List.of(Messages.get(language, "notify.votingEndsSoon.text", round.title(), workspace.name(),
                        at(round.closesAt(), language))),
                Messages.get(language, "notify.roundOpened.link"), roundsTab(round.workspaceId())));
    }

    private static String roundsTab(long workspaceId) {
        return "workspace/" + workspaceId + "/rounds";
    }

    private static String at(Instant instant, Locale language) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(language)
                .withZone(MAIL_ZONE).format(Objects.requireNonNull(instant));
    }
}
