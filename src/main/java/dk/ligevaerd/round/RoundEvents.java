package dk.ligevaerd.round;

import dk.ligevaerd.shared.RecordedEvent;
import dk.ligevaerd.shared.WorkspaceEvent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What happens to decision rounds. All but the ballot counts are kept in the history; single
 * ballots are not, since the record of the round holds what they decided.
 */
public final class RoundEvents {

    private static final Set<String> KINDS = Arrays.stream(RoundEvents.class.getDeclaredClasses())
            .filter(WorkspaceEvent.class::isAssignableFrom).map(Class::getSimpleName).collect(Collectors.toSet());

    private RoundEvents() {
    }

    /** Whether the event, here or announced by another node, is one of these round events. */
    public static boolean isRoundEvent(WorkspaceEvent event) {
        return KINDS.contains(event.eventKind());
    }

    public record RoundCreated(long workspaceId, long actorId, @Nullable Long actorSideId, long roundId, String title,
            RoundKind kind) implements RecordedEvent {
        @Override
        public List<Long> eventIds() {
            return List.of(roundId);
        }

        @Override
        public String historyKind() {
            return "round.created";
        }

        @Override
        public String historyDetail() {
            return "round=" + roundId + "\nkind=" + kind + "\ntitle=" + title;
        }
    }

    public record RoundUpdated(long workspaceId, long actorId, @Nullable Long actorSideId, long roundId, String title)
            implements RecordedEvent {
        @Override
        public List<Long> eventIds() {
            return List.of(roundId);
        }

        @Override
        public String historyKind() {
            return "round.updated";
        }

        @Override
        public String historyDetail() {
            return "round=" + roundId + "\ntitle=" + title;
        }
    }

    public record RoundOpened(long workspaceId, long actorId, @Nullable Long actorSideId, long roundId, String title)
            implements RecordedEvent {
        @Override
        public List<Long> eventIds() {
            return List.of(roundId);
        }

        @Override
        public String historyKind() {
            return "round.opened";
        }

        @Override
        public String historyDetail() {
            return "round=" + roundId + "\ntitle=" + title;
        }
    }

    /**
     * A ballot was cast or replaced; open views update that round's counts. Not recorded: the
     * round's record holds what the ballots decided.
     */
    public record BallotCountChanged(long workspaceId, long roundId) implements WorkspaceEvent {
        @Override
        public List<Long> eventIds() {
            return List.of(roundId);
        }

    }

    public record ClosingConfirmed(long workspaceId, long actorId, @Nullable Long actorSideId, long roundId,
            String title) implements RecordedEvent {
        @Override
        public List<Long> eventIds() {
            return List.of(roundId);
        }

        @Override
        public String historyKind() {
            return "round.confirmed";
        }

        @Override
        public String historyDetail() {
            return "round=" + roundId + "\ntitle=" + title;
        }
    }

    public record ConfirmationWithdrawn(long workspaceId, long actorId, @Nullable Long actorSideId, long roundId,
            String title) implements RecordedEvent {
        @Override
        public List<Long> eventIds() {
            return List.of(roundId);
        }

        @Override
        public String historyKind() {
            return "round.unconfirmed";
        }

        @Override
        public String historyDetail() {
            return "round=" + roundId + "\ntitle=" + title;
        }
    }

    /**
     * The round closed and its record was written. When its closing time closed it, the actor is
     * the moderator who opened it and {@code atClosingTime} says so.
     */
    public record RoundClosed(long workspaceId, long actorId, @Nullable Long actorSideId, long roundId, String title,
            RecordView.Outcome outcome, long seq, String hash, boolean atClosingTime) implements RecordedEvent {
        @Override
        public List<Long> eventIds() {
            return List.of(roundId);
        }

        @Override
        public String historyKind() {
            return atClosingTime ? "round.closedAtTime" : "round.closed";
        }

        @Override
        public String historyDetail() {
            return "round=" + roundId + "\ntitle=" + title + "\noutcome=" + outcome + "\nrecord=" + seq + "\nhash="
                    + hash;
        }
    }

    public record RoundCancelled(long workspaceId, long actorId, @Nullable Long actorSideId, long roundId,
            String title, String reason) implements RecordedEvent {
        @Override
        public List<Long> eventIds() {
            return List.of(roundId);
        }

        @Override
        public String historyKind() {
            return "round.cancelled";
        }

        @Override
        public String historyDetail() {
            return "round=" + roundId + "\ntitle=" + title + "\nreason=" + reason;
        }
    }

    /** With joint closing, a moderator asked for their side that an open round be cancelled. */
    public record CancelRequested(long workspaceId, long actorId, @Nullable Long actorSideId, long roundId,
            String title, String reason) implements RecordedEvent {
        @Override
        public String historyKind() {
            return "round.cancelRequested";
        }

        @Override
        public String historyDetail() {
            return "round=" + roundId + "\ntitle=" + title + "\nreason=" + reason;
        }
    }

    /**
     * The closing time ended voting in a round with joint closing; it still needs every side's
     * confirmation. The actor is the moderator who opened it.
     */
    public record VotingEnded(long workspaceId, long actorId, @Nullable Long actorSideId, long roundId, String title)
            implements RecordedEvent {
        @Override
        public String historyKind() {
            return "round.votingEnded";
        }

        @Override
        public String historyDetail() {
            return "round=" + roundId + "\ntitle=" + title;
        }
    }
}
