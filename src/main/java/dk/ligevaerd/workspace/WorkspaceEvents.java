package dk.ligevaerd.workspace;

import dk.ligevaerd.shared.RecordedEvent;
import dk.ligevaerd.shared.WorkspaceEvent;
import org.jspecify.annotations.Nullable;

/**
 * What happens to workspaces and their members. Every record names the actor and the actor's
 * side at the time, so the history can show who did it from where.
 */
public final class WorkspaceEvents {

    private WorkspaceEvents() {
    }

    /** Events that the history keeps: all but the fleeting presence changes. */
    public sealed interface Recorded extends RecordedEvent {
    }

    public record WorkspaceCreated(long workspaceId, long actorId, @Nullable Long actorSideId, String name)
            implements Recorded {
        @Override
        public String historyKind() {
            return "workspace.created";
        }

        @Override
        public String historyDetail() {
            return "name=" + name;
        }
    }

    public record WorkspaceRenamed(long workspaceId, long actorId, @Nullable Long actorSideId, String name)
            implements Recorded {
        @Override
        public String historyKind() {
            return "workspace.renamed";
        }

        @Override
        public String historyDetail() {
            return "name=" + name;
        }
    }

    /** The owner switched joint closing on or off; it applies to rounds opened from then on. */
    public record JointClosingChanged(long workspaceId, long actorId, @Nullable Long actorSideId, boolean on)
            implements Recorded {
        @Override
        public String historyKind() {
            return on ? "workspace.jointClosingOn" : "workspace.jointClosingOff";
        }

        @Override
        public String historyDetail() {
            return "jointClosing=" + on;
        }
    }

    public record SideAdded(long workspaceId, long actorId, @Nullable Long actorSideId, long sideId, String name)
            implements Recorded {
        @Override
        public String historyKind() {
            return "side.added";
        }

        @Override
        public String historyDetail() {
            return "side=" + sideId + "\nname=" + name;
        }
    }

    public record SideChanged(long workspaceId, long actorId, @Nullable Long actorSideId, long sideId, String name,
            String colour) implements Recorded {
        @Override
        public String historyKind() {
            return "side.changed";
        }

        @Override
        public String historyDetail() {
            return "side=" + sideId + "\nname=" + name + "\ncolour=" + colour;
        }
    }

    public record SideRemoved(long workspaceId, long actorId, @Nullable Long actorSideId, long sideId, String name)
            implements Recorded {
        @Override
        public String historyKind() {
            return "side.removed";
        }

        @Override
        public String historyDetail() {
            return "side=" + sideId + "\nname=" + name;
        }
    }

    public record MemberJoined(long workspaceId, long actorId, @Nullable Long actorSideId, long userId,
            @Nullable Long sideId, Role role, @Nullable Long invitationId) implements Recorded {
        @Override
        public String historyKind() {
            return "member.joined";
        }

        @Override
        public String historyDetail() {
            return "side=" + sideId + "\nrole=" + role + "\ninvitation=" + invitationId;
        }

        @Override
        public Long subjectUserId() {
            return userId;
        }
    }

    public record MemberChanged(long workspaceId, long actorId, @Nullable Long actorSideId, long userId,
            @Nullable Long oldSideId, Role oldRole, @Nullable Long newSideId, Role newRole) implements Recorded {
        @Override
        public String historyKind() {
            return "member.changed";
        }

        @Override
        public String historyDetail() {
            return "oldSide=" + oldSideId + "\noldRole=" + oldRole + "\nnewSide=" + newSideId + "\nnewRole=" + newRole;
        }

        @Override
        public Long subjectUserId() {
            return userId;
        }
    }

    public record MemberRemoved(long workspaceId, long actorId, @Nullable Long actorSideId, long userId,
            @Nullable Long sideId, Role role) implements Recorded {
        @Override
        public String historyKind() {
            return "member.removed";
        }

        @Override
        public String historyDetail() {
            return "side=" + sideId + "\nrole=" + role;
        }

        @Override
        public Long subjectUserId() {
            return userId;
        }
    }

    public record InvitationCreated(long workspaceId, long actorId, @Nullable Long actorSideId, long invitationId,
            @Nullable Long sideId, Role role) implements Recorded {
        @Override
        public String historyKind() {
            return "invitation.created";
        }

        @Override
        public String historyDetail() {
            return "invitation=" + invitationId + "\nside=" + sideId + "\nrole=" + role;
        }
    }

    public record InvitationRevoked(long workspaceId, long actorId, @Nullable Long actorSideId, long invitationId)
            implements Recorded {
        @Override
        public String historyKind() {
            return "invitation.revoked";
        }

        @Override
        public String historyDetail() {
            return "invitation=" + invitationId;
        }
    }

    /** A workspace change or a move between sides was proposed; it waits for the sides concerned. */
    public record ProposalMade(long workspaceId, long actorId, @Nullable Long actorSideId, long proposalId,
            ProposalKind kind, String facts) implements Recorded {
        @Override
        public String historyKind() {
            return "workspace.proposed";
        }

        @Override
        public String historyDetail() {
            return "proposal=" + proposalId + "\nkind=" + kind + (facts.isEmpty() ? "" : "\n" + facts);
        }
    }

    /** A moderator confirmed a proposal for their side. */
    public record ProposalConfirmed(long workspaceId, long actorId, @Nullable Long actorSideId, long proposalId,
            ProposalKind kind, long sideId) implements Recorded {
        @Override
        public String historyKind() {
            return "workspace.proposalConfirmed";
        }

        @Override
        public String historyDetail() {
            return "proposal=" + proposalId + "\nkind=" + kind + "\nside=" + sideId;
        }
    }

    /** Every side concerned had confirmed: the change took effect. */
    public record ProposalAdopted(long workspaceId, long actorId, @Nullable Long actorSideId, long proposalId,
            ProposalKind kind) implements Recorded {
        @Override
        public String historyKind() {
            return "workspace.proposalAdopted";
        }

        @Override
        public String historyDetail() {
            return "proposal=" + proposalId + "\nkind=" + kind;
        }
    }

    /** The proposer withdrew the proposal, or a side concerned declined it. */
    public record ProposalWithdrawn(long workspaceId, long actorId, @Nullable Long actorSideId, long proposalId,
            ProposalKind kind) implements Recorded {
        @Override
        public String historyKind() {
            return "workspace.proposalWithdrawn";
        }

        @Override
        public String historyDetail() {
            return "proposal=" + proposalId + "\nkind=" + kind;
        }
    }

    public record LanguageChanged(long workspaceId, long actorId, @Nullable Long actorSideId, String language)
            implements Recorded {
        @Override
        public String historyKind() {
            return "workspace.languageChanged";
        }

        @Override
        public String historyDetail() {
            return "language=" + language;
        }
    }

    public record DefaultRuleChanged(long workspaceId, long actorId, @Nullable Long actorSideId, DefaultRule rule)
            implements Recorded {
        @Override
        public String historyKind() {
            return "workspace.defaultRuleChanged";
        }

        @Override
        public String historyDetail() {
            return "rule=" + rule;
        }
    }

    /** Suggested changes now need a moderator of every other side, or again any participant. */
    public record SuggestionKeysChanged(long workspaceId, long actorId, @Nullable Long actorSideId,
            boolean byModerators) implements Recorded {
        @Override
        public String historyKind() {
            return "workspace.suggestionKeysChanged";
        }

        @Override
        public String historyDetail() {
            return "byModerators=" + byModerators;
        }
    }

    /** Observers may now comment in the discussion, or no longer may: every side agreed. */
    public record ObserverCommentingChanged(long workspaceId, long actorId, @Nullable Long actorSideId,
            boolean allowed) implements Recorded {
        @Override
        public String historyKind() {
            return allowed ? "workspace.observersMayComment" : "workspace.observersMayNotComment";
        }

        @Override
        public String historyDetail() {
            return "allowed=" + allowed;
        }
    }

    public record OwnershipHandedOver(long workspaceId, long actorId, @Nullable Long actorSideId, long fromUserId,
            long toUserId) implements Recorded {
        @Override
        public String historyKind() {
            return "workspace.handedOver";
        }

        @Override
        public String historyDetail() {
            return "from=" + fromUserId + "\nto=" + toUserId;
        }

        @Override
        public Long subjectUserId() {
            return toUserId;
        }
    }

    /** Every side agreed to delete the workspace: its members lost access, its rows are kept. */
    public record WorkspaceDeleted(long workspaceId, long actorId, @Nullable Long actorSideId) implements Recorded {
        @Override
        public String historyKind() {
            return "workspace.deleted";
        }

        @Override
        public String historyDetail() {
            return "";
        }
    }

    /** Every side agreed to a retention rule; {@code rule} as {@link RetentionRule#toText()}, empty for none. */
    public record RetentionRuleChanged(long workspaceId, long actorId, @Nullable Long actorSideId, String rule)
            implements Recorded {
        @Override
        public String historyKind() {
            return "workspace.retentionChanged";
        }

        @Override
        public String historyDetail() {
            return "retention=" + rule;
        }
    }

    /**
     * The agreed retention rule archived the workspace: it is read-only from now on. The actor is the
     * owner at the time, since no one acted; {@code reason} is "idle" or "date".
     */
    public record WorkspaceArchived(long workspaceId, long actorId, @Nullable Long actorSideId, String reason)
            implements Recorded {
        @Override
        public String historyKind() {
            return "workspace.archived";
        }

        @Override
        public String historyDetail() {
            return "reason=" + reason;
        }
    }

    /** Every side agreed to open the archived workspace again. */
    public record WorkspaceUnarchived(long workspaceId, long actorId, @Nullable Long actorSideId)
            implements Recorded {
        @Override
        public String historyKind() {
            return "workspace.unarchived";
        }

        @Override
        public String historyDetail() {
            return "";
        }
    }

    /**
     * The retention rule's time ran out: the workspace and everything in it were deleted. Not
     * recorded, since its history went with it; open pages leave.
     */
    public record WorkspaceErased(long workspaceId) implements WorkspaceEvent {
    }

    /** Someone opened or left the workspace in a browser. Not recorded. */
    public record PresenceChanged(long workspaceId) implements WorkspaceEvent {
    }
}
